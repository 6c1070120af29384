import { Alert, Anchor, Radio, Stack, Text } from '@mantine/core';
import type { ModelProposal } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface Props {
  proposal: ModelProposal;
  value: string | null;
  onChange: (modelId: string) => void;
  error?: string;
}

/** The model in force for the stakeholder's groups that the relationship's journey is copied from. */
export function ModelProposalField({ proposal, value, onChange, error }: Props) {
  const { t } = useTranslation(['relationships']);
  const groupNames = (ids: string[]) =>
    proposal.groups
      .filter((group) => ids.includes(group.id))
      .map((group) => group.name)
      .join(', ');

  if (proposal.models.length === 0) {
    const firstGroup = proposal.groups[0];
    return (
      <Alert color="yellow" variant="light" title={t('open.noModelTitle')} role="alert">
        <Stack gap="xs">
          <Text size="sm">
            {firstGroup
              ? t('open.noModelBody', { groups: groupNames(proposal.groups.map((g) => g.id)) })
              : t('open.noGroupBody')}
          </Text>
          {firstGroup ? (
            <Anchor component={Link} to={`/approach/models/new?groupId=${firstGroup.id}`} size="sm">
              {t('open.writeModel', { group: firstGroup.name })}
            </Anchor>
          ) : (
            <Anchor component={Link} to="/stakeholders/groups" size="sm">
              {t('open.goToGroups')}
            </Anchor>
          )}
        </Stack>
      </Alert>
    );
  }

  return (
    <Radio.Group
      label={t('fields.model')}
      description={proposal.models.length > 1 ? t('open.chooseModel') : t('open.proposedModel')}
      value={value ?? ''}
      onChange={onChange}
      error={error}
      required
    >
      <Stack gap="xs" mt={4}>
        {proposal.models.map((model) => (
          <Radio
            key={model.id}
            value={model.id}
            label={t('open.modelOption', { name: model.name, number: model.agreedVersion })}
            description={t('open.modelFor', { groups: groupNames(model.groupIds) })}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}

import { Alert, Anchor, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { describeSubmitError, type FieldErrors } from '../../app/forms';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useCan, useCurrentUser } from '../auth/auth.queries';
import { ModelLessons } from '../lessons/ModelLessons';
import { useStakeholder } from '../stakeholders/stakeholder.queries';
import { BasicsFields } from './BasicsFields';
import { ModelProposalField } from './ModelProposalField';
import { OurSideField } from './OurSideField';
import { createBodyOf, newOpenValues, type OpenValues, openFields } from './relationship.form';
import { useCreateRelationship } from './relationship.mutations';
import { useProposedModels } from './relationship.queries';

/** Opens a relationship with a stakeholder on a copy of the model in force for its group. */
export default function RelationshipOpenPage() {
  const { t } = useTranslation(['relationships', 'common']);
  const navigate = useNavigate();
  const me = useCurrentUser();
  const [params] = useSearchParams();
  const stakeholderId = params.get('stakeholderId') ?? '';
  const stakeholder = useStakeholder(stakeholderId || undefined);
  const proposal = useProposedModels(stakeholderId);
  const create = useCreateRelationship();
  const canAssign = useCan('relationships.assign');
  // Whoever may assign manages what they open unless they choose otherwise; others open it unassigned.
  const [values, setValues] = useState<OpenValues>(() => newOpenValues(canAssign ? me.id : null));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const change = (next: Partial<OpenValues>) => setValues((current) => ({ ...current, ...next }));

  const onlyModel = proposal.data?.models.length === 1 ? proposal.data.models[0]?.id : undefined;
  useEffect(() => {
    if (onlyModel) setValues((current) => ({ ...current, modelId: current.modelId ?? onlyModel }));
  }, [onlyModel]);

  if (!stakeholderId)
    return (
      <EmptyState
        title={t('open.noStakeholderTitle')}
        description={t('open.noStakeholderBody')}
        action={
          <Button component={Link} to="/stakeholders" variant="light">
            {t('list.goToStakeholders')}
          </Button>
        }
      />
    );
  if (stakeholder.isPending || proposal.isPending) return <PageLoader />;
  if (stakeholder.isError)
    return <ErrorAlert error={stakeholder.error} onRetry={() => void stakeholder.refetch()} />;
  if (proposal.isError) return <ErrorAlert error={proposal.error} onRetry={() => void proposal.refetch()} />;

  const submit = () => {
    const missing: FieldErrors = {};
    if (proposal.data.models.length > 0 && !values.modelId) missing.modelId = t('common:validation.choose');
    if (values.ourSide === 'orgUnit' && !values.orgUnitId)
      missing.orgUnitId = t('common:validation.required');
    if (values.ourSide === 'stakeholder' && !values.fromStakeholderId)
      missing.fromStakeholderId = t('common:validation.required');
    setErrors(missing);
    setGeneral(null);
    if (Object.keys(missing).length > 0) return;
    create.mutate(createBodyOf(stakeholderId, values), {
      onSuccess: (relationship) => navigate(`/relationships/${relationship.id}`),
      onError: (error) => {
        const described = describeSubmitError(error, openFields);
        setErrors(described.fields);
        setGeneral(described.general);
      },
    });
  };

  return (
    <>
      <Anchor component={Link} to={`/stakeholders/${stakeholderId}`} size="sm">
        ← {t('open.back', { name: stakeholder.data.name })}
      </Anchor>
      <PageHeader
        title={t('open.title', { name: stakeholder.data.name })}
        description={t('open.description')}
      />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack maw={760}>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="sm">
              {t('open.journeyHeading')}
            </Title>
            <ModelProposalField
              proposal={proposal.data}
              value={values.modelId}
              onChange={(modelId) => change({ modelId })}
              error={errors.modelId}
            />
            <ModelLessons modelId={values.modelId} />
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="sm">
              {t('open.partiesHeading')}
            </Title>
            <OurSideField values={values} onChange={change} errors={errors} stakeholderId={stakeholderId} />
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="sm">
              {t('open.basicsHeading')}
            </Title>
            <BasicsFields
              values={values}
              onChange={change}
              errors={errors}
              namePlaceholder={stakeholder.data.name}
            />
          </Paper>
          {general && (
            <Alert color="red" variant="light" role="alert">
              {general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" component={Link} to={`/stakeholders/${stakeholderId}`}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('open.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

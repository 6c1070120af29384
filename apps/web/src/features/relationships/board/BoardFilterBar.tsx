import { Group, Select } from '@mantine/core';
import type { RelationshipModelSummary } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { useUserOptions } from '../../admin/user.queries';
import { GroupSelect } from '../../groups/GroupSelect';

export interface BoardChoice {
  modelId: string | null;
  manager: 'mine' | null;
  agentId: string | null;
  groupId: string | null;
}

interface Props {
  models: RelationshipModelSummary[];
  choice: BoardChoice;
  onChange: (choice: BoardChoice) => void;
}

export function BoardFilterBar({ models, choice, onChange }: Props) {
  const { t } = useTranslation(['relationships']);
  const users = useUserOptions();
  return (
    <Group align="flex-end" mb="md">
      <Select
        label={t('fields.model')}
        data={models.map((model) => ({ value: model.id, label: model.name }))}
        value={choice.modelId}
        onChange={(modelId) => onChange({ ...choice, modelId })}
        allowDeselect={false}
        searchable
        w={260}
      />
      <Select
        label={t('fields.manager')}
        placeholder={t('list.anyManager')}
        data={[{ value: 'mine', label: t('list.managedByMe') }]}
        value={choice.manager}
        onChange={(value) => onChange({ ...choice, manager: value === 'mine' ? 'mine' : null })}
        clearable
        w={180}
      />
      <Select
        label={t('fields.agent')}
        placeholder={t('list.anyAgent')}
        data={[
          { value: 'none', label: t('list.noAgent') },
          ...(users.data ?? []).map((user) => ({ value: user.id, label: user.name })),
        ]}
        value={choice.agentId}
        onChange={(agentId) => onChange({ ...choice, agentId })}
        searchable
        clearable
        w={190}
      />
      <GroupSelect value={choice.groupId} onChange={(groupId) => onChange({ ...choice, groupId })} />
    </Group>
  );
}

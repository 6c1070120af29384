import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';
import { useGroupsOf } from '../groups/group.queries';

/** The groups a stakeholder belongs to, as links (loaded per row; a due list is short). */
export function StakeholderGroupsCell({ stakeholderId }: { stakeholderId: string }) {
  const groups = useGroupsOf(stakeholderId);
  if (!groups.data?.length) return '—';
  return (
    <Group gap={6}>
      {groups.data.map((group) => (
        <Anchor key={group.id} component={Link} to={`/stakeholders/groups/${group.id}`} size="sm">
          {group.name}
        </Anchor>
      ))}
    </Group>
  );
}

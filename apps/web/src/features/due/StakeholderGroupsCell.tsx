import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';
import type { Membership } from '../groups/group.queries';

/** The groups a stakeholder belongs to, as links; the page loads every row's groups in one request. */
export function StakeholderGroupsCell({ groups }: { groups: Membership[] | undefined }) {
  if (!groups?.length) return '—';
  return (
    <Group gap={6}>
      {groups.map((group) => (
        <Anchor key={group.groupId} component={Link} to={`/stakeholders/groups/${group.groupId}`} size="sm">
          {group.groupName}
        </Anchor>
      ))}
    </Group>
  );
}

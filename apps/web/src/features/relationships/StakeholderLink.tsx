import { Anchor } from '@mantine/core';
import { Link } from 'react-router';

/** A stakeholder of a relationship, linked to its page; the relationship record carries the name. */
export function StakeholderLink({ id, name }: { id: string; name: string }) {
  return (
    <Anchor component={Link} to={`/stakeholders/${id}`} size="sm">
      {name}
    </Anchor>
  );
}

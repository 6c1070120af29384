import { Anchor, Group, Text } from '@mantine/core';
import type { MyWork } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../../app/format';
import { relationshipPath } from '../relationships/relationship.queries';
import { DueBadge } from './DueBadge';
import { WorkSection } from './WorkSection';

/** Relationships whose next contact falls within the week, the longest overdue first. */
export function ContactsDue({ contacts, today }: { contacts: MyWork['contacts']; today: string }) {
  const { t, i18n } = useTranslation(['work']);
  const sorted = [...contacts].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || a.nextContactOn.localeCompare(b.nextContactOn),
  );
  return (
    <WorkSection
      id="work-contacts"
      title={t('contacts.title')}
      count={contacts.length}
      empty={t('contacts.empty')}
    >
      {sorted.map((contact) => (
        <Group component="li" key={contact.relationshipId} justify="space-between" wrap="nowrap" gap="sm">
          <div>
            <Anchor component={Link} to={relationshipPath(contact.relationshipId)} fw={500}>
              {contact.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t('contacts.dueOn', { date: formatDay(contact.nextContactOn, i18n.language) })}
            </Text>
          </div>
          <DueBadge dueOn={contact.nextContactOn} today={today} />
        </Group>
      ))}
    </WorkSection>
  );
}

import { Badge } from '@mantine/core';
import { type RelationshipType, serviceRelationshipTypes } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';

/** Whether a model is for organisations (guide table 2.2) or for people (table 2.1). */
export function audienceOf(type: RelationshipType): 'organisations' | 'people' {
  return (serviceRelationshipTypes as readonly string[]).includes(type) ? 'organisations' : 'people';
}

export function RelationshipTypeBadge({ type }: { type: RelationshipType }) {
  const { t } = useTranslation(['models']);
  return (
    <Badge variant="light" color={audienceOf(type) === 'organisations' ? 'indigo' : 'grape'}>
      {t(`types.${type}`)}
    </Badge>
  );
}

import { Badge, Group } from '@mantine/core';
import type { Role } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';

export function AudienceBadges({ audience }: { audience: Role[] }) {
  const { t } = useTranslation(['enums']);
  return (
    <Group gap={4}>
      {audience.map((role) => (
        <Badge key={role} size="sm" variant="light" color="gray">
          {t(`enums:role.${role}`)}
        </Badge>
      ))}
    </Group>
  );
}

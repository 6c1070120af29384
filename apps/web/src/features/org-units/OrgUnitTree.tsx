import { Anchor, Badge, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { OrgUnit } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { childrenByParent } from './org-unit.tree';

export interface UnitActions {
  onEdit: (unit: OrgUnit) => void;
  onAddBelow: (unit: OrgUnit) => void;
  onArchive: (unit: OrgUnit) => void;
  busyId: string | null;
}

interface Props {
  units: readonly OrgUnit[];
  /** Omitted when the user may not change the structure. */
  actions?: UnitActions;
}

/** The structure as nested lists, so assistive technology announces each unit's level and its siblings. */
export function OrgUnitTree({ units, actions }: Props) {
  const { t } = useTranslation(['approach']);
  const children = childrenByParent(units);

  const branch = (parentId: string | null, depth: number, seen: ReadonlySet<string>) => {
    const below = (children.get(parentId) ?? []).filter((unit) => !seen.has(unit.id));
    if (below.length === 0) return null;
    return (
      <Box
        component="ul"
        aria-label={depth === 0 ? t('orgUnits.treeLabel') : undefined}
        m={0}
        p={0}
        pl={depth === 0 ? 0 : 'lg'}
        style={{
          listStyle: 'none',
          borderLeft: depth === 0 ? undefined : '2px solid var(--mantine-color-gray-3)',
        }}
      >
        {below.map((unit) => (
          <li key={unit.id}>
            <UnitRow unit={unit} actions={actions} />
            {branch(unit.id, depth + 1, new Set([...seen, unit.id]))}
          </li>
        ))}
      </Box>
    );
  };

  return branch(null, 0, new Set());
}

function UnitRow({ unit, actions }: { unit: OrgUnit; actions?: UnitActions }) {
  const { t } = useTranslation(['approach']);
  const archived = Boolean(unit.archivedAt);
  return (
    <Paper withBorder p="sm" my={6} radius="md" bg={archived ? 'gray.0' : undefined}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600} c={archived ? 'dimmed' : undefined}>
              {unit.name}
            </Text>
            <Badge variant="light" size="sm">
              {t(`orgUnits.kind.${unit.kind}`)}
            </Badge>
            {archived && (
              <Badge color="gray" variant="filled" size="sm">
                {t('orgUnits.archived')}
              </Badge>
            )}
          </Group>
          {unit.description && (
            <Text size="sm" c="dimmed">
              {unit.description}
            </Text>
          )}
          <Anchor
            component={Link}
            to={`/approach/culture?orgUnitId=${encodeURIComponent(unit.id)}`}
            size="sm"
          >
            {t('orgUnits.cultureLink')}
          </Anchor>
        </Stack>
        {actions && (
          <Group gap={4}>
            {!archived && (
              <>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => actions.onEdit(unit)}
                  aria-label={t('orgUnits.editNamed', { name: unit.name })}
                >
                  {t('orgUnits.edit')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => actions.onAddBelow(unit)}
                  aria-label={t('orgUnits.addBelowNamed', { name: unit.name })}
                >
                  {t('orgUnits.addBelow')}
                </Button>
              </>
            )}
            <Button
              size="compact-sm"
              variant="subtle"
              color={archived ? undefined : 'red'}
              loading={actions.busyId === unit.id}
              onClick={() => actions.onArchive(unit)}
              aria-label={t(archived ? 'orgUnits.restoreNamed' : 'orgUnits.archiveNamed', {
                name: unit.name,
              })}
            >
              {archived ? t('orgUnits.restore') : t('orgUnits.archive')}
            </Button>
          </Group>
        )}
      </Group>
    </Paper>
  );
}

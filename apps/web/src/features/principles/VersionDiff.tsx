import { Box, Group, Paper, Select, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { DocumentVersionSummary } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { usePrincipleVersion } from './principle.queries';
import { type DiffLine, lineDiff } from './versionDiff';

const lineLook = {
  added: { component: 'ins', bg: 'green.0', c: 'green.9', marker: '+' },
  removed: { component: 'del', bg: 'red.0', c: 'red.9', marker: '−' },
  same: { component: 'span', bg: undefined, c: undefined, marker: ' ' },
} as const;

function DiffBlock({ label, lines }: { label: string; lines: DiffLine[] }) {
  const { t } = useTranslation(['principles']);
  const unchanged = lines.every((line) => line.kind === 'same');
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {label}
        {unchanged && (
          <Text component="span" c="dimmed" size="sm" fw={400}>
            {' '}
            — {t('diff.unchanged')}
          </Text>
        )}
      </Text>
      <Paper withBorder p="xs" ff="monospace" fz="sm" style={{ overflowX: 'auto' }}>
        {lines.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('diff.empty')}
          </Text>
        ) : (
          lines.map((line, index) => {
            const look = lineLook[line.kind];
            return (
              <Box
                // Lines have no identity of their own; their place in the diff is what they are.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                key={index}
                component={look.component}
                display="block"
                bg={look.bg}
                c={look.c}
                style={{ whiteSpace: 'pre-wrap', textDecoration: 'none' }}
              >
                <span aria-hidden="true">{look.marker} </span>
                {line.kind !== 'same' && <VisuallyHidden>{t(`diff.${line.kind}`)}: </VisuallyHidden>}
                {line.text || ' '}
              </Box>
            );
          })
        )}
      </Paper>
    </Stack>
  );
}

interface Props {
  principleId: string;
  /** Newest first, as the API lists them. */
  versions: DocumentVersionSummary[];
}

/** A line diff of the title and text between any two versions, newest against the one before by default. */
export function VersionDiff({ principleId, versions }: Props) {
  const { t } = useTranslation(['principles']);
  const [from, setFrom] = useState<number>(versions[1]?.number ?? versions[0]?.number ?? 1);
  const [to, setTo] = useState<number>(versions[0]?.number ?? 1);
  const before = usePrincipleVersion(principleId, from);
  const after = usePrincipleVersion(principleId, to);
  const options = versions.map((version) => ({
    value: String(version.number),
    label: t('diff.option', { number: version.number, status: t(`status.${version.status}`) }),
  }));

  const body = () => {
    if (before.isError) return <ErrorAlert error={before.error} onRetry={() => void before.refetch()} />;
    if (after.isError) return <ErrorAlert error={after.error} onRetry={() => void after.refetch()} />;
    if (!before.data || !after.data) return <PageLoader />;
    const title = lineDiff(before.data.title, after.data.title);
    const text = lineDiff(before.data.body, after.data.body);
    const count = (kind: DiffLine['kind']) => [...title, ...text].filter((line) => line.kind === kind).length;
    return (
      <Stack>
        <Text size="sm" role="status">
          {t('diff.summary', { added: count('added'), removed: count('removed') })}
        </Text>
        <DiffBlock label={t('fields.title')} lines={title} />
        <DiffBlock label={t('fields.body')} lines={text} />
      </Stack>
    );
  };

  return (
    <Stack>
      <Title order={3} size="h4">
        {t('diff.title')}
      </Title>
      <Group align="flex-end">
        <Select
          label={t('diff.from')}
          data={options}
          value={String(from)}
          onChange={(value) => value && setFrom(Number(value))}
          allowDeselect={false}
          w={240}
        />
        <Select
          label={t('diff.to')}
          data={options}
          value={String(to)}
          onChange={(value) => value && setTo(Number(value))}
          allowDeselect={false}
          w={240}
        />
      </Group>
      {body()}
    </Stack>
  );
}

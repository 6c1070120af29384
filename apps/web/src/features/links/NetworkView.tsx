import { Box, Group, MultiSelect, SegmentedControl, Text } from '@mantine/core';
import { type LinkType, linkTypes, type Network } from '@rapport/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ECElementEvent } from '../../components/charts/echarts';
import { useChart } from '../../components/charts/useChart';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { buildNetworkOption } from './network.chart';

interface Props {
  query: UseQueryResult<Network>;
  centreIds: readonly string[];
  depth: number;
  onDepth: (depth: number) => void;
  types: LinkType[];
  onTypes: (types: LinkType[]) => void;
  label: string;
}

/** The stakeholders linked around one stakeholder (or a group's members), up to three steps away. */
export function NetworkView({ query, centreIds, depth, onDepth, types, onTypes, label }: Props) {
  const { t } = useTranslation(['links', 'enums']);
  const navigate = useNavigate();
  const container = useRef<HTMLDivElement>(null);
  const chart = useChart(container);
  const network = query.data;
  const empty = !network || network.links.length === 0;

  const option = useMemo(
    () =>
      network
        ? buildNetworkOption(network, centreIds, {
            linkType: (type) => t(`types.${type}` as 'types.influences'),
            quadrant: (quadrant) => t(`enums:quadrant.${quadrant}` as 'enums:quadrant.monitor'),
            category: (category) => t(`enums:category.${category}` as 'enums:category.other'),
          })
        : null,
    [network, centreIds, t],
  );

  useEffect(() => {
    if (chart && option) chart.setOption(option, { notMerge: true });
  }, [chart, option]);

  useEffect(() => {
    if (!chart) return;
    const open = (params: ECElementEvent) => {
      const id = (params.data as { id?: string } | null)?.id;
      if (params.dataType === 'node' && id) void navigate(`/stakeholders/${id}`);
    };
    chart.on('click', open);
    return () => {
      chart.off('click', open);
    };
  }, [chart, navigate]);

  return (
    <>
      <Group mb="sm" align="flex-end" gap="md">
        <div>
          <Text size="sm" fw={500} mb={4} id="network-depth-label">
            {t('network.depth')}
          </Text>
          <SegmentedControl
            aria-labelledby="network-depth-label"
            value={String(depth)}
            onChange={(value) => onDepth(Number(value))}
            data={['1', '2', '3']}
          />
        </div>
        <MultiSelect
          label={t('network.types')}
          placeholder={types.length ? undefined : t('network.allTypes')}
          data={linkTypes.map((type) => ({ value: type, label: t(`types.${type}`) }))}
          value={types}
          onChange={(value) => onTypes(value as LinkType[])}
          clearable
          w={320}
        />
        {network && (
          <Text size="sm" c="dimmed" ml="auto" aria-live="polite">
            {t('network.count', { nodes: network.nodes.length, links: network.links.length })}
          </Text>
        )}
      </Group>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : empty ? (
        <EmptyState title={t('network.emptyTitle')} description={t('network.emptyBody')} />
      ) : null}
      {/* The chart stays mounted (hidden when empty) so switching filters does not rebuild it. */}
      <Box
        ref={container}
        h={480}
        w="100%"
        role="img"
        aria-label={label}
        data-testid="network-chart"
        style={{ display: empty ? 'none' : undefined }}
      />
    </>
  );
}

import type { Network } from '@rapport/contracts';
import { echarts } from '../../components/charts/echarts';
import { quadrantColors } from '../map/map.chart';

export interface NetworkLabels {
  linkType: (type: string) => string;
  quadrant: (quadrant: string) => string;
  category: (category: string) => string;
}

/** A force-directed graph: nodes coloured by quadrant, directed links with an arrow. */
export function buildNetworkOption(network: Network, centreIds: readonly string[], labels: NetworkLabels) {
  const encode = echarts.format.encodeHTML;
  const names = new Map(network.nodes.map((node) => [node.id, node.name]));
  return {
    animationDuration: 600,
    tooltip: {
      trigger: 'item' as const,
      formatter: (params: {
        dataType?: string;
        data: {
          id?: string;
          source?: string;
          target?: string;
          linkType?: string;
          stakeholderCategory?: string;
          quadrant?: string;
          name?: string;
        };
      }) => {
        const data = params.data;
        if (params.dataType === 'edge') {
          return `${encode(names.get(data.source ?? '') ?? '')} — ${encode(labels.linkType(data.linkType ?? ''))} — ${encode(names.get(data.target ?? '') ?? '')}`;
        }
        return [
          `<strong>${encode(data.name ?? '')}</strong>`,
          encode(labels.category(data.stakeholderCategory ?? '')),
          encode(labels.quadrant(data.quadrant ?? '')),
        ].join('<br/>');
      },
    },
    series: [
      {
        type: 'graph' as const,
        layout: 'force' as const,
        roam: true,
        draggable: true,
        force: { repulsion: 260, edgeLength: [90, 160], gravity: 0.08 },
        label: { show: true, position: 'right' as const, fontSize: 12, color: '#212529' },
        edgeLabel: {
          show: network.links.length <= 40,
          fontSize: 10,
          color: '#868e96',
          formatter: (params: { data: { linkType?: string } }) => labels.linkType(params.data.linkType ?? ''),
        },
        emphasis: { focus: 'adjacency' as const, lineStyle: { width: 3 } },
        data: network.nodes.map((node) => ({
          id: node.id,
          name: node.name,
          // Not `category`: a graph reads that as the index of a legend category.
          stakeholderCategory: node.category,
          quadrant: node.quadrant,
          symbolSize:
            node.depth === 0 || centreIds.includes(node.id) ? 26 : Math.max(12, 20 - node.depth * 3),
          itemStyle: {
            color: quadrantColors[node.quadrant as keyof typeof quadrantColors] ?? '#868e96',
            borderColor: node.depth === 0 || centreIds.includes(node.id) ? '#212529' : '#fff',
            borderWidth: node.depth === 0 || centreIds.includes(node.id) ? 3 : 1,
          },
        })),
        edges: network.links.map((link) => ({
          source: link.fromId,
          target: link.toId,
          linkType: link.type,
          symbol: link.directed ? ['none', 'arrow'] : ['none', 'none'],
          symbolSize: 9,
          lineStyle: {
            color:
              link.type === 'in_conflict_with'
                ? '#e03131'
                : link.type === 'allied_with'
                  ? '#2f9e44'
                  : '#868e96',
            width: 1.5,
            type: link.type === 'in_conflict_with' ? ('dashed' as const) : ('solid' as const),
            curveness: 0.08,
          },
        })),
      },
    ],
  };
}

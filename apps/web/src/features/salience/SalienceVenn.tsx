import type { SalienceClass } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';

interface Props {
  counts: Partial<Record<SalienceClass, number>>;
  selected: SalienceClass | null;
}

// Where each class's count sits among the three circles (power top-left, legitimacy top-right,
// urgency bottom), on a 360 × 320 drawing.
const regions: { salience: SalienceClass; x: number; y: number }[] = [
  { salience: 'dormant', x: 105, y: 105 },
  { salience: 'discretionary', x: 255, y: 105 },
  { salience: 'demanding', x: 180, y: 250 },
  { salience: 'dominant', x: 180, y: 92 },
  { salience: 'dangerous', x: 128, y: 180 },
  { salience: 'dependent', x: 232, y: 180 },
  { salience: 'definitive', x: 180, y: 150 },
];

const circles = [
  { key: 'power', cx: 135, cy: 120, color: '#e03131', labelX: 60, labelY: 30 },
  { key: 'legitimacy', cx: 225, cy: 120, color: '#1c7ed6', labelX: 300, labelY: 30 },
  { key: 'urgency', cx: 180, cy: 200, color: '#f08c00', labelX: 180, labelY: 312 },
] as const;

/** The three salience attributes as overlapping circles, each region showing how many hold exactly those. */
export function SalienceVenn({ counts, selected }: Props) {
  const { t } = useTranslation(['stakeholders', 'enums']);
  return (
    <svg viewBox="0 0 360 320" width="100%" style={{ maxWidth: 420 }} aria-hidden="true">
      {circles.map((circle) => (
        <g key={circle.key}>
          <circle
            cx={circle.cx}
            cy={circle.cy}
            r={90}
            fill={circle.color}
            fillOpacity={0.12}
            stroke={circle.color}
          />
          <text
            x={circle.labelX}
            y={circle.labelY}
            textAnchor="middle"
            fontSize={14}
            fontWeight={700}
            fill={circle.color}
          >
            {t(`stakeholders:fields.${circle.key}`)}
          </text>
        </g>
      ))}
      {regions.map((region) => (
        <g key={region.salience} fontWeight={selected === region.salience ? 700 : 400}>
          <text x={region.x} y={region.y} textAnchor="middle" fontSize={18} fill="#212529">
            {counts[region.salience] ?? 0}
          </text>
          <text x={region.x} y={region.y + 15} textAnchor="middle" fontSize={10} fill="#495057">
            {t(`enums:salience.${region.salience}`)}
          </text>
        </g>
      ))}
    </svg>
  );
}

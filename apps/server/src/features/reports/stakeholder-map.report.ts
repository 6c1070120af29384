import { type Quadrant, quadrants, type SalienceClass, type StakeholderMap } from '@rapport/contracts';
import { reportText } from './report.dictionary.js';
import { type ReportContext, ReportDocument } from './report.document.js';

export interface StakeholderMapData {
  map: StakeholderMap;
  salience: { classes: { salience: SalienceClass; count: number }[] };
}

/** The key stakeholders table lists at most this many; the rest are counted. */
const KEY_ROWS = 200;
const SCALE = [1, 2, 3, 4, 5];
/** SPEC §11: 3 and more is high, so the quadrants meet between 2 and 3. */
const QUADRANT_LINE = 2.5;
const QUADRANT_FILL: Record<Quadrant, string> = {
  manage_closely: '#fde2e1',
  keep_satisfied: '#fef3c7',
  keep_informed: '#dbeafe',
  monitor: '#eef2f6',
};

interface Point {
  name: string;
  influence: number;
  interest: number;
  targetInfluence: number | null;
  targetInterest: number | null;
  category: string;
  quadrant: Quadrant;
}

function pointsOf(map: StakeholderMap): Point[] {
  const at = (name: string) => map.fields.indexOf(name as (typeof map.fields)[number]);
  const [name, influence, interest, targetInfluence, targetInterest, category, quadrant] = [
    at('name'),
    at('influence'),
    at('interest'),
    at('targetInfluence'),
    at('targetInterest'),
    at('category'),
    at('quadrant'),
  ];
  return map.rows.map((row) => ({
    name: String(row[name]),
    influence: Number(row[influence]),
    interest: Number(row[interest]),
    targetInfluence: row[targetInfluence] === null ? null : Number(row[targetInfluence]),
    targetInterest: row[targetInterest] === null ? null : Number(row[targetInterest]),
    category: String(row[category]),
    quadrant: row[quadrant] as Quadrant,
  }));
}

/**
 * The map as a chart: interest across, influence up, the four quadrants shaded, and one circle per occupied
 * position sized by how many stakeholders hold it. Positions are whole numbers from 1 to 5, so 100,000
 * stakeholders still make at most 25 circles — the PDF stays small and readable.
 */
function drawMap(report: ReportDocument, points: Point[]) {
  const { doc, t } = report;
  const size = 320;
  const top = report.reserve(size + 60);
  const left = doc.page.margins.left + (report.width - size) / 2 + 10;
  const x = (v: number) => left + ((v - 0.5) / 5) * size;
  const y = (v: number) => top + size - ((v - 0.5) / 5) * size;

  const areas: [Quadrant, number, number, number, number][] = [
    ['keep_satisfied', 0.5, QUADRANT_LINE, QUADRANT_LINE, 5.5],
    ['manage_closely', QUADRANT_LINE, 5.5, QUADRANT_LINE, 5.5],
    ['monitor', 0.5, QUADRANT_LINE, 0.5, QUADRANT_LINE],
    ['keep_informed', QUADRANT_LINE, 5.5, 0.5, QUADRANT_LINE],
  ];
  for (const [quadrant, fromInterest, toInterest, fromInfluence, toInfluence] of areas) {
    doc
      .rect(
        x(fromInterest),
        y(toInfluence),
        x(toInterest) - x(fromInterest),
        y(fromInfluence) - y(toInfluence),
      )
      .fill(QUADRANT_FILL[quadrant]);
  }
  doc.rect(x(0.5), y(5.5), size, size).lineWidth(1).strokeColor('#1f2933').stroke();
  doc.font('body').fontSize(8).fillColor('#1f2933');
  for (const v of SCALE) {
    doc.text(String(v), x(v) - 10, y(0.5) + 4, { width: 20, align: 'center', lineBreak: false });
    doc.text(String(v), x(0.5) - 24, y(v) - 5, { width: 18, align: 'right', lineBreak: false });
  }
  doc.fontSize(10).text(`${t.map.interest} →`, x(0.5), y(0.5) + 18, { width: size, align: 'center' });
  doc.save().rotate(-90, { origin: [x(0.5) - 40, y(3)] });
  doc.text(`${t.map.influence} →`, x(0.5) - 40 - size / 2, y(3) - 6, { width: size, align: 'center' });
  doc.restore();

  const counts = new Map<string, number>();
  for (const point of points) {
    const key = `${point.influence}:${point.interest}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const most = Math.max(1, ...counts.values());
  const cell = size / 5;
  for (const [key, count] of counts) {
    const [influence, interest] = key.split(':').map(Number) as [number, number];
    const radius = Math.min(cell * 0.45, 8 + (cell * 0.45 - 8) * Math.sqrt(count / most));
    doc.circle(x(interest), y(influence), radius).fillOpacity(0.85).fill('#3b6fb6').fillOpacity(1);
    doc
      .font('bold')
      .fontSize(8)
      .fillColor('#ffffff')
      .text(String(count), x(interest) - radius, y(influence) - 5, {
        width: 2 * radius,
        align: 'center',
        lineBreak: false,
      });
  }
  // The quadrant names go on top of the circles, on a pale label, so neither hides the other.
  doc.font('bold').fontSize(8);
  for (const [quadrant, fromInterest, , , toInfluence] of areas) {
    const label = t.quadrant[quadrant];
    const labelWidth = doc.widthOfString(label) + 6;
    doc
      .rect(x(fromInterest) + 2, y(toInfluence) + 2, labelWidth, 12)
      .fillOpacity(0.85)
      .fill('#ffffff')
      .fillOpacity(1);
    doc.fillColor('#3e4c59').text(label, x(fromInterest) + 5, y(toInfluence) + 3, { lineBreak: false });
  }
  doc.fillColor('#1f2933').font('body');
  doc.x = doc.page.margins.left;
  doc.y = top + size + 60;
}

/**
 * The stakeholder map report: a title page; the influence × interest map with the count per quadrant; then
 * salience and the table of key stakeholders to manage closely (highest influence, then interest, first).
 */
export function stakeholderMapReport(data: StakeholderMapData, context: ReportContext): Promise<Buffer> {
  const t = reportText(context.lang);
  const points = pointsOf(data.map);
  const total = points.length;
  const report = new ReportDocument(context.lang, t, {
    title: t.map.title,
    subtitle: t.map.subtitle,
    organisation: context.organisation,
    generatedAt: context.generatedAt,
    details: [[t.map.stakeholders, String(total)]],
  });
  const share = (n: number) => (total === 0 ? t.common.notSet : `${report.formatNumber((100 * n) / total)}%`);

  report.section(t.map.chartHeading);
  report.paragraph(total === 0 ? t.map.empty : t.map.chartNote(total), { muted: true });
  drawMap(report, points);
  report.heading(t.map.quadrantsHeading);
  report.table(
    [
      { header: t.map.quadrant, width: 0.5 },
      { header: t.map.stakeholders, width: 0.25, align: 'right' },
      { header: t.map.share, width: 0.25, align: 'right' },
    ],
    quadrants.map((quadrant) => {
      const n = points.filter((point) => point.quadrant === quadrant).length;
      return [t.quadrant[quadrant], String(n), share(n)];
    }),
  );

  report.section(t.map.salienceHeading);
  report.table(
    [
      { header: t.map.salienceClass, width: 0.5 },
      { header: t.map.stakeholders, width: 0.25, align: 'right' },
      { header: t.map.share, width: 0.25, align: 'right' },
    ],
    data.salience.classes.map(({ salience, count }) => [t.salience[salience], String(count), share(count)]),
  );

  report.heading(t.map.keyHeading);
  report.paragraph(t.map.keyNote, { muted: true });
  const key = points
    .filter((point) => point.quadrant === 'manage_closely')
    .sort(
      (a, b) =>
        b.influence - a.influence ||
        b.interest - a.interest ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
  const target = (point: Point) =>
    point.targetInfluence === null || point.targetInterest === null
      ? t.common.notSet
      : `${point.targetInfluence} / ${point.targetInterest}`;
  report.table(
    [
      { header: t.map.name, width: 0.36 },
      { header: t.map.category, width: 0.22 },
      { header: t.map.influence, width: 0.14, align: 'right' },
      { header: t.map.interest, width: 0.14, align: 'right' },
      { header: t.map.target, width: 0.14, align: 'right' },
    ],
    key
      .slice(0, KEY_ROWS)
      .map((point) => [
        point.name,
        t.category[point.category] ?? point.category,
        String(point.influence),
        String(point.interest),
        target(point),
      ]),
    { empty: t.map.noKey },
  );
  if (key.length > KEY_ROWS) report.paragraph(t.common.more(key.length - KEY_ROWS), { muted: true });
  return report.finish();
}

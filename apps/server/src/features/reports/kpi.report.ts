import { type Kpi, type KpiCatalogue, type KpiUnit, practiceSuccessFactors } from '@rapport/contracts';
import { reportText } from './report.dictionary.js';
import { type ReportContext, ReportDocument } from './report.document.js';

function valueText(report: ReportDocument, unit: KpiUnit, value: number | null, withUnit = true) {
  if (value === null) return report.t.common.notSet;
  const n = report.formatNumber(value, unit === 'score5' ? 2 : 1);
  if (!withUnit) return unit === 'nps' && value > 0 ? `+${n}` : n;
  switch (unit) {
    case 'percent':
      return `${n}%`;
    case 'score5':
      return `${n} / 5`;
    case 'score100':
      return `${n} / 100`;
    case 'nps':
      return value > 0 ? `+${n}` : n;
    case 'count':
      return n;
  }
}

function basisText(report: ReportDocument, kpi: Kpi) {
  if (kpi.source === 'manual') return report.t.kpi.manual;
  if (kpi.numerator === null || kpi.denominator === null) return report.t.common.notSet;
  return `${report.formatNumber(kpi.numerator, 2)} / ${report.formatNumber(kpi.denominator, 2)}`;
}

/**
 * The KPI report for a period: a title page, a summary of targets met and missed, then one page per practice
 * success factor (guide §2.4) with each KPI's value, target, status, basis and trend over earlier periods.
 * It is a function of the catalogue alone, so it prints exactly what the KPI dashboard shows.
 */
export function kpiReport(catalogue: KpiCatalogue, context: ReportContext): Promise<Buffer> {
  const t = reportText(context.lang);
  const period = `${catalogue.period.from} – ${catalogue.period.to}`;
  const report = new ReportDocument(context.lang, t, {
    title: t.kpi.title,
    subtitle: t.kpi.subtitle,
    organisation: context.organisation,
    generatedAt: context.generatedAt,
    details: [[t.common.period, period]],
  });

  const count = (status: Kpi['status']) => catalogue.data.filter((kpi) => kpi.status === status).length;
  report.section(t.kpi.summaryHeading);
  report.keyValues([
    [t.common.period, period],
    [t.kpi.met, String(count('met'))],
    [t.kpi.missed, String(count('missed'))],
    [t.kpi.noTarget, String(count('no_target'))],
    [t.kpi.noData, String(count('no_data'))],
  ]);
  if (catalogue.data.length === 0) report.paragraph(t.kpi.empty, { muted: true });

  for (const psf of practiceSuccessFactors) {
    const kpis = catalogue.data.filter((kpi) => kpi.psf === psf);
    if (kpis.length === 0) continue;
    report.section(t.kpi.psf[psf]);
    report.table(
      [
        { header: t.kpi.indicator, width: 0.3 },
        { header: t.kpi.value, width: 0.13, align: 'right' },
        { header: t.kpi.target, width: 0.12, align: 'right' },
        { header: t.kpi.status, width: 0.12 },
        { header: t.kpi.basis, width: 0.12, align: 'right' },
        { header: t.kpi.trend, width: 0.21 },
      ],
      kpis.map((kpi) => [
        t.kpi.names[kpi.key],
        valueText(report, kpi.unit, kpi.value),
        valueText(report, kpi.unit, kpi.target),
        t.kpi[`status_${kpi.status}`],
        basisText(report, kpi),
        kpi.trend.map((point) => valueText(report, kpi.unit, point.value, false)).join(' → '),
      ]),
    );
  }
  return report.finish();
}

import type { Kpi, KpiUnit } from '@rapport/contracts';

/** A KPI value as read: 87.5 %, 4.2 / 5, +33, 12, 70 / 100. */
export function formatKpiValue(value: number | null, unit: KpiUnit, locale: string): string {
  if (value === null) return '—';
  const number = (digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  switch (unit) {
    case 'percent':
      return `${number(1)} %`;
    case 'score5':
      return `${number(2)} / 5`;
    case 'nps':
      return value > 0 ? `+${number(1)}` : number(1);
    case 'score100':
      return `${number(1)} / 100`;
    case 'count':
      return number(2);
  }
}

export const statusColor: Record<Kpi['status'], string> = {
  met: 'teal',
  missed: 'red',
  no_target: 'gray',
  no_data: 'gray',
};

/** The web page of a drill-down record, or null when it has none of its own. */
export function recordLink(record: { entity: string; id: string; parentId: string | null }): string | null {
  switch (record.entity) {
    case 'stakeholder':
      return `/stakeholders/${record.id}`;
    case 'stakeholder_group':
      return `/stakeholders/groups/${record.id}`;
    case 'relationship':
      return `/relationships/${record.id}`;
    case 'exception':
      return `/exceptions/${record.id}`;
    case 'review':
      return `/reviews/${record.id}`;
    case 'survey_answer':
      return record.parentId ? `/surveys/${record.parentId}` : null;
    case 'material':
      return `/approach/materials/${record.id}`;
    default:
      return null;
  }
}

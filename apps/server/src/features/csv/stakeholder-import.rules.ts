import {
  engagementLevels,
  type FieldError,
  StakeholderCreate,
  scopes,
  stakeholderCategories,
  stakeholderKinds,
} from '@rapport/contracts';

/** The stakeholder fields a CSV column can fill. `ownerEmail` names the owner by their e-mail. */
export const importFields = [
  'externalRef',
  'name',
  'kind',
  'category',
  'scope',
  'influence',
  'interest',
  'power',
  'legitimacy',
  'urgency',
  'engagementCurrent',
  'engagementDesired',
  'targetInfluence',
  'targetInterest',
  'ownerEmail',
  'emails',
  'phones',
  'tags',
  'notes',
] as const;
export type ImportField = (typeof importFields)[number];
export type Mapping = Record<string, ImportField | null>;

// Header spellings (English and Chinese) that suggest a field when a file is first seen.
const aliases: Record<ImportField, string[]> = {
  externalRef: ['externalref', 'externalid', 'ref', 'reference', 'id', '编号', '外部编号'],
  name: ['name', 'fullname', 'organisation', 'organization', 'company', '名称', '姓名', '名字', '单位'],
  kind: ['kind', 'type', '类型'],
  category: ['category', '类别', '分类'],
  scope: ['scope', 'internalexternal', '范围'],
  influence: ['influence', 'power', '影响力', '影响'],
  interest: ['interest', '利益', '兴趣', '关注度'],
  power: ['haspower', '权力'],
  legitimacy: ['legitimacy', '合法性'],
  urgency: ['urgency', '紧迫性'],
  engagementCurrent: ['engagementcurrent', 'currentengagement', 'engagement', '当前参与度'],
  engagementDesired: ['engagementdesired', 'desiredengagement', '期望参与度'],
  targetInfluence: ['targetinfluence', '目标影响力'],
  targetInterest: ['targetinterest', '目标利益'],
  ownerEmail: ['owner', 'owneremail', 'agent', '负责人'],
  emails: ['email', 'emails', 'e-mail', 'mail', '邮箱', '电子邮件'],
  phones: ['phone', 'phones', 'telephone', 'mobile', '电话', '手机'],
  tags: ['tags', 'tag', 'labels', '标签'],
  notes: ['notes', 'note', 'comments', 'comment', '备注', '说明'],
};

const headerKey = (header: string) =>
  header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '');

export function suggestMapping(headers: string[]): Mapping {
  const taken = new Set<ImportField>();
  const mapping: Mapping = {};
  for (const header of headers) {
    const key = headerKey(header);
    const field = importFields.find(
      (f) => !taken.has(f) && (aliases[f].includes(key) || headerKey(f) === key),
    );
    mapping[header] = field ?? null;
    if (field) taken.add(field);
  }
  return mapping;
}

/** The signature under which a user's mapping for files with these columns is remembered. */
export const headerSignature = (headers: string[]) => headers.map(headerKey).sort().join('|');

const truthy = new Set(['true', 'yes', 'y', '1', 'x', '是', '对', '有']);
const falsy = new Set(['false', 'no', 'n', '0', '', '否', '无']);
const enumKey = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
const listOf = (value: string) =>
  value
    .split(/[;,\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

const enumFields: Partial<Record<ImportField, readonly string[]>> = {
  kind: stakeholderKinds,
  category: stakeholderCategories,
  scope: scopes,
  engagementCurrent: engagementLevels,
  engagementDesired: engagementLevels,
};

export interface ConvertedRow {
  input: StakeholderCreate;
  ownerEmail: string | null;
  /** Fields whose cell had a value: an update changes only these (an empty cell leaves a field as it is). */
  filled: Set<ImportField>;
}

/** Turns one CSV row into a stakeholder to create, or the errors that stop it, named by field. */
export function convertRow(
  headers: string[],
  cells: string[],
  mapping: Mapping,
): { ok: true; row: ConvertedRow } | { ok: false; errors: FieldError[] } {
  const raw: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const filled = new Set<ImportField>();
  let ownerEmail: string | null = null;
  headers.forEach((header, index) => {
    const field = mapping[header];
    if (!field) return;
    const value = (cells[index] ?? '').trim();
    if (value !== '') filled.add(field);
    if (field === 'ownerEmail') {
      ownerEmail = value ? value.toLowerCase() : null;
    } else if (field === 'emails' || field === 'phones' || field === 'tags') {
      raw[field] = listOf(value);
    } else if (field === 'power' || field === 'legitimacy' || field === 'urgency') {
      const key = value.toLowerCase();
      if (truthy.has(key)) raw[field] = true;
      else if (falsy.has(key)) raw[field] = false;
      else errors.push({ path: field, message: `"${value}" is not yes or no` });
    } else if (
      field === 'influence' ||
      field === 'interest' ||
      field === 'targetInfluence' ||
      field === 'targetInterest'
    ) {
      if (value === '') {
        if (field.startsWith('target')) raw[field] = null;
      } else raw[field] = /^-?\d+$/.test(value) ? Number(value) : value;
    } else if (enumFields[field]) {
      if (value !== '') raw[field] = enumKey(value);
    } else if (value !== '') {
      raw[field] = value;
    }
  });
  const parsed = StakeholderCreate.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors.push({ path: issue.path.map(String).join('.') || 'row', message: issue.message });
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, row: { input: parsed.data, ownerEmail, filled } };
}

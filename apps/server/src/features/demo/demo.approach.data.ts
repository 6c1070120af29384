import type { CultureAssessmentCreate, OrgUnitKind, Role } from '@rapport/contracts';

/** The demo organisation's common approach, bilingual like its stakeholders. Data, not logic. */

export const demoUnits: {
  key: string;
  name: string;
  kind: OrgUnitKind;
  parent?: string;
  description: string;
  /** Internal demo stakeholders that belong to this unit. */
  members?: string[];
}[] = [
  {
    key: 'bank',
    name: 'Rapport Bank · 瑞宝银行',
    kind: 'organisation',
    description: 'The whole organisation · 整个组织',
  },
  { key: 'it', name: 'IT division · 信息技术部', kind: 'division', parent: 'bank', description: '' },
  {
    key: 'ops',
    name: 'Service operations · 服务运营',
    kind: 'department',
    parent: 'it',
    description: 'Service desk and operations · 服务台与运维',
    members: ['ops'],
  },
  {
    key: 'dev',
    name: 'Development · 开发',
    kind: 'department',
    parent: 'it',
    description: '',
    members: ['dev'],
  },
  { key: 'sec', name: 'Security · 信息安全', kind: 'team', parent: 'it', description: '', members: ['sec'] },
  {
    key: 'hr',
    name: 'People & culture · 人力资源',
    kind: 'department',
    parent: 'bank',
    description: '',
    members: ['hr'],
  },
];

type CultureSeed = Omit<CultureAssessmentCreate, 'orgUnitId'> & { unit?: string };

export const demoCulture: CultureSeed[] = [
  {
    title: 'Whole organisation 2025 · 全组织 2025',
    assessedOn: '2025-11-15',
    scores: {
      controlTrust: 2,
      exchangeCommunal: 2,
      protectiveDisclosing: 2,
      processExperimental: 1,
      isolationSharing: 2,
    },
    dominantType: 'strictly_business',
    toxicBehaviours: {
      criticism: 'often',
      defensiveness: 'often',
      contempt: 'rarely',
      stonewalling: 'sometimes',
    },
    strengths: 'Reliable delivery; clear processes · 交付可靠，流程清晰',
    risks: 'Blame after incidents; teams keep information to themselves · 事故后相互指责；团队不共享信息',
    strategicRequirements:
      'The 2026 strategy moves the bank from selling products to **partnering** with key business customers.\n\n2026年战略要求银行从销售产品转向与重点企业客户**建立伙伴关系**。',
    notes: '',
  },
  {
    title: 'Whole organisation 2026 · 全组织 2026',
    assessedOn: '2026-10-20',
    scores: {
      controlTrust: 3,
      exchangeCommunal: 3,
      protectiveDisclosing: 3,
      processExperimental: 2,
      isolationSharing: 3,
    },
    dominantType: 'business_friends',
    toxicBehaviours: {
      criticism: 'sometimes',
      defensiveness: 'sometimes',
      contempt: 'never',
      stonewalling: 'rarely',
    },
    strengths: 'Post-incident reviews without blame · 无责的事后复盘',
    risks: 'Old habits return under pressure · 压力之下旧习惯会回来',
    strategicRequirements:
      'Keep the partnership course; bring internal teams into the same approach.\n\n保持伙伴关系方向；让内部团队采用同样的方法。',
    notes: '',
  },
  {
    unit: 'ops',
    title: 'Service operations 2026 · 服务运营 2026',
    assessedOn: '2026-10-20',
    scores: {
      controlTrust: 2,
      exchangeCommunal: 3,
      protectiveDisclosing: 2,
      processExperimental: 1,
      isolationSharing: 4,
    },
    dominantType: 'strictly_business',
    toxicBehaviours: {
      criticism: 'sometimes',
      defensiveness: 'often',
      contempt: 'rarely',
      stonewalling: 'sometimes',
    },
    strengths: 'Shares knowledge freely · 乐于分享知识',
    risks: 'Defensive when SLAs are missed · 未达成服务级别时容易防御',
    strategicRequirements: '',
    notes: '',
  },
];

export const demoGroups = [
  {
    key: 'customers',
    name: 'Key business customers · 重点企业客户',
    description: 'Customers the strategy asks us to partner with · 战略要求与之建立伙伴关系的客户',
    reassessDays: 90,
    members: ['clients', 'retail'],
  },
  {
    key: 'suppliers',
    name: 'Key suppliers and partners · 重点供应商与合作伙伴',
    description: '',
    reassessDays: 180,
    members: ['telco', 'print', 'cloud'],
  },
  {
    key: 'regulators',
    name: 'Regulators and auditors · 监管机构与审计',
    description: '',
    reassessDays: 180,
    members: ['regulator', 'audit'],
  },
  {
    key: 'internal',
    name: 'Internal teams · 内部团队',
    description: 'No model yet: see the approach review · 尚无模型：见方法评审',
    reassessDays: 365,
    members: ['ops', 'dev', 'hr', 'sec'],
  },
];

export const demoPrinciples: {
  key: string;
  title: string;
  body: string;
  nextReviewOn: string | null;
  state: 'draft' | 'proposed' | 'agreed' | 'retired';
  agreementNote?: string;
  /** Why an agreed principle was retired: the demo shows one that is no longer in force. */
  retirementNote?: string;
  /** Added after agreement, so the principle shows an agreed version in force and a new draft. */
  nextDraft?: string;
}[] = [
  {
    key: 'two-way',
    title: 'Communication is always two-way · 沟通始终是双向的',
    body: 'We listen before we speak, and we say what we heard.\n\n我们先倾听再表达，并复述我们听到的内容。',
    nextReviewOn: '2027-01-31',
    state: 'agreed',
    agreementNote: 'Leadership team, 2026-01-20 · 领导团队',
  },
  {
    key: 'no-blame',
    title: 'No-blame cooperation · 无责合作',
    body: 'After something goes wrong we look for causes, not culprits.\n\n出现问题后，我们寻找原因，而不是追究责任人。',
    nextReviewOn: '2026-11-01',
    state: 'agreed',
    nextDraft:
      'Example: the incident review of 3 March named no one. · 示例：3月3日的事故复盘没有点任何人的名。',
  },
  {
    key: 'shared-goals',
    title: 'Shared goals come first · 共同目标优先',
    body: 'With partners we agree the outcome before the scope.\n\n与伙伴合作时，先就成果达成一致，再确定范围。',
    nextReviewOn: null,
    state: 'proposed',
  },
  {
    key: 'timing',
    title: 'Timing and frequency matter · 时机与频率很重要',
    body: 'We agree how often we talk, and we keep to it.\n\n我们约定沟通频率，并且信守约定。',
    nextReviewOn: null,
    state: 'draft',
  },
  {
    key: 'single-channel',
    title: 'One channel per stakeholder · 每个干系人只有一个沟通渠道',
    body: 'Every stakeholder talks to us through their account manager only.\n\n每个干系人只通过其客户经理与我们沟通。',
    nextReviewOn: null,
    state: 'retired',
    agreementNote: 'Leadership team, 2025-03-10 · 领导团队',
    retirementNote:
      'Replaced by two-way communication: partners wanted to reach the experts directly. · 已由“沟通始终是双向的”取代：伙伴希望直接联系专家。',
  },
];

export const demoMaterials: {
  title: string;
  kind: 'link' | 'markdown';
  url?: string;
  body?: string;
  principle?: string;
  model?: string;
  audience: Role[];
  readByAgent?: boolean;
}[] = [
  {
    title: 'The four toxic behaviours and their antidotes · 四种有害行为及其解药',
    kind: 'markdown',
    body: [
      '| Behaviour · 行为 | Antidote · 解药 |',
      '|---|---|',
      '| Criticism · 批评 | Gentle start-up with "I" statements · 以"我"开头，温和地提出 |',
      '| Contempt · 蔑视 | A culture of appreciation and respect · 建立欣赏与尊重的文化 |',
      '| Defensiveness · 防御 | Accept responsibility, even partly · 承担责任，哪怕只是一部分 |',
      '| Stonewalling · 阻碍 | Take a 20-minute break, then return · 暂停20分钟，然后回来 |',
    ].join('\n'),
    principle: 'no-blame',
    audience: ['relationship_manager', 'relationship_agent'],
    readByAgent: true,
  },
  {
    title: 'How we listen · 我们如何倾听',
    kind: 'markdown',
    body: '1. Ask an open question · 提一个开放式问题\n2. Wait · 等待\n3. Summarise what you heard · 复述你听到的内容',
    principle: 'two-way',
    audience: ['relationship_manager', 'relationship_agent', 'contributor'],
  },
  {
    title: 'Partnership onboarding briefing · 伙伴关系引入简报',
    kind: 'link',
    url: 'https://example.org/rapport/partnership-onboarding',
    model: 'strategic-customer-partnership',
    audience: ['relationship_agent'],
  },
];

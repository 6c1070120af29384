import type {
  Communality,
  defaultJourneySteps,
  HealthWeights,
  Locale,
  ModelTemplate,
  Quadrant,
  RelationshipType,
  raciCodes,
} from '@rapport/contracts';

type Content = ModelTemplate['content'];
type StepKey = (typeof defaultJourneySteps)[number];
type Raci = (typeof raciCodes)[number];

/** English and Simplified Chinese side by side, so each translation is reviewed next to its original. */
type Text = readonly [en: string, zhCN: string];

export interface ModelTemplateSource {
  key: string;
  text: Record<Locale, { name: string; summary: string }>;
  content: Record<Locale, Content>;
}

const roles = {
  relationshipManager: ['Relationship manager', '关系经理'],
  relationshipAgent: ['Relationship agent', '关系专员'],
  serviceLevelManager: ['Service level manager', '服务级别经理'],
  serviceOwner: ['Service owner', '服务负责人'],
  supplierManager: ['Supplier manager', '供应商经理'],
  complianceOfficer: ['Compliance officer', '合规官'],
  executiveSponsor: ['Executive sponsor', '高管发起人'],
  legalCounsel: ['Legal counsel', '法律顾问'],
} as const satisfies Record<string, Text>;
type RoleKey = keyof typeof roles;

/** The names of guide table 2.3's steps, the same in every example. */
const stepNames: Record<StepKey, Text> = {
  explore: ['Explore', '探索'],
  engage: ['Engage', '参与'],
  offer: ['Offer', '提供'],
  agree: ['Agree', '达成协议'],
  onboard: ['Onboard', '引入'],
  co_create: ['Co-create', '共同创造'],
  realise: ['Realise', '实现价值'],
  withdraw: ['Withdraw', '退出'],
};

interface StepSource {
  key: StepKey;
  purpose: Text;
  /** In order; their keys are a1, a2, … */
  activities: Text[];
  raci: Partial<Record<RoleKey, Raci>>;
  risks: Text[];
  opportunities: Text[];
  behaviours: Text[];
  /** Expected contact while in this step, when it differs from the model's cadence. */
  contactEveryDays?: number;
}

interface TemplateDefinition {
  key: string;
  name: Text;
  summary: Text;
  description: Text;
  relationshipType: RelationshipType;
  communality: Communality;
  contactEveryDays: number;
  contactEveryDaysByQuadrant: Partial<Record<Quadrant, number>>;
  reviewEveryDays: number;
  healthWeights: HealthWeights;
  steps: StepSource[];
}

function pick(text: Text, locale: Locale): string {
  return locale === 'en' ? text[0] : text[1];
}

function contentIn(definition: TemplateDefinition, locale: Locale): Content {
  const all = (texts: Text[]) => texts.map((text) => pick(text, locale));
  return {
    description: pick(definition.description, locale),
    relationshipType: definition.relationshipType,
    communality: { ...definition.communality },
    steps: definition.steps.map((step) => ({
      key: step.key,
      name: pick(stepNames[step.key], locale),
      purpose: pick(step.purpose, locale),
      activities: step.activities.map((text, index) => ({ key: `a${index + 1}`, text: pick(text, locale) })),
      responsibilities: Object.entries(step.raci).map(([role, raci]) => ({
        role: pick(roles[role as RoleKey], locale),
        raci,
      })),
      risks: all(step.risks),
      opportunities: all(step.opportunities),
      behaviours: all(step.behaviours),
      contactEveryDays: step.contactEveryDays ?? null,
    })),
    contactEveryDays: definition.contactEveryDays,
    contactEveryDaysByQuadrant: { ...definition.contactEveryDaysByQuadrant },
    reviewEveryDays: definition.reviewEveryDays,
    healthWeights: { ...definition.healthWeights },
  };
}

function template(definition: TemplateDefinition): ModelTemplateSource {
  return {
    key: definition.key,
    text: {
      en: { name: pick(definition.name, 'en'), summary: pick(definition.summary, 'en') },
      'zh-CN': { name: pick(definition.name, 'zh-CN'), summary: pick(definition.summary, 'zh-CN') },
    },
    content: { en: contentIn(definition, 'en'), 'zh-CN': contentIn(definition, 'zh-CN') },
  };
}

const strategicPartnership = template({
  key: 'strategic-customer-partnership',
  name: ['Strategic customer partnership', '战略客户伙伴关系'],
  summary: [
    'A long-term partnership with a key customer: shared goals, joint planning and open information, reviewed every quarter.',
    '与关键客户的长期伙伴关系：目标共享、共同规划、信息开放，每季度评审一次。',
  ],
  description: [
    'For the few customers whose success is bound up with ours. Both sides invest in the relationship, share plans and data, and measure the value they create together against an agreed value co-creation plan.',
    '适用于少数与我方成功紧密相连的客户。双方都为关系投入资源，共享计划和数据，并对照商定的价值共创计划衡量共同创造的价值。',
  ],
  relationshipType: 'partnership',
  communality: {
    controlTrust: 4,
    exchangeCommunal: 4,
    protectiveDisclosing: 4,
    processExperimental: 4,
    isolationSharing: 5,
  },
  contactEveryDays: 14,
  contactEveryDaysByQuadrant: { manage_closely: 7, keep_satisfied: 14, keep_informed: 30, monitor: 60 },
  reviewEveryDays: 90,
  healthWeights: { sentiment: 30, exceptions: 15, contact: 20, review: 15, satisfaction: 20 },
  steps: [
    {
      key: 'explore',
      purpose: [
        'Understand the customer’s market, strategy and needs, and whether a partnership would create value for both sides.',
        '了解客户的市场、战略和需求，判断伙伴关系能否为双方创造价值。',
      ],
      activities: [
        [
          'Analyse the customer’s market position, strategy and drivers',
          '分析客户的市场地位、战略和驱动因素',
        ],
        ['Map the customer’s key stakeholders and decision makers', '梳理客户的关键干系人和决策者'],
        [
          'Identify the outcomes the customer wants and the value we could co-create',
          '识别客户期望的成果以及我们可以共同创造的价值',
        ],
        [
          'Assess strategic fit, risks and the investment a partnership needs',
          '评估战略契合度、风险以及伙伴关系所需的投入',
        ],
        [
          'Decide internally whether to pursue the partnership and who sponsors it',
          '在内部决定是否推进伙伴关系以及由谁担任发起人',
        ],
      ],
      raci: { relationshipManager: 'A', relationshipAgent: 'R', serviceOwner: 'C', executiveSponsor: 'I' },
      risks: [
        ['Pursuing a customer whose goals do not fit ours', '追逐与我方目标不契合的客户'],
        [
          'Relying on assumptions instead of the customer’s own view of value',
          '依赖主观假设，而不是客户自己对价值的看法',
        ],
      ],
      opportunities: [
        [
          'Early insight into the customer’s strategy shapes a better offer',
          '尽早洞察客户战略，有助于形成更好的方案',
        ],
        ['Finding needs that competitors have missed', '发现竞争对手忽视的需求'],
      ],
      behaviours: [
        [
          'Listen first: ask about the customer’s goals before presenting solutions',
          '先倾听：在提出解决方案之前先了解客户的目标',
        ],
        ['Be open about what we can and cannot offer', '坦诚说明我们能提供什么、不能提供什么'],
      ],
    },
    {
      key: 'engage',
      purpose: [
        'Foster a functioning, trusting relationship with the customer’s key people.',
        '与客户的关键人员建立运转良好、相互信任的关系。',
      ],
      activities: [
        [
          'Name a relationship manager and an executive sponsor on each side',
          '双方各自指定关系经理和高管发起人',
        ],
        [
          'Hold an introductory meeting to share goals, ways of working and expectations',
          '召开首次会议，交流目标、工作方式和期望',
        ],
        ['Agree communication channels, contact points and meeting rhythm', '约定沟通渠道、联系人和会议节奏'],
        [
          'Record the customer’s key stakeholders and their positions in Rapport',
          '在 Rapport 中记录客户的关键干系人及其立场',
        ],
        ['Share relevant information openly to build trust', '主动、开放地分享相关信息，建立信任'],
      ],
      raci: { relationshipManager: 'A', relationshipAgent: 'R', executiveSponsor: 'C' },
      risks: [
        ['The relationship depends on one person on either side', '关系依赖于某一方的某一个人'],
        ['Expectations rise before anything is agreed', '在任何事项达成一致之前期望就被抬高'],
      ],
      opportunities: [
        [
          'A trusted relationship gives early warning of changes in the customer’s plans',
          '信任关系能让我们尽早获知客户计划的变化',
        ],
        ['Executive sponsorship opens strategic conversations', '高管支持为战略层面的对话打开大门'],
      ],
      behaviours: [
        ['Keep promises, however small', '信守承诺，无论大小'],
        [
          'Show interest in the customer’s business, not only in our services',
          '关注客户的业务本身，而不只是我们的服务',
        ],
      ],
      contactEveryDays: 7,
    },
    {
      key: 'offer',
      purpose: [
        'Shape the customer’s demand and design offerings that meet it, together with the customer.',
        '引导客户需求，并与客户共同设计满足需求的服务。',
      ],
      activities: [
        ['Run joint workshops to understand and shape demand', '举办联合研讨会，理解并引导需求'],
        [
          'Design offerings around the customer’s outcomes, costs and risks',
          '围绕客户的成果、成本和风险设计服务',
        ],
        [
          'Present options with their value, costs and risks stated plainly',
          '提出备选方案，清楚说明各自的价值、成本和风险',
        ],
        ['Test the offer with the customer’s users and adjust it', '与客户的用户一起检验方案并加以调整'],
      ],
      raci: { relationshipManager: 'A', serviceOwner: 'R', serviceLevelManager: 'C' },
      risks: [
        ['Offering what we have rather than what the customer needs', '提供我们已有的，而不是客户需要的'],
        ['Overpromising to win the deal', '为赢得交易而过度承诺'],
      ],
      opportunities: [
        ['Offerings designed together set us apart for years', '共同设计的服务能形成持久的差异化优势'],
        ['Shaped demand makes capacity planning easier on both sides', '需求引导有助于双方做好容量规划'],
      ],
      behaviours: [
        ['Speak in terms of the customer’s outcomes, not our features', '用客户的成果而不是我们的功能来沟通'],
        ['Say early when something cannot be delivered', '做不到的事情尽早说明'],
      ],
    },
    {
      key: 'agree',
      purpose: [
        'Align expectations and agree scope, quality and the value co-creation plan.',
        '统一期望，就范围、质量和价值共创计划达成一致。',
      ],
      activities: [
        ['Agree outcomes, scope and service levels in writing', '以书面形式约定成果、范围和服务级别'],
        [
          'Agree a joint value co-creation plan with measures of success',
          '共同制定价值共创计划，并明确成功的衡量标准',
        ],
        [
          'Agree governance: steering meetings, escalation paths and decision rights',
          '约定治理机制：指导委员会会议、升级路径和决策权',
        ],
        ['Agree how and when the relationship is reviewed', '约定关系评审的方式和时间'],
        ['Confirm commercial terms and sign the agreement', '确认商务条款并签署协议'],
      ],
      raci: {
        relationshipManager: 'A',
        serviceLevelManager: 'R',
        serviceOwner: 'C',
        legalCounsel: 'C',
        executiveSponsor: 'I',
      },
      risks: [
        ['The agreement dwells on penalties instead of shared outcomes', '协议侧重于处罚条款而非共同成果'],
        ['Measures of success are vague or not agreed', '成功的衡量标准模糊或未达成一致'],
      ],
      opportunities: [
        ['A shared plan aligns both organisations’ investments', '共同计划使双方的投入方向一致'],
        ['Clear governance speeds up joint decisions', '清晰的治理机制能加快共同决策'],
      ],
      behaviours: [
        ['Negotiate for a fair result both sides can sustain', '以双方都能长期承受的公平结果为谈判目标'],
        ['Write down what was agreed and confirm it together', '把达成的共识写下来并共同确认'],
      ],
    },
    {
      key: 'onboard',
      purpose: [
        'Integrate the customer’s resources and ours so that services can be delivered and used.',
        '整合客户与我方的资源，使服务得以交付和使用。',
      ],
      activities: [
        ['Plan onboarding together, with named owners and dates', '共同制定引入计划，明确负责人和日期'],
        [
          'Set up access, tools, data exchange and support channels',
          '开通访问权限、工具、数据交换和支持渠道',
        ],
        ['Introduce the delivery teams to each other', '让双方的交付团队相互认识'],
        ['Train the customer’s users and key contacts', '培训客户的用户和关键联系人'],
        ['Confirm readiness with the customer before going live', '上线前与客户确认已准备就绪'],
      ],
      raci: { relationshipManager: 'A', serviceOwner: 'R', relationshipAgent: 'R', serviceLevelManager: 'C' },
      risks: [
        ['The hand-off from sales to delivery loses what was promised', '从销售到交付的交接中遗漏了承诺内容'],
        ['Users are not ready and adoption stalls', '用户尚未准备好，导致采用停滞'],
      ],
      opportunities: [
        ['A smooth start builds confidence for the rest of the partnership', '顺利的开端为后续合作建立信心'],
        ['Early joint work shows how the offer can improve', '早期的共同工作能揭示服务的改进方向'],
      ],
      behaviours: [
        ['Over-communicate during the transition', '过渡期间宁可多沟通'],
        ['Fix onboarding problems quickly and visibly', '迅速且公开地解决引入过程中的问题'],
      ],
      contactEveryDays: 7,
    },
    {
      key: 'co_create',
      purpose: [
        'Provide and use the services, acting together as one team to co-create value.',
        '共同提供和使用服务，作为一个团队共同创造价值。',
      ],
      activities: [
        ['Hold regular service and relationship meetings', '定期召开服务会议和关系会议'],
        [
          'Share performance data, plans and upcoming changes openly',
          '开放地共享绩效数据、计划和即将发生的变更',
        ],
        [
          'Handle exceptions and complaints together and learn from them',
          '共同处理异常和投诉，并从中吸取经验',
        ],
        ['Run joint innovation and improvement initiatives', '开展联合创新和改进举措'],
        ['Keep the stakeholder map and contact plan up to date', '持续更新干系人地图和联络计划'],
      ],
      raci: {
        relationshipManager: 'A',
        serviceOwner: 'R',
        serviceLevelManager: 'R',
        relationshipAgent: 'R',
      },
      risks: [
        ['Day-to-day issues crowd out the strategic conversation', '日常问题挤占了战略层面的沟通'],
        ['Complacency: the partnership is taken for granted', '安于现状：把伙伴关系视为理所当然'],
      ],
      opportunities: [
        ['Joint innovation creates new services and revenue', '联合创新带来新的服务和收入'],
        ['Shared data improves decisions on both sides', '共享数据改善双方的决策'],
      ],
      behaviours: [
        ['Raise problems early and without blame', '尽早提出问题，不指责'],
        ['Celebrate joint successes', '共同庆祝取得的成功'],
      ],
    },
    {
      key: 'realise',
      purpose: [
        'Capture the value co-created, compare it with the plan and drive improvement.',
        '获取共同创造的价值，与计划对照并推动改进。',
      ],
      activities: [
        ['Measure outcomes against the value co-creation plan', '对照价值共创计划衡量成果'],
        ['Hold a quarterly relationship review with the customer', '每季度与客户进行一次关系评审'],
        ['Collect satisfaction feedback from key stakeholders', '收集关键干系人的满意度反馈'],
        ['Agree improvement actions with owners and dates', '商定改进行动，明确负责人和日期'],
        ['Report the value realised to both executive sponsors', '向双方的高管发起人报告已实现的价值'],
      ],
      raci: {
        relationshipManager: 'A',
        serviceLevelManager: 'R',
        serviceOwner: 'C',
        executiveSponsor: 'I',
      },
      risks: [
        ['Value is assumed but never shown', '价值被假定存在，却从未得到证明'],
        ['Reviews turn into status reports without decisions', '评审沦为没有决策的状态汇报'],
      ],
      opportunities: [
        ['Value that has been shown supports renewal and growth', '得到证明的价值有助于续约和业务增长'],
        ['Lessons learned improve other relationships too', '经验教训也能改进其他关系'],
      ],
      behaviours: [
        ['Be honest about what did not work', '坦诚面对没有成效的部分'],
        ['Follow through on every agreed improvement', '落实每一项商定的改进'],
      ],
    },
    {
      key: 'withdraw',
      purpose: [
        'Disconnect well when the partnership ends: offboard, hand over and keep the door open.',
        '伙伴关系结束时妥善退出：完成退出交接、移交工作，并为将来的合作留有余地。',
      ],
      activities: [
        ['Agree an exit plan and timeline with the customer', '与客户商定退出计划和时间表'],
        ['Hand over data, knowledge and open work', '移交数据、知识和未完成的工作'],
        ['Remove access and separate shared resources', '撤销访问权限并分离共享资源'],
        ['Hold a closing review and record the lessons learned', '召开收尾评审并记录经验教训'],
        ['Thank the customer and agree how to stay in touch', '感谢客户并约定今后的联系方式'],
      ],
      raci: { relationshipManager: 'A', serviceOwner: 'R', relationshipAgent: 'R', complianceOfficer: 'C' },
      risks: [
        ['Service disruption during the exit', '退出期间服务中断'],
        [
          'Data or knowledge is lost, or kept longer than allowed',
          '数据或知识丢失，或保留时间超出允许的范围',
        ],
      ],
      opportunities: [
        [
          'A respectful exit protects our reputation and the chance of future work',
          '体面的退出能维护声誉，并保留未来合作的机会',
        ],
        ['Exit lessons strengthen future agreements', '退出中的经验教训能完善今后的协议'],
      ],
      behaviours: [
        ['Stay professional and helpful to the end', '自始至终保持专业、乐于协助'],
        ['Keep the customer informed at every stage of the exit', '在退出的每个阶段都让客户知情'],
      ],
      contactEveryDays: 14,
    },
  ],
});

const commoditySupplier = template({
  key: 'commodity-supplier',
  name: ['Commodity supplier', '标准化产品供应商'],
  summary: [
    'A basic, exchange-based relationship with a supplier of standard goods or services: a clear contract, measured performance, little joint work.',
    '与标准化产品或服务供应商的基本交换型关系：合同清晰、绩效可衡量、共同工作很少。',
  ],
  description: [
    'For suppliers of goods and services that are easy to compare and to replace, such as hardware, licences or office services. The contract carries the relationship; attention goes to price, quality, delivery and exceptions.',
    '适用于易于比较和替换的产品和服务供应商，例如硬件、软件许可或办公服务。关系以合同为依托，关注重点是价格、质量、交付和异常情况。',
  ],
  relationshipType: 'basic',
  communality: {
    controlTrust: 2,
    exchangeCommunal: 1,
    protectiveDisclosing: 2,
    processExperimental: 2,
    isolationSharing: 1,
  },
  contactEveryDays: 90,
  contactEveryDaysByQuadrant: { manage_closely: 30, keep_satisfied: 60, monitor: 180 },
  reviewEveryDays: 365,
  healthWeights: { sentiment: 10, exceptions: 35, contact: 10, review: 20, satisfaction: 25 },
  steps: [
    {
      key: 'explore',
      purpose: [
        'Understand the supply market and find suppliers that meet our needs at a fair price.',
        '了解供应市场，找到能以合理价格满足需求的供应商。',
      ],
      activities: [
        ['Define the requirement, volumes and quality criteria', '明确需求、数量和质量标准'],
        ['Scan the market for qualified suppliers', '调研市场，寻找合格的供应商'],
        [
          'Check supplier viability, certifications and references',
          '核查供应商的经营状况、资质认证和客户评价',
        ],
        ['Compare the total cost of ownership, not only the price', '比较总拥有成本，而不仅仅是价格'],
      ],
      raci: { supplierManager: 'A', relationshipAgent: 'R', serviceOwner: 'C' },
      risks: [
        ['Depending on a single supplier', '依赖单一供应商'],
        ['Choosing on price alone and paying later in quality', '只看价格做选择，日后在质量上付出代价'],
      ],
      opportunities: [
        ['Competition in the market keeps prices fair', '市场竞争使价格保持合理'],
        [
          'Standard products are quick to replace if a supplier fails',
          '供应商出现问题时，标准化产品易于替换',
        ],
      ],
      behaviours: [
        ['Treat all bidders fairly and consistently', '公平、一致地对待所有投标方'],
        ['Keep requirements simple and standard', '需求保持简单、标准'],
      ],
    },
    {
      key: 'offer',
      purpose: [
        'Shape our demand and obtain offers that can be compared.',
        '梳理我方需求，获取可相互比较的报价。',
      ],
      activities: [
        ['Combine demand across teams to gain volume', '汇总各团队的需求以形成规模'],
        ['Issue a request for quotation with clear specifications', '发出规格明确的询价请求'],
        ['Evaluate offers against the published criteria', '按照公布的标准评估报价'],
        ['Shortlist and negotiate with the best bidders', '确定入围名单，并与最优投标方谈判'],
      ],
      raci: { supplierManager: 'A', relationshipAgent: 'R', serviceOwner: 'C' },
      risks: [
        ['Unclear specifications give offers that cannot be compared', '规格不清导致报价无法比较'],
        ['Fragmented demand weakens our negotiating position', '需求分散削弱我方的谈判地位'],
      ],
      opportunities: [
        ['Combined demand lowers unit costs', '合并需求可降低单位成本'],
        ['Catalogue prices simplify later orders', '目录价格可简化后续订购'],
      ],
      behaviours: [
        ['Tell every bidder the decision and the reasons', '向每个投标方说明决定及理由'],
        ['Keep negotiations factual and polite', '谈判以事实为依据，保持礼貌'],
      ],
    },
    {
      key: 'agree',
      purpose: [
        'Agree scope, quality, price and service levels in a clear contract.',
        '以清晰的合同约定范围、质量、价格和服务级别。',
      ],
      activities: [
        ['Agree specifications, prices and delivery terms', '约定规格、价格和交付条款'],
        ['Agree measurable service levels and remedies', '约定可衡量的服务级别和补救措施'],
        ['Check compliance, data protection and security clauses', '审核合规、数据保护和安全条款'],
        ['Sign the contract and record its renewal date', '签署合同并登记续约日期'],
      ],
      raci: { supplierManager: 'A', serviceLevelManager: 'R', complianceOfficer: 'C', legalCounsel: 'C' },
      risks: [
        ['Renewal terms favour the supplier', '续约条款对供应商更有利'],
        ['Service levels that nobody measures', '服务级别无人衡量'],
      ],
      opportunities: [
        ['Standard terms save negotiation next time', '标准条款可减少下次谈判的工作量'],
        ['Clear remedies prevent disputes', '明确的补救措施可避免纠纷'],
      ],
      behaviours: [
        ['Make the obligations of both sides explicit', '明确双方的义务'],
        ['Keep one point of contact for the contract', '合同只设一个联系人'],
      ],
    },
    {
      key: 'onboard',
      purpose: [
        'Connect the supplier to our ordering, delivery and support processes.',
        '将供应商接入我方的订购、交付和支持流程。',
      ],
      activities: [
        ['Register the supplier in the purchasing and finance systems', '在采购和财务系统中登记供应商'],
        ['Agree ordering, delivery and invoicing procedures', '约定订购、交付和开票流程'],
        ['Exchange contacts for orders, support and escalation', '互换订单、支持和升级的联系人'],
      ],
      raci: { supplierManager: 'A', relationshipAgent: 'R', serviceOwner: 'I' },
      risks: [
        ['Orders are placed outside the contract', '订单绕开合同下达'],
        ['Wrong master data delays payments', '主数据错误导致付款延误'],
      ],
      opportunities: [['Electronic ordering cuts processing costs', '电子订购可降低处理成本']],
      behaviours: [['Give the supplier what it needs the first time', '一次性向供应商提供所需信息']],
      contactEveryDays: 14,
    },
    {
      key: 'co_create',
      purpose: [
        'Order and receive the goods or services as agreed, and handle exceptions promptly.',
        '按约定订购和接收产品或服务，及时处理异常。',
      ],
      activities: [
        ['Place orders through the agreed channel', '通过约定的渠道下单'],
        ['Check deliveries against the specification', '对照规格验收交付'],
        ['Log and resolve delivery and quality exceptions', '记录并解决交付和质量异常'],
        ['Pay invoices on time', '按时支付发票'],
      ],
      raci: { supplierManager: 'A', relationshipAgent: 'R', serviceOwner: 'C' },
      risks: [
        ['Quality slowly drifts below the specification', '质量逐渐低于规格要求'],
        ['Late payment costs goodwill and priority', '延迟付款损害商誉和优先级'],
      ],
      opportunities: [
        ['Reliable ordering and payment earn better service', '可靠的订购和付款能换来更好的服务'],
      ],
      behaviours: [
        ['Raise exceptions with facts, not blame', '提出异常时摆事实、不指责'],
        [
          'Pay and reply as promptly as we expect the supplier to deliver',
          '付款和答复要像我们期望供应商交付那样及时',
        ],
      ],
    },
    {
      key: 'realise',
      purpose: [
        'Check that the contract delivers the expected value and decide whether to continue.',
        '检查合同是否带来预期价值，并决定是否继续。',
      ],
      activities: [
        ['Review service levels and exceptions every year', '每年评审服务级别和异常情况'],
        ['Benchmark prices against the market', '对照市场价格进行比较'],
        ['Collect feedback from internal users', '收集内部用户的反馈'],
        ['Decide to renew, renegotiate or re-tender', '决定续约、重新谈判或重新招标'],
      ],
      raci: { supplierManager: 'A', serviceLevelManager: 'R', serviceOwner: 'C' },
      risks: [['Automatic renewal without checking value', '未核查价值就自动续约']],
      opportunities: [
        ['Performance data strengthens renegotiation', '绩效数据能增加重新谈判的筹码'],
        ['User feedback points to simpler, cheaper options', '用户反馈可能指向更简单、更便宜的选择'],
      ],
      behaviours: [['Share the review results with the supplier', '与供应商分享评审结果']],
    },
    {
      key: 'withdraw',
      purpose: [
        'End the contract cleanly and move to another supplier without disruption.',
        '干净利落地终止合同，平稳切换到其他供应商。',
      ],
      activities: [
        ['Give notice as the contract requires', '按合同约定发出通知'],
        ['Plan the switch to the new supplier', '规划切换到新供应商'],
        ['Return or remove assets, data and access', '归还或清除资产、数据和访问权限'],
        ['Settle final invoices and close the contract', '结清最终发票并关闭合同'],
      ],
      raci: { supplierManager: 'A', relationshipAgent: 'R', complianceOfficer: 'C' },
      risks: [
        ['A gap in supply between the old and the new supplier', '新旧供应商之间出现供应缺口'],
        ['Data stays with the supplier after the exit', '退出后数据仍留在供应商处'],
      ],
      opportunities: [
        ['A fair exit keeps the supplier willing to bid again', '公平的退出能让供应商愿意再次投标'],
      ],
      behaviours: [['Be courteous and clear about the reasons', '礼貌待人，清楚说明原因']],
    },
  ],
});

const regulator = template({
  key: 'regulator',
  name: ['Regulator', '监管机构'],
  summary: [
    'A formal, cooperative relationship with a regulator: clear obligations, documented communication, timely and accurate reporting.',
    '与监管机构的正式合作关系：义务明确、沟通有据可查、报告及时准确。',
  ],
  description: [
    'For authorities that supervise us. The relationship is formal and runs through named contacts and documented processes; trust grows from accurate, timely reporting and from disclosing problems before they are found.',
    '适用于对我方进行监管的机构。关系是正式的，通过指定联系人和有记录的流程开展；信任来自准确、及时的报告，以及在问题被发现之前主动披露。',
  ],
  relationshipType: 'cooperative',
  communality: {
    controlTrust: 2,
    exchangeCommunal: 2,
    protectiveDisclosing: 2,
    processExperimental: 1,
    isolationSharing: 2,
  },
  contactEveryDays: 60,
  contactEveryDaysByQuadrant: { manage_closely: 30, keep_satisfied: 30, keep_informed: 90 },
  reviewEveryDays: 180,
  healthWeights: { sentiment: 15, exceptions: 30, contact: 20, review: 25, satisfaction: 10 },
  steps: [
    {
      key: 'explore',
      purpose: [
        'Understand the regulator’s mandate, the rules that apply to us and what the regulator expects.',
        '了解监管机构的职责、适用于我方的规则以及监管机构的期望。',
      ],
      activities: [
        [
          'Identify the regulations and the regulator’s powers that apply to us',
          '识别适用于我方的法规和监管机构的权力',
        ],
        [
          'Study the regulator’s priorities, guidance and published decisions',
          '研究监管机构的工作重点、指引和已公布的决定',
        ],
        ['Assess our current compliance and its gaps', '评估我方当前的合规状况及差距'],
        ['Find out who at the regulator deals with us', '确定监管机构中与我方对接的人员'],
      ],
      raci: { complianceOfficer: 'A', relationshipManager: 'R', legalCounsel: 'C' },
      risks: [
        ['Missing a rule that applies to us', '遗漏适用于我方的规则'],
        ['Misreading the regulator’s priorities', '误判监管机构的工作重点'],
      ],
      opportunities: [['Early awareness of new rules gives time to prepare', '尽早了解新规可以赢得准备时间']],
      behaviours: [
        ['Rely on official sources and record them', '以官方来源为依据并做好记录'],
        ['Respect the regulator’s independence', '尊重监管机构的独立性'],
      ],
    },
    {
      key: 'engage',
      purpose: [
        'Establish a formal, professional working relationship through official channels.',
        '通过官方渠道建立正式、专业的工作关系。',
      ],
      activities: [
        ['Name our official contacts and their deputies', '指定我方的正式联系人及其替补'],
        ['Introduce ourselves in an official meeting or letter', '通过正式会议或函件进行自我介绍'],
        ['Agree the channels and formats for correspondence', '约定往来函件的渠道和格式'],
        ['Record every contact and commitment', '记录每一次接触和每一项承诺'],
      ],
      raci: { relationshipManager: 'A', complianceOfficer: 'R', executiveSponsor: 'C' },
      risks: [
        ['Different people in our organisation give different messages', '我方不同人员传递的信息不一致'],
        ['Informal contacts create commitments nobody intended', '非正式接触造成意料之外的承诺'],
      ],
      opportunities: [
        [
          'A credible, open relationship earns the regulator’s confidence',
          '可信、开放的关系能赢得监管机构的信任',
        ],
      ],
      behaviours: [
        ['Speak with one voice, through the named contacts', '通过指定联系人统一口径'],
        ['Be courteous, factual and precise', '礼貌、实事求是、表述准确'],
      ],
    },
    {
      key: 'agree',
      purpose: [
        'Align expectations on our obligations and agree the scope, quality and deadlines of reporting.',
        '就我方义务统一期望，并约定报告的范围、质量和期限。',
      ],
      activities: [
        ['Confirm reporting obligations, formats and deadlines', '确认报告义务、格式和期限'],
        ['Agree remediation plans for known gaps', '就已知差距商定整改计划'],
        ['Clarify how and when incidents must be notified', '明确事件通报的方式和时限'],
        ['Document the agreed expectations and their owners', '记录商定的期望及其负责人'],
      ],
      raci: { complianceOfficer: 'A', relationshipManager: 'R', legalCounsel: 'C', serviceOwner: 'C' },
      risks: [
        ['Misunderstood obligations lead to sanctions', '对义务理解有误导致处罚'],
        ['Commitments we cannot meet', '做出无法兑现的承诺'],
      ],
      opportunities: [['Agreed timelines make remediation manageable', '商定的时间表使整改切实可行']],
      behaviours: [
        ['Commit only to what we can deliver', '只承诺能做到的事'],
        ['Confirm understandings in writing', '以书面形式确认共识'],
      ],
    },
    {
      key: 'onboard',
      purpose: [
        'Build the regulatory requirements into our processes, systems and people.',
        '将监管要求融入我方的流程、系统和人员。',
      ],
      activities: [
        ['Assign an owner to each obligation', '为每项义务指定负责人'],
        ['Set up reporting processes, data and controls', '建立报告流程、数据和控制措施'],
        ['Arrange access to the regulator’s portals', '开通监管机构门户的访问权限'],
        [
          'Train staff on the obligations and on dealing with the regulator',
          '就相关义务以及与监管机构打交道的方式培训员工',
        ],
      ],
      raci: { complianceOfficer: 'A', serviceOwner: 'R', relationshipAgent: 'R' },
      risks: [
        ['Obligations without an owner', '义务无人负责'],
        ['Manual reporting that is prone to errors', '手工报告容易出错'],
      ],
      opportunities: [['Automated controls lower the cost of compliance', '自动化控制可降低合规成本']],
      behaviours: [['Make compliance part of everyday work', '让合规成为日常工作的一部分']],
      contactEveryDays: 30,
    },
    {
      key: 'co_create',
      purpose: [
        'Meet our obligations and work with the regulator: report, respond and cooperate in inspections.',
        '履行义务并与监管机构协作：提交报告、回应问询、配合检查。',
      ],
      activities: [
        ['Submit reports accurately and on time', '准确、按时提交报告'],
        ['Answer the regulator’s requests within the agreed time', '在约定时间内答复监管机构的要求'],
        ['Notify incidents and breaches promptly', '及时通报事件和违规行为'],
        ['Prepare for and support inspections and audits', '为检查和审计做好准备并予以配合'],
        ['Respond to consultations on new rules', '对新规的征求意见作出回应'],
      ],
      raci: {
        complianceOfficer: 'A',
        relationshipManager: 'R',
        serviceOwner: 'R',
        legalCounsel: 'C',
      },
      risks: [
        ['Late or inaccurate submissions', '报告延迟或不准确'],
        ['Incidents disclosed too late', '事件披露过晚'],
      ],
      opportunities: [
        ['Consultation responses help shape proportionate rules', '对征求意见的回应有助于形成适度的规则'],
        ['A good inspection record can lighten supervision', '良好的检查记录可以减轻监管强度'],
      ],
      behaviours: [
        ['Disclose problems before they are found', '在问题被发现之前主动披露'],
        ['Never mislead; when unsure, say so and follow up', '绝不误导；不确定时如实说明并跟进'],
      ],
    },
    {
      key: 'realise',
      purpose: [
        'Confirm that we comply, learn from findings and improve.',
        '确认合规状况，从检查发现中学习并持续改进。',
      ],
      activities: [
        ['Track findings and remediation until they are closed', '跟踪检查发现和整改，直至关闭'],
        ['Review the relationship and compliance status twice a year', '每半年评审一次关系和合规状况'],
        ['Report the compliance position to management', '向管理层报告合规状况'],
        ['Feed lessons into policies, training and controls', '将经验教训融入制度、培训和控制措施'],
      ],
      raci: { complianceOfficer: 'A', relationshipManager: 'R', executiveSponsor: 'I' },
      risks: [['Findings are closed on paper but not in practice', '检查发现只在纸面上关闭，实际并未整改']],
      opportunities: [
        [
          'A visible culture of compliance builds the regulator’s trust',
          '展现良好的合规文化能建立监管机构的信任',
        ],
      ],
      behaviours: [['Own the findings; do not argue with facts', '正视检查发现，不与事实争辩']],
    },
  ],
});

export const modelTemplates: readonly ModelTemplateSource[] = [
  strategicPartnership,
  commoditySupplier,
  regulator,
];

/** The examples in one language, as GET /relationship-models/templates answers them. */
export function templatesIn(locale: Locale): ModelTemplate[] {
  return modelTemplates.map((source) => ({
    key: source.key,
    name: source.text[locale].name,
    summary: source.text[locale].summary,
    content: source.content[locale],
  }));
}

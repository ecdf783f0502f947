import { DEFAULT_LEVELS } from '../../../contracts/catalog';
import type { DutyInput, PositionInput, Raci } from '../../../contracts/catalog';

// The catalogue a new company starts with. Sources: the planning document (seed.md, sections
// 02–03: 岗位分工与职责划分, 选拔标准, 岗位职责梳理) and domain.md 2.1 (roles → duties → KPIs).
// Everything here is an editable default, never a rule: companies rename, add and delete freely.

/** Each position gets its own copy of the ladder so one company's edits never alias another's. */
const ladder = () => DEFAULT_LEVELS.map((level) => ({ ...level }));

export const defaultPositions: PositionInput[] = [
  {
    code: 'ops_manager',
    nameZh: '直播运营经理',
    nameEn: 'Live operations manager',
    descriptionZh:
      '负责团队管理、策略制定和资源协调，统筹排期、排款、跟播盯盘与复盘。对直播间整体结果负责，考核进入率、GMV 达成、GPM 和 ROI。',
    descriptionEn:
      'Manages the team, sets strategy and coordinates resources; owns scheduling, the product line-up, watching the live dashboard and the post-show review. Accountable for the room as a whole and judged by entry rate, GMV against target, GPM and ROI.',
    skills: ['团队管理', '策略制定', '资源协调', '数据分析', '漏斗诊断', '复盘'],
    selectionCriteria: [
      '3 年以上直播电商或电商运营经验，带过 5 人以上团队',
      '能独立完成排期、排款和复盘，熟悉五维四率等漏斗指标',
      '跨部门沟通协调能力强，能对接品牌、供应链和平台',
      '有单场或月度 GMV 目标达成的可查记录',
    ],
    levels: ladder(),
    sortOrder: 10,
  },
  {
    code: 'host',
    nameZh: '主播',
    nameEn: 'Host',
    descriptionZh:
      '负责直播内容的输出：按脚本过款、讲品、逼单并与观众互动。考核 GMV/小时、点击率、点击-成交率、停留时长、转粉率和违规次数。',
    descriptionEn:
      'Delivers the live content: walks through the products by the script, presents and closes sales, and interacts with viewers. Judged by GMV per hour, click-through rate, click-to-order rate, dwell time, follower conversion and the number of violations.',
    skills: ['镜头表现力', '讲品能力', '逼单话术', '控场互动', '产品知识', '合规意识'],
    selectionCriteria: [
      '形象、风格与直播间定位和品类匹配',
      '有直播带货经验优先，能提供过往场次数据',
      '表达清晰、反应快，试播中能自然讲品和接弹幕',
      '能适应排班，单场连续开播 4 小时以上',
      '了解《广告法》和平台规则，无严重违规记录',
    ],
    levels: ladder(),
    sortOrder: 20,
  },
  {
    code: 'co_host',
    nameZh: '副播/助播',
    nameEn: 'Co-host',
    descriptionZh:
      '配合主播补位讲解、展示商品、接话并口播福利，主播休息时临时顶场。考核直播间互动率和停留时长。',
    descriptionEn:
      'Supports the host: fills gaps in the pitch, demonstrates products, picks up cues and announces giveaways, and covers the stream during the host\'s breaks. Judged by the room\'s interaction rate and dwell time.',
    skills: ['补位讲解', '商品展示', '福利口播', '镜头表现力', '团队配合'],
    selectionCriteria: [
      '普通话标准，镜头前自然',
      '有直播或线下导购经验优先',
      '与主播配合默契，能快速接话补位',
    ],
    levels: ladder(),
    sortOrder: 30,
  },
  {
    code: 'field_control',
    nameZh: '场控',
    nameEn: 'Field control',
    descriptionZh:
      '把控直播节奏，提醒主播过款和逼单时机，记录每轮数据并管理评论区。考核每轮“五个数”记录完整率和憋单掉线控制（在线下降超过 20% 即停）。',
    descriptionEn:
      'Runs the pacing of the show: cues the host on product changes and closing, records each round\'s numbers and moderates the comments. Judged by how completely the five numbers of every round are logged and by keeping viewers from dropping while a deal is held back (stop once concurrent viewers fall more than 20%).',
    skills: ['节奏把控', '实时盯盘', '评论管理', '沟通协调', '应急处理'],
    selectionCriteria: [
      '1 年以上直播间场控或中控经验',
      '熟悉抖音罗盘等实时大屏，能读懂在线、点击和成交曲线',
      '反应快、抗压，能在直播中清晰指挥主播和中控',
      '责任心强，每轮数据记录完整',
    ],
    levels: ladder(),
    sortOrder: 40,
  },
  {
    code: 'console',
    nameZh: '中控',
    nameEn: 'Console operator',
    descriptionZh:
      '负责商品上下架、改价、改库存，发放福袋和优惠券，回复弹幕并盯盘，常由不在镜头前的主播兼任。考核操作准确率、及时率和零事故。',
    descriptionEn:
      'Lists and delists products, changes prices and stock, issues lucky bags and coupons, replies to comments and watches the dashboard; often an off-air host. Judged by operation accuracy, timeliness and zero incidents.',
    skills: ['后台操作', '上下架改价', '福袋优惠券', '弹幕回复', '细心严谨'],
    selectionCriteria: [
      '熟悉抖店、千牛或快手小店后台操作',
      '打字快、细心，改价改库存零差错',
      '能配合场控口令即时操作',
    ],
    levels: ladder(),
    sortOrder: 50,
  },
  {
    code: 'planner',
    nameZh: '直播策划',
    nameEn: 'Live planner',
    descriptionZh:
      '负责直播内容和活动的创意、策划与执行，编写脚本、话术并制作短视频引流。考核开场留存和短视频引流占比。',
    descriptionEn:
      'Creates, plans and executes live content and campaigns: writes scripts and pitch lines and produces short videos that pull traffic into the room. Judged by opening retention and the share of traffic coming from short videos.',
    skills: ['活动策划', '脚本撰写', '话术设计', '短视频编导', '数据分析'],
    selectionCriteria: [
      '有直播脚本或短视频内容策划作品',
      '文字功底好，了解《广告法》禁用语',
      '能根据数据反馈调整内容和流程',
      '沟通协调能力强，能推动主播和执行落地',
    ],
    levels: ladder(),
    sortOrder: 60,
  },
  {
    code: 'execution',
    nameZh: '直播执行/技术',
    nameEn: 'Live execution / technician',
    descriptionZh:
      '负责直播间的搭建、维护和技术支持：设备、灯光、推流和网络，并在现场协调开播。考核断流和技术事故次数。',
    descriptionEn:
      'Builds and maintains the studio and gives technical support: cameras, lighting, stream push and network, plus on-site coordination during the show. Judged by the number of stream drops and technical incidents.',
    skills: ['设备调试', '灯光布置', '推流软件', '网络排障', '现场协调'],
    selectionCriteria: [
      '熟悉 OBS、直播伴侣等推流工具和常见摄像、灯光设备',
      '能独立排查网络和推流故障',
      '执行力强，能配合多场次排班',
    ],
    levels: ladder(),
    sortOrder: 70,
  },
  {
    code: 'promotion',
    nameZh: '直播推广/投手',
    nameEn: 'Promotion / ad buyer',
    descriptionZh:
      '负责直播推广、渠道拓展和用户增长，在千川、磁力金牛等平台搭建计划、控预算、出价、测素材，并决定止损或放量。考核消耗、ROI、CPA、广告 GPM 和起量率。',
    descriptionEn:
      'Promotes the stream, opens new channels and grows the audience; builds campaigns on Qianchuan, Cili Jinniu and similar tools, sets budgets and bids, tests creatives, and decides when to cut losses or scale up. Judged by spend, ROI, CPA, ad GPM and the rate at which campaigns take off.',
    skills: ['千川投放', '磁力金牛', '出价策略', '素材测试', '渠道拓展', '数据分析'],
    selectionCriteria: [
      '1 年以上千川或磁力金牛投放经验，能提供历史 ROI',
      '熟悉人群定向、出价和预算节奏',
      '对数据敏感，能快速判断止损或放量',
      '能与场控、运营实时沟通调整',
    ],
    levels: ladder(),
    sortOrder: 80,
  },
  {
    code: 'sourcing',
    nameZh: '选品/招商',
    nameEn: 'Sourcing & merchandising',
    descriptionZh:
      '负责货盘、机制、价格、库存和样品，对接品牌与供应商招商，同步缺货、可售天数和投放库存。考核动销率、毛利、主推品成交占比和缺货率。',
    descriptionEn:
      'Owns the product line-up, offers, prices, stock and samples, brings in brands and suppliers, and keeps stock-outs, days of cover and advertised stock in sync. Judged by sell-through, gross margin, the hero products\' share of sales and the stock-out rate.',
    skills: ['选品', '招商谈判', '供应链管理', '价格机制', '库存管理'],
    selectionCriteria: [
      '熟悉所在品类的供应链和主流品牌',
      '有招商或买手经验，谈判能力强',
      '能用数据判断爆品潜力和毛利空间',
    ],
    levels: ladder(),
    sortOrder: 90,
  },
  {
    code: 'customer_service',
    nameZh: '直播客服',
    nameEn: 'Customer service',
    descriptionZh:
      '负责售前咨询、售后服务和差评处理，解答用户问题、处理投诉并维护用户信息，提高用户满意度。考核首次响应和解决时长、满意度（CSAT）、退款率和纠纷率。',
    descriptionEn:
      'Handles pre-sales questions, after-sales service and negative reviews: answers buyers, resolves complaints and keeps customer records, raising satisfaction. Judged by first-response and resolution time, CSAT, refund rate and dispute rate.',
    skills: ['沟通能力', '售后处理', '投诉安抚', '客服系统', '产品知识'],
    selectionCriteria: [
      '有电商客服经验，熟悉平台售后规则',
      '耐心、情绪稳定，沟通表达清晰',
      '熟悉用户管理和客服软件，打字快',
    ],
    levels: ladder(),
    sortOrder: 100,
  },
  {
    code: 'data_analyst',
    nameZh: '数据分析',
    nameEn: 'Data analyst',
    descriptionZh:
      '收集、整理、分析直播数据，出日报、周报、月报，统一指标口径，做用户画像和异常预警，为团队决策提供优化建议。考核报表准时率和口径一致性。',
    descriptionEn:
      'Collects, organises and analyses live data; publishes daily, weekly and monthly reports, keeps metric definitions consistent, profiles the audience and raises anomaly alerts, giving the team recommendations to act on. Judged by on-time reports and consistent definitions.',
    skills: ['数据分析', 'Excel/SQL', '用户画像', '指标口径', '可视化报表', '异常预警'],
    selectionCriteria: [
      '统计、数学或相关专业，或 1 年以上电商数据分析经验',
      '熟练使用 Excel、SQL，熟悉抖音罗盘、生意参谋等数据工具',
      '能把分析结论讲清楚，给出可执行的优化建议',
    ],
    levels: ladder(),
    sortOrder: 110,
  },
];

// weeklyHours: typical effort for one room running about 6 days a week, so a company can compare a
// person's load (sum over their R duties) with their weekly capacity. Rough practice figures.
export const defaultDuties: DutyInput[] = [
  // management
  {
    code: 'team_management',
    nameZh: '团队管理',
    nameEn: 'Team management',
    descriptionZh: '排班、任务分配、考勤和绩效考核，落实明确分工、责任到人。',
    descriptionEn: 'Shifts, task assignment, attendance and appraisals, so every duty has a named owner.',
    area: 'management',
    weeklyHours: 6,
  },
  {
    code: 'strategy',
    nameZh: '策略制定',
    nameEn: 'Strategy',
    descriptionZh: '按公司目标制定直播间定位、目标 GMV、流量和投放策略。',
    descriptionEn: 'Sets room positioning, GMV targets and traffic and ad strategy in line with company goals.',
    area: 'management',
    weeklyHours: 3,
  },
  {
    code: 'coordinate_resources',
    nameZh: '协调直播资源',
    nameEn: 'Coordinate resources',
    descriptionZh: '协调人员、场地、设备、样品、预算和平台资源，保证直播按计划开播。',
    descriptionEn: 'Lines up people, studio, equipment, samples, budget and platform support so shows start on plan.',
    area: 'management',
    weeklyHours: 4,
  },
  {
    code: 'host_training',
    nameZh: '主播培训',
    nameEn: 'Host training',
    descriptionZh: '培训主播的产品知识、直播技巧、沟通技巧和法律合规意识，线上课程与实操演练结合。',
    descriptionEn: 'Trains hosts in product knowledge, live technique, communication and legal compliance, mixing courses and drills.',
    area: 'management',
    weeklyHours: 3,
  },
  // planning
  {
    code: 'make_live_plan',
    nameZh: '制定直播计划',
    nameEn: 'Make the live plan',
    descriptionZh: '确定每场主题、时间、主播、货品和活动机制，形成直播计划。',
    descriptionEn: 'Fixes each show\'s theme, time slot, hosts, products and offers in a live plan.',
    area: 'planning',
    weeklyHours: 4,
  },
  {
    code: 'live_scheduling',
    nameZh: '排期与排款',
    nameEn: 'Scheduling and line-up',
    descriptionZh: '安排开播排期和主播班次，按引流款、利润款、福利款排定过款顺序。',
    descriptionEn: 'Schedules shows and host shifts and orders the products as traffic, profit and giveaway items.',
    area: 'planning',
    weeklyHours: 3,
  },
  {
    code: 'session_review',
    nameZh: '复盘',
    nameEn: 'Session review',
    descriptionZh: '每场结束后按漏斗、话术与商品顺序、异常时间点复盘，形成改进项。',
    descriptionEn: 'After each show, reviews the funnel, pitch and product order and anomalies, and records improvements.',
    area: 'planning',
    weeklyHours: 4,
  },
  // execution
  {
    code: 'run_live_show',
    nameZh: '执行直播活动',
    nameEn: 'Run the live show',
    descriptionZh: '按计划组织开播、执行活动流程并跟播盯盘，确保直播顺利进行。',
    descriptionEn: 'Opens the show, runs the planned flow and watches the dashboard so the broadcast goes smoothly.',
    area: 'execution',
    weeklyHours: 24,
  },
  {
    code: 'onsite_coordination',
    nameZh: '现场协调',
    nameEn: 'On-site coordination',
    descriptionZh: '直播中协调主播、场控、中控和样品，处理现场突发情况。',
    descriptionEn: 'Coordinates hosts, field control, console and samples during the show and handles on-site surprises.',
    area: 'execution',
    weeklyHours: 12,
  },
  {
    code: 'product_presentation',
    nameZh: '讲品与互动',
    nameEn: 'Product presentation and interaction',
    descriptionZh: '按脚本过款、讲解卖点、逼单并与观众互动。',
    descriptionEn: 'Walks through products by the script, sells the benefits, closes and interacts with viewers.',
    area: 'execution',
    weeklyHours: 24,
  },
  {
    code: 'co_host_support',
    nameZh: '补位讲解与福利口播',
    nameEn: 'Co-host support',
    descriptionZh: '配合主播补位讲解、展示商品、接话并口播福利，主播休息时顶场。',
    descriptionEn: 'Backs up the host with extra explanation, demos, cues and giveaway announcements, and covers breaks.',
    area: 'execution',
    weeklyHours: 20,
  },
  {
    code: 'pacing',
    nameZh: '节奏把控',
    nameEn: 'Pacing',
    descriptionZh: '控制过款和憋单节奏，提醒主播，记录每轮数据并管理评论区；在线掉超过 20% 即停止憋单。',
    descriptionEn: 'Controls the rhythm of product changes and held deals, cues the host, logs each round and moderates comments; stops holding a deal once viewers drop by more than 20%.',
    area: 'execution',
    weeklyHours: 24,
  },
  {
    code: 'product_listing',
    nameZh: '商品上下架与改价',
    nameEn: 'Product listing and pricing',
    descriptionZh: '直播中上下架商品、改价改库存，发放福袋和优惠券。',
    descriptionEn: 'Lists and delists products, changes prices and stock, and issues lucky bags and coupons during the show.',
    area: 'execution',
    weeklyHours: 24,
  },
  // content
  {
    code: 'content_creation',
    nameZh: '内容创作',
    nameEn: 'Content creation',
    descriptionZh: '策划、编写和制作直播脚本与话术，设计活动环节。',
    descriptionEn: 'Plans, writes and produces live scripts and pitch lines, and designs the segments.',
    area: 'content',
    weeklyHours: 8,
  },
  {
    code: 'content_review',
    nameZh: '内容审核',
    nameEn: 'Content review',
    descriptionZh: '开播前审核脚本话术、开播中盯违规用语，确保符合法律法规和公司规定。',
    descriptionEn: 'Checks scripts before air and wording on air against the law and company rules.',
    area: 'content',
    weeklyHours: 3,
  },
  {
    code: 'content_optimisation',
    nameZh: '内容优化',
    nameEn: 'Content optimisation',
    descriptionZh: '根据用户反馈和数据分析调整脚本、话术和流程，持续创新以提升转化率。',
    descriptionEn: 'Adjusts scripts, pitch and flow from viewer feedback and data, and keeps innovating to lift conversion.',
    area: 'content',
    weeklyHours: 3,
  },
  {
    code: 'short_video_traffic',
    nameZh: '短视频引流',
    nameEn: 'Short-video traffic',
    descriptionZh: '策划和制作预热及切片短视频，为直播间引流。',
    descriptionEn: 'Plans and produces teaser and clip videos that bring viewers into the room.',
    area: 'content',
    weeklyHours: 6,
  },
  // promotion
  {
    code: 'channel_promotion',
    nameZh: '渠道推广',
    nameEn: 'Channel promotion',
    descriptionZh: '拓展站内外推广渠道，做直播预热和私域引流，促进用户增长。',
    descriptionEn: 'Opens promotion channels on and off platform, warms up shows and drives private-traffic growth.',
    area: 'promotion',
    weeklyHours: 5,
  },
  {
    code: 'ad_campaigns',
    nameZh: '投放管理',
    nameEn: 'Ad campaigns',
    descriptionZh: '在千川、磁力金牛等平台搭建计划、控制预算和出价、测试素材，实时止损或放量。',
    descriptionEn: 'Builds Qianchuan or Cili Jinniu campaigns, manages budget and bids, tests creatives, and cuts or scales in real time.',
    area: 'promotion',
    weeklyHours: 20,
  },
  // service
  {
    code: 'customer_inquiries',
    nameZh: '用户咨询与售后',
    nameEn: 'Customer inquiries and after-sales',
    descriptionZh: '解答售前咨询，处理退换货、物流等售后问题。',
    descriptionEn: 'Answers pre-sales questions and handles returns, exchanges, delivery and other after-sales issues.',
    area: 'service',
    weeklyHours: 20,
  },
  {
    code: 'handle_complaints',
    nameZh: '处理用户投诉',
    nameEn: 'Handle complaints',
    descriptionZh: '处理用户投诉、建议、反馈和差评，跟进到解决，提高满意度。',
    descriptionEn: 'Handles complaints, suggestions, feedback and bad reviews through to resolution.',
    area: 'service',
    weeklyHours: 6,
  },
  {
    code: 'maintain_customer_records',
    nameZh: '用户信息维护',
    nameEn: 'Maintain customer records',
    descriptionZh: '维护用户资料和会员信息，按隐私政策收集、使用和保护用户信息。',
    descriptionEn: 'Keeps customer and member records, collecting, using and protecting them under the privacy policy.',
    area: 'service',
    weeklyHours: 2,
  },
  {
    code: 'opinion_monitoring',
    nameZh: '舆情监控',
    nameEn: 'Opinion monitoring',
    descriptionZh: '实时监控直播间评论和站外舆情，发现负面舆论及时上报和应对。',
    descriptionEn: 'Watches comments and off-platform sentiment in real time and escalates negative opinion quickly.',
    area: 'service',
    weeklyHours: 3.5,
  },
  // data
  {
    code: 'data_analysis',
    nameZh: '直播数据分析与优化建议',
    nameEn: 'Live data analysis and recommendations',
    descriptionZh: '收集、整理、分析直播数据，定位漏斗问题并提出优化建议。',
    descriptionEn: 'Collects, organises and analyses live data, locates funnel problems and proposes improvements.',
    area: 'data',
    weeklyHours: 8,
  },
  {
    code: 'reporting',
    nameZh: '数据报表与口径',
    nameEn: 'Reports and metric definitions',
    descriptionZh: '出日报、周报、月报，统一指标口径，设置异常预警。',
    descriptionEn: 'Publishes daily, weekly and monthly reports, keeps metric definitions consistent and sets anomaly alerts.',
    area: 'data',
    weeklyHours: 5,
  },
  {
    code: 'audience_profiling',
    nameZh: '用户画像',
    nameEn: 'Audience profiling',
    descriptionZh: '分析观众的性别、年龄、地域、新老客和粉丝构成，指导选品和投放。',
    descriptionEn: 'Analyses viewers by gender, age, region, new versus returning and fan status to guide sourcing and ads.',
    area: 'data',
    weeklyHours: 2,
  },
  // technical
  {
    code: 'equipment_setup',
    nameZh: '设备调试',
    nameEn: 'Equipment setup',
    descriptionZh: '开播前调试摄像、灯光、收音、推流和网络，直播中保障稳定不断流。',
    descriptionEn: 'Tests cameras, lights, audio, stream push and network before air, and keeps the stream stable on air.',
    area: 'technical',
    weeklyHours: 6,
  },
  // sourcing
  {
    code: 'product_selection',
    nameZh: '选品与货盘',
    nameEn: 'Product selection and line-up',
    descriptionZh: '选品招商，确定货盘、机制、价格、库存和样品，同步缺货和投放库存。',
    descriptionEn: 'Sources products and brands, fixes the line-up, offers, prices, stock and samples, and syncs stock-outs with ads.',
    area: 'sourcing',
    weeklyHours: 12,
  },
];

type Cell = { positionCode: string; dutyCode: string; value: Raci };

/** Compact row form: duty → letter → positions. Expanded below into one entry per cell. */
const raciByDuty: Record<string, Partial<Record<Raci, string[]>>> = {
  // A matrix cell holds one letter, so a duty the manager both does and answers for is marked A for
  // the manager, with R going to the position that carries it day to day (e.g. 场控 runs the shift crew).
  team_management: { A: ['ops_manager'], R: ['field_control'], C: ['planner'], I: ['host', 'co_host', 'console'] },
  strategy: { A: ['ops_manager'], R: ['planner'], C: ['data_analyst', 'promotion', 'sourcing'], I: ['host'] },
  coordinate_resources: { A: ['ops_manager'], R: ['planner', 'execution'], C: ['sourcing', 'promotion'], I: ['host', 'field_control'] },
  host_training: { A: ['ops_manager'], R: ['planner'], C: ['field_control', 'data_analyst'], I: ['host', 'co_host'] },
  make_live_plan: { A: ['ops_manager'], R: ['planner'], C: ['sourcing', 'promotion', 'host'], I: ['field_control', 'console', 'execution'] },
  live_scheduling: { A: ['ops_manager'], R: ['planner'], C: ['sourcing', 'host', 'promotion'], I: ['field_control', 'console', 'customer_service'] },
  session_review: {
    A: ['ops_manager'],
    R: ['data_analyst', 'field_control'],
    C: ['host', 'planner', 'promotion'],
    I: ['co_host', 'console', 'customer_service'],
  },
  run_live_show: { A: ['ops_manager'], R: ['execution', 'field_control'], C: ['host', 'console'], I: ['customer_service'] },
  onsite_coordination: { A: ['ops_manager'], R: ['field_control', 'execution'], C: ['co_host', 'console'] },
  product_presentation: { A: ['ops_manager'], R: ['host'], C: ['planner', 'sourcing', 'field_control'] },
  // The host answers for how the room sounds; the co-host fills in under them.
  co_host_support: { A: ['host'], R: ['co_host'], C: ['field_control'] },
  pacing: { A: ['ops_manager'], R: ['field_control'], C: ['host', 'console', 'promotion'], I: ['co_host'] },
  product_listing: { A: ['ops_manager'], R: ['console'], C: ['field_control', 'sourcing'], I: ['host', 'customer_service'] },
  content_creation: { A: ['ops_manager'], R: ['planner'], C: ['host', 'sourcing'], I: ['co_host', 'field_control'] },
  // Pre-air script checks by the planner, on-air wording checks by field control; the manager signs off.
  content_review: { A: ['ops_manager'], R: ['planner', 'field_control'], C: ['host'], I: ['co_host'] },
  content_optimisation: { A: ['ops_manager'], R: ['planner'], C: ['data_analyst', 'host'], I: ['field_control'] },
  short_video_traffic: { A: ['ops_manager'], R: ['planner'], C: ['promotion', 'host'], I: ['data_analyst'] },
  channel_promotion: { A: ['ops_manager'], R: ['promotion'], C: ['planner', 'data_analyst'], I: ['host'] },
  ad_campaigns: { A: ['ops_manager'], R: ['promotion'], C: ['data_analyst', 'field_control', 'sourcing'], I: ['console'] },
  customer_inquiries: { A: ['ops_manager'], R: ['customer_service'], C: ['sourcing', 'console'] },
  handle_complaints: { A: ['ops_manager'], R: ['customer_service'], C: ['sourcing', 'host'], I: ['data_analyst'] },
  maintain_customer_records: { A: ['ops_manager'], R: ['customer_service'], C: ['data_analyst'] },
  opinion_monitoring: { A: ['ops_manager'], R: ['customer_service', 'field_control'], C: ['planner'], I: ['host'] },
  data_analysis: { A: ['ops_manager'], R: ['data_analyst'], C: ['planner', 'promotion'], I: ['host'] },
  reporting: { A: ['ops_manager'], R: ['data_analyst'], C: ['promotion'], I: ['planner', 'field_control'] },
  audience_profiling: { A: ['ops_manager'], R: ['data_analyst'], C: ['promotion', 'planner'], I: ['sourcing'] },
  equipment_setup: { A: ['ops_manager'], R: ['execution'], C: ['console'], I: ['host', 'field_control'] },
  product_selection: { A: ['ops_manager'], R: ['sourcing'], C: ['host', 'data_analyst', 'planner'], I: ['console', 'customer_service'] },
};

const RACI_ORDER: readonly Raci[] = ['R', 'A', 'C', 'I'];

export const defaultMatrix: ReadonlyArray<Cell> = Object.entries(raciByDuty).flatMap(([dutyCode, row]) =>
  RACI_ORDER.flatMap((value) => (row[value] ?? []).map((positionCode) => ({ positionCode, dutyCode, value }))),
);

import { z } from 'zod';
import { CalendarDate, Id, patchOf, Timestamp } from './common';

// Products (SKUs)

export const ProductCategory = z.enum(['beauty', 'food', 'health_food', 'apparel', 'electronics', 'home', 'other']);
export type ProductCategory = z.infer<typeof ProductCategory>;

/** Money is whole fen (1/100 CNY) everywhere in the API. */
export const Fen = z.number().int().min(0).max(100_000_000_00);

export const ProductInput = z.object({
  sku: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(120),
  category: ProductCategory,
  listPriceFen: Fen,
  livePriceFen: Fen,
  stock: z.number().int().min(0).max(100_000_000),
  sellingPoints: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  imageUrls: z.array(z.url({ protocol: /^https?$/ }).max(500)).max(10).default([]),
});
export type ProductInput = z.infer<typeof ProductInput>;
export const ProductUpdateInput = patchOf(ProductInput);
export type ProductUpdateInput = z.infer<typeof ProductUpdateInput>;

export const ProductView = ProductInput.extend({ id: Id, createdAt: Timestamp, updatedAt: Timestamp });
export type ProductView = z.infer<typeof ProductView>;

export const ProductQuery = z.object({ category: ProductCategory.optional(), q: z.string().trim().max(60).optional() });

/** A CSV or XLSX file, base64-encoded. Columns by header: sku, name, category, list_price, live_price, stock, selling_points, image_urls (prices in yuan). */
export const ProductImportInput = z.object({
  filename: z.string().trim().min(1).max(200).regex(/\.(csv|xlsx)$/i, { error: 'a .csv or .xlsx file / 仅支持 .csv 或 .xlsx 文件' }),
  contentBase64: z.string().min(1).max(14_000_000),
});
export type ProductImportInput = z.infer<typeof ProductImportInput>;

export const ImportRowError = z.object({ row: z.number(), column: z.string().nullable(), message: z.string() });
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ProductImportPreview = z.object({
  rows: z.array(z.object({ row: z.number(), product: ProductInput.nullable(), action: z.enum(['create', 'update', 'error']) })),
  errors: z.array(ImportRowError),
  creates: z.number(),
  updates: z.number(),
});
export type ProductImportPreview = z.infer<typeof ProductImportPreview>;

// Sessions

export const SessionRole = z.enum(['host', 'co_host', 'field_control', 'console', 'ads', 'customer_service', 'technician']);
export type SessionRole = z.infer<typeof SessionRole>;
/** Roles that put a person on camera: the host working-hour limits apply to them. */
export const ON_AIR_ROLES: readonly SessionRole[] = ['host', 'co_host'];

export const SessionStatus = z.enum(['draft', 'scheduled', 'live', 'ended', 'reviewed', 'cancelled']);
export type SessionStatus = z.infer<typeof SessionStatus>;

export const Goals = z.object({
  gmvFen: Fen.nullable().default(null),
  viewers: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
  orders: z.number().int().min(0).max(100_000_000).nullable().default(null),
});
export type Goals = z.infer<typeof Goals>;

export const Override = z.object({ reason: z.string().trim().min(3).max(500) });
export type Override = z.infer<typeof Override>;

export const SessionInput = z.object({
  roomId: Id,
  title: z.string().trim().min(1).max(120),
  plannedStart: z.iso.datetime({ offset: true }),
  plannedEnd: z.iso.datetime({ offset: true }),
  goals: Goals.default({ gmvFen: null, viewers: null, orders: null }),
  notes: z.string().trim().max(4000).default(''),
  /** Proceed despite rule violations (managers only); the reason is audited. */
  override: Override.optional(),
});
export type SessionInput = z.infer<typeof SessionInput>;

export const SessionUpdateInput = z.object({
  title: z.string().trim().min(1).max(120).optional(),
  plannedStart: z.iso.datetime({ offset: true }).optional(),
  plannedEnd: z.iso.datetime({ offset: true }).optional(),
  roomId: Id.optional(),
  goals: patchOf(Goals).optional(),
  notes: z.string().trim().max(4000).optional(),
  override: Override.optional(),
});
export type SessionUpdateInput = z.infer<typeof SessionUpdateInput>;

export const StatusChangeInput = z.object({
  status: SessionStatus,
  /** Required when cancelling. */
  reason: z.string().trim().min(1).max(500).optional(),
  override: Override.optional(),
});
export type StatusChangeInput = z.infer<typeof StatusChangeInput>;

export const CrewMember = z.object({ personId: Id, role: SessionRole });
export type CrewMember = z.infer<typeof CrewMember>;
export const CrewInput = z.object({ crew: z.array(CrewMember).max(40), override: Override.optional() });
export type CrewInput = z.infer<typeof CrewInput>;

export const SlotType = z.enum(['traffic', 'profit', 'welfare', 'hero']);
export type SlotType = z.infer<typeof SlotType>;
export const MechanicKind = z.enum(['coupon', 'lucky_bag', 'bundle', 'discount', 'gift', 'other']);
export const Mechanic = z.object({ kind: MechanicKind, description: z.string().trim().min(1).max(200) });

export const SlotInput = z.object({
  productId: Id,
  plannedMinutes: z.number().int().min(1).max(600),
  slotType: SlotType,
  talkingPoints: z.string().trim().max(4000).default(''),
  mechanics: z.array(Mechanic).max(10).default([]),
});
export type SlotInput = z.infer<typeof SlotInput>;
/** The whole run of show, in order. */
export const SlotsInput = z.object({ slots: z.array(SlotInput).max(100), override: Override.optional() });
export type SlotsInput = z.infer<typeof SlotsInput>;

export const SlotView = SlotInput.extend({ id: Id, position: z.number(), productName: z.string(), productSku: z.string() });
export type SlotView = z.infer<typeof SlotView>;

/** A rule a plan breaks, with the numbers that explain it. */
export const Violation = z.object({
  code: z.enum([
    'end-before-start',
    'too-long',
    'room-overlap',
    'person-overlap',
    'continuous-on-air',
    'min-rest',
    'daily-on-air',
    'weekly-on-air',
    'missing-roles',
    'run-of-show-over',
    'inactive-person',
  ]),
  /** Blocking violations stop the change unless a manager overrides them; warnings only inform. */
  severity: z.enum(['block', 'warn']),
  personId: Id.nullable(),
  otherSessionId: Id.nullable(),
  /** Minutes planned / limit / day or week label, as the rule needs. */
  actual: z.number().nullable(),
  limit: z.number().nullable(),
  period: z.string().nullable(),
  roles: z.array(SessionRole).nullable(),
  message: z.string(),
});
export type Violation = z.infer<typeof Violation>;

export const CrewView = z.object({ personId: Id, role: SessionRole, displayName: z.string() });

export const ChecklistItemView = z.object({
  id: Id,
  sessionId: Id,
  labelZh: z.string(),
  labelEn: z.string(),
  category: z.string(),
  dueAt: Timestamp,
  doneAt: Timestamp.nullable(),
  doneByPersonId: Id.nullable(),
  doneByName: z.string().nullable(),
  isOverdue: z.boolean(),
});
export type ChecklistItemView = z.infer<typeof ChecklistItemView>;

export const SessionView = z.object({
  id: Id,
  roomId: Id,
  roomName: z.string(),
  teamId: Id,
  title: z.string(),
  plannedStart: Timestamp,
  plannedEnd: Timestamp,
  timeZone: z.string(),
  goals: Goals,
  notes: z.string(),
  status: SessionStatus,
  cancelReason: z.string().nullable(),
  seriesId: Id.nullable(),
  isUnplanned: z.boolean(),
  crew: z.array(CrewView),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type SessionView = z.infer<typeof SessionView>;

export const SessionDetailView = SessionView.extend({
  slots: z.array(SlotView),
  checklist: z.array(ChecklistItemView),
  violations: z.array(Violation),
  missingRoles: z.array(SessionRole),
  plannedSlotMinutes: z.number(),
});
export type SessionDetailView = z.infer<typeof SessionDetailView>;

export const SessionQuery = z.object({
  roomId: Id.optional(),
  teamId: Id.optional(),
  personId: Id.optional(),
  status: SessionStatus.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});
export type SessionQuery = z.infer<typeof SessionQuery>;

/** Check a plan without saving it: what would this session (new or changed) break? */
export const ValidateInput = z.object({
  sessionId: Id.optional(),
  roomId: Id,
  plannedStart: z.iso.datetime({ offset: true }),
  plannedEnd: z.iso.datetime({ offset: true }),
  crew: z.array(CrewMember).max(40).optional(),
  /** Check as a draft (incomplete crews only warn) or as a scheduled session; defaults to the session's own stage. */
  stage: z.enum(['draft', 'scheduled']).optional(),
});
export type ValidateInput = z.infer<typeof ValidateInput>;

export const HHMM = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { error: 'time as HH:mm / 时间格式为 HH:mm' });

/** Generates one draft session per matching day; an end time earlier than the start time ends the next day. */
export const RecurringInput = z.object({
  roomId: Id,
  title: z.string().trim().min(1).max(120),
  fromDate: CalendarDate,
  toDate: CalendarDate,
  /** ISO weekdays: 1 Monday … 7 Sunday. */
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  startTime: HHMM,
  endTime: HHMM,
  goals: Goals.default({ gmvFen: null, viewers: null, orders: null }),
});
export type RecurringInput = z.infer<typeof RecurringInput>;

// Checklists

export const ChecklistTemplateItem = z.object({
  labelZh: z.string().trim().min(1).max(120),
  labelEn: z.string().trim().min(1).max(160),
  category: z.enum(['equipment', 'network', 'lighting', 'rehearsal', 'samples', 'compliance', 'other']),
  /** When the item is due, in minutes before the planned start. */
  dueMinutesBefore: z.number().int().min(0).max(20_160),
});
export type ChecklistTemplateItem = z.infer<typeof ChecklistTemplateItem>;

export const ChecklistTemplateInput = z.object({
  nameZh: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().min(1).max(80),
  items: z.array(ChecklistTemplateItem).min(1).max(50),
});
export type ChecklistTemplateInput = z.infer<typeof ChecklistTemplateInput>;
export const ChecklistTemplateView = ChecklistTemplateInput.extend({ id: Id, createdAt: Timestamp, updatedAt: Timestamp });
export type ChecklistTemplateView = z.infer<typeof ChecklistTemplateView>;

export const ApplyChecklistInput = z.object({ templateId: Id });
export const TickInput = z.object({ personId: Id, done: z.boolean().default(true) });

// Working-hour rules

/** Limits on on-air time, in minutes; null means no limit. */
export const WorkRules = z.object({
  maxContinuousMinutes: z.number().int().min(15).max(1440).nullable(),
  minRestMinutes: z.number().int().min(0).max(1440).nullable(),
  maxDailyMinutes: z.number().int().min(15).max(1440).nullable(),
  maxWeeklyMinutes: z.number().int().min(15).max(10080).nullable(),
});
export type WorkRules = z.infer<typeof WorkRules>;
export const NO_LIMITS: WorkRules = { maxContinuousMinutes: null, minRestMinutes: null, maxDailyMinutes: null, maxWeeklyMinutes: null };

/** A member's own limits override their position's field by field; null fields fall back to the position. */
export const WorkRulesView = z.object({ position: WorkRules.nullable(), person: WorkRules.partial().nullable(), effective: WorkRules });

// Views for people

export const ScheduleView = z.object({
  person: z.object({ id: Id, displayName: z.string() }).nullable(),
  sessions: z.array(SessionView.extend({ roles: z.array(SessionRole) })),
  checklistDue: z.array(ChecklistItemView.extend({ sessionTitle: z.string() })),
});
export type ScheduleView = z.infer<typeof ScheduleView>;

export const WorkloadQuery = z.object({ weekStart: CalendarDate, teamId: Id.optional() });
export const WorkloadRow = z.object({
  personId: Id,
  displayName: z.string(),
  positionId: Id.nullable(),
  capacityHours: z.number(),
  plannedHours: z.number(),
  onAirHours: z.number(),
  sessions: z.number(),
  isOverloaded: z.boolean(),
});
export type WorkloadRow = z.infer<typeof WorkloadRow>;
export const WorkloadView = z.object({ weekStart: CalendarDate, timeZone: z.string(), rows: z.array(WorkloadRow) });
export type WorkloadView = z.infer<typeof WorkloadView>;

export const CalendarFeedView = z.object({ path: z.string() });

export const planningErrors = {
  'product/not-found': { status: 404, zh: '找不到该商品', en: 'Product not found' },
  'product/sku-taken': { status: 409, zh: '该 SKU 已存在', en: 'A product with this SKU already exists' },
  'product/in-use': { status: 409, zh: '商品已排入直播，无法删除', en: 'The product is in a run of show' },
  'product/import-invalid': { status: 400, zh: '导入文件有错误，未导入任何数据', en: 'The file has errors; nothing was imported' },
  'session/not-found': { status: 404, zh: '找不到该场直播', en: 'Live session not found' },
  'session/invalid-times': { status: 400, zh: '结束时间必须晚于开始时间', en: 'The end must be after the start' },
  'session/rule-violation': { status: 409, zh: '排期违反规则，请查看说明', en: 'The plan breaks scheduling rules; see the explanation' },
  'session/bad-transition': { status: 409, zh: '当前状态不能变更为该状态', en: 'The session cannot move to that status from its current one' },
  'session/cancel-reason': { status: 400, zh: '取消直播需要填写原因', en: 'Cancelling needs a reason' },
  'session/override-forbidden': { status: 403, zh: '只有管理者可以强制越过规则', en: 'Only managers may override rules' },
  'session/locked': { status: 409, zh: '已结束或已取消的直播不能修改排期', en: 'Ended or cancelled sessions cannot be re-planned' },
  'session/unknown-person': { status: 400, zh: '成员不存在或无权访问', en: 'Unknown person, or not in your teams' },
  'session/unknown-product': { status: 400, zh: '商品不存在', en: 'Unknown product' },
  'session/empty-range': { status: 400, zh: '所选日期范围内没有匹配的日期', en: 'No matching days in that date range' },
  'checklist/not-found': { status: 404, zh: '找不到该检查项或模板', en: 'Checklist item or template not found' },
} as const;

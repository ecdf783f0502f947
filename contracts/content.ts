import { z } from 'zod';
import { Id, Timestamp } from './common';
import { ScanFinding } from './compliance';
import { ProductCategory } from './planning';

/** Content review (issue 5): scripts, session titles and cover text, product copy; versions, comments, waivers. */

export const ContentKind = z.enum(['script', 'title', 'cover_text', 'product_copy']);
export type ContentKind = z.infer<typeof ContentKind>;

/** draft → in_review → approved, or in_review → changes_requested → in_review. A new version of an approved item is a draft again. */
export const ContentState = z.enum(['draft', 'in_review', 'approved', 'changes_requested']);
export type ContentState = z.infer<typeof ContentState>;

/** The kinds a session needs approved before it is scheduled (when its room asks for it). */
export const SESSION_REQUIRED_KINDS: readonly ContentKind[] = ['script', 'title'];

const MAX_BODY = 50_000;
const Body = z.string().max(MAX_BODY, { error: `at most ${MAX_BODY} characters / 最多 ${MAX_BODY} 个字符` });
const Reason = z.string().trim().min(3, { error: 'at least 3 characters / 至少 3 个字符' }).max(2000, { error: 'at most 2000 characters / 最多 2000 个字符' });

export const ContentItemInput = z.object({
  kind: ContentKind,
  name: z.string().trim().min(1, { error: 'required / 必填' }).max(120, { error: 'at most 120 characters / 最多 120 个字符' }),
  body: Body.refine((b) => b.trim().length > 0, { error: 'the text is empty / 正文不能为空' }),
  note: z.string().trim().max(500).optional(),
  /** The session this text is for: its room and team follow. */
  sessionId: Id.optional(),
  roomId: Id.optional(),
  productId: Id.optional(),
  /** Only when neither a session nor a room says which team the text belongs to. */
  teamId: Id.optional(),
  /** Selects the medical/efficacy rules; taken from the product when one is given. */
  category: ProductCategory.optional(),
});
export type ContentItemInput = z.infer<typeof ContentItemInput>;

export const ContentVersionInput = z.object({
  body: Body.refine((b) => b.trim().length > 0, { error: 'the text is empty / 正文不能为空' }),
  note: z.string().trim().max(500).optional(),
  /** The version the editor started from: a save over someone else's newer version is refused. */
  baseVersion: z.number().int().min(1).optional(),
});
export type ContentVersionInput = z.infer<typeof ContentVersionInput>;

export const SubmitInput = z.object({ note: z.string().trim().max(500).optional() });
export const RequestChangesInput = z.object({ reason: Reason });
export type RequestChangesInput = z.infer<typeof RequestChangesInput>;
export const ApproveInput = z.object({
  /** The version the reviewer read; approving is refused when a newer one was saved meanwhile. */
  version: z.number().int().min(1).optional(),
  note: z.string().trim().max(500).optional(),
});
export type ApproveInput = z.infer<typeof ApproveInput>;

/** A comment on the whole item, or anchored to [start, end) of a version's body (UTF-16 offsets). */
export const CommentInput = z
  .object({
    body: z.string().trim().min(1, { error: 'required / 必填' }).max(2000, { error: 'at most 2000 characters / 最多 2000 个字符' }),
    version: z.number().int().min(1).optional(),
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
  })
  .refine((c) => (c.start === undefined) === (c.end === undefined), { error: 'start and end go together / 起止位置须同时提供', path: ['end'] })
  .refine((c) => c.start === undefined || c.end === undefined || c.end > c.start, { error: 'end must be after start / 结束位置须大于起始位置', path: ['end'] });
export type CommentInput = z.infer<typeof CommentInput>;
export const ResolveInput = z.object({ resolved: z.boolean().default(true) });

/** Waives one block finding of the current version: the rule and span say which. */
export const WaiverInput = z.object({
  rule: z.string().trim().min(1).max(200),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  reason: Reason,
});
export type WaiverInput = z.infer<typeof WaiverInput>;

export const ContentQuery = z.object({
  state: ContentState.optional(),
  kind: ContentKind.optional(),
  sessionId: Id.optional(),
  roomId: Id.optional(),
  teamId: Id.optional(),
  q: z.string().trim().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ContentQuery = z.infer<typeof ContentQuery>;

export const DiffQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
  /** 'char' (default) compares character by character; 'line' whole lines. */
  by: z.enum(['char', 'line']).default('char'),
});
export type DiffQuery = z.infer<typeof DiffQuery>;

export const VersionParams = z.object({ id: Id, number: z.coerce.number().int().min(1) });
export const CommentParams = z.object({ id: Id, commentId: z.coerce.number().int().min(1) });

// Views

/** A finding of a stored version, with the waiver that covers it, if any. */
export const ContentFinding = ScanFinding.extend({
  suggestion: z.string().nullable(),
  waiverId: z.number().nullable(),
});
export type ContentFinding = z.infer<typeof ContentFinding>;

export const WaiverView = z.object({
  id: z.number(),
  version: z.number(),
  rule: z.string(),
  term: z.string(),
  start: z.number(),
  end: z.number(),
  reason: z.string(),
  waivedBy: Id.nullable(),
  waivedByName: z.string().nullable(),
  createdAt: Timestamp,
});
export type WaiverView = z.infer<typeof WaiverView>;

export const CommentView = z.object({
  id: z.number(),
  version: z.number(),
  start: z.number().nullable(),
  end: z.number().nullable(),
  quote: z.string().nullable(),
  body: z.string(),
  authorId: Id.nullable(),
  authorName: z.string().nullable(),
  resolvedAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type CommentView = z.infer<typeof CommentView>;

export const VersionSummary = z.object({
  number: z.number(),
  note: z.string().nullable(),
  authorId: Id.nullable(),
  authorName: z.string().nullable(),
  findingCount: z.number(),
  blockCount: z.number(),
  length: z.number(),
  createdAt: Timestamp,
});
export type VersionSummary = z.infer<typeof VersionSummary>;

export const VersionView = VersionSummary.extend({ body: z.string(), findings: z.array(ContentFinding), revision: z.number() });
export type VersionView = z.infer<typeof VersionView>;

export const ContentItemView = z.object({
  id: Id,
  teamId: Id,
  roomId: Id.nullable(),
  roomName: z.string().nullable(),
  sessionId: Id.nullable(),
  sessionTitle: z.string().nullable(),
  sessionStart: Timestamp.nullable(),
  productId: Id.nullable(),
  productName: z.string().nullable(),
  kind: ContentKind,
  name: z.string(),
  category: z.string().nullable(),
  state: ContentState,
  currentVersion: z.number(),
  createdBy: Id.nullable(),
  createdByName: z.string().nullable(),
  reviewedBy: Id.nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: Timestamp.nullable(),
  /** Block findings of the current version neither fixed nor waived: approval waits for them. */
  openBlocks: z.number(),
  findingCount: z.number(),
  openComments: z.number(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ContentItemView = z.infer<typeof ContentItemView>;

export const ContentDetailView = ContentItemView.extend({
  body: z.string(),
  findings: z.array(ContentFinding),
  waivers: z.array(WaiverView),
  comments: z.array(CommentView),
  versions: z.array(VersionSummary),
});
export type ContentDetailView = z.infer<typeof ContentDetailView>;

export const ContentCounts = z.object({ draft: z.number(), in_review: z.number(), approved: z.number(), changes_requested: z.number() });
export type ContentCounts = z.infer<typeof ContentCounts>;

export const ContentListView = z.object({ items: z.array(ContentItemView), counts: ContentCounts });
export type ContentListView = z.infer<typeof ContentListView>;

export const DiffPart = z.object({ type: z.enum(['equal', 'added', 'removed']), text: z.string() });
export type DiffPart = z.infer<typeof DiffPart>;
export const DiffView = z.object({
  from: z.number(),
  to: z.number(),
  by: z.enum(['char', 'line']),
  parts: z.array(DiffPart),
  /** Characters added and removed. */
  added: z.number(),
  removed: z.number(),
});
export type DiffView = z.infer<typeof DiffView>;

/** What a session still lacks before it may be scheduled (details of 'content/not-approved'). */
export const MissingContent = z.object({ kind: ContentKind, itemId: Id.nullable(), state: ContentState.nullable() });
export type MissingContent = z.infer<typeof MissingContent>;

export const contentErrors = {
  'content/not-found': { status: 404, zh: '找不到该内容', en: 'Content item not found' },
  'content/comment-not-found': { status: 404, zh: '找不到该批注', en: 'Comment not found' },
  'content/version-not-found': { status: 404, zh: '找不到该版本', en: 'Version not found' },
  'content/team-required': { status: 400, zh: '请选择内容所属的团队（或关联直播、直播间）', en: 'Choose the team this text belongs to (or link a session or room)' },
  'content/bad-transition': { status: 409, zh: '内容当前状态不能执行该操作', en: 'The item cannot make that move from its current state' },
  'content/unchanged': { status: 400, zh: '正文没有变化，未保存新版本', en: 'The text has not changed; no new version saved' },
  'content/stale-version': { status: 409, zh: '内容已有更新的版本，请刷新后再操作', en: 'A newer version was saved meanwhile; reload and try again' },
  'content/unresolved-blocks': { status: 409, zh: '还有未修改也未豁免的禁止级问题，不能通过审核', en: 'Block-severity findings are neither fixed nor waived; the item cannot be approved' },
  'content/finding-not-found': { status: 404, zh: '当前版本没有这条禁止级问题', en: 'The current version has no such block-severity finding' },
  'content/already-waived': { status: 409, zh: '这条问题已豁免', en: 'This finding is already waived' },
  'content/bad-range': { status: 400, zh: '批注位置超出正文范围', en: 'The comment range is outside the text' },
  'content/link-mismatch': { status: 400, zh: '关联的直播与直播间不一致', en: 'The session is not in that room' },
  'content/not-approved-script': { status: 409, zh: '这场直播的脚本尚未审核通过，不能排期', en: 'The session’s script is not approved yet, so it cannot be scheduled' },
  'content/not-approved-title': { status: 409, zh: '这场直播的标题尚未审核通过，不能排期', en: 'The session’s title is not approved yet, so it cannot be scheduled' },
  'content/not-approved-script-title': { status: 409, zh: '这场直播的脚本和标题尚未审核通过，不能排期', en: 'The session’s script and title are not approved yet, so it cannot be scheduled' },
} as const;

import { z } from 'zod';

/** Locales every screen and message exists in. */
export const Locale = z.enum(['zh-CN', 'en-US']);
export type Locale = z.infer<typeof Locale>;

export const Id = z.string().trim().min(1).max(64);
export const IdParams = z.object({ id: Id });

/** ISO-8601 UTC timestamp, always with milliseconds and a trailing Z, e.g. 2026-11-27T09:30:00.000Z. */
export const Timestamp = z.string();

/** A calendar date, YYYY-MM-DD, with no time zone. */
export const CalendarDate = z.iso.date();

export const TimeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, { error: 'Unknown IANA time zone / 未知时区' });

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Text in both product languages. */
export const Bilingual = z.object({
  zh: z.string().trim().max(2000),
  en: z.string().trim().max(2000),
});
export type Bilingual = z.infer<typeof Bilingual>;

export const ListOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** The body of every error response. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** Structured detail some codes carry, e.g. the violated rules of 'session/rule-violation'. */
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const commonErrors = {
  validation: { status: 400, zh: '输入有误，请检查标出的字段', en: 'Some fields are invalid' },
  'auth/unauthenticated': { status: 401, zh: '请先登录', en: 'Please sign in' },
  'auth/forbidden': { status: 403, zh: '没有执行此操作的权限', en: 'You are not allowed to do this' },
  'auth/csrf': { status: 403, zh: '请求校验失败，请刷新页面后重试', en: 'Request check failed; reload the page and try again' },
  'common/not-found': { status: 404, zh: '找不到该记录', en: 'Not found' },
  'common/conflict': { status: 409, zh: '记录已存在', en: 'Already exists' },
  'common/rate-limited': { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  'common/internal': { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const;

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

/**
 * The update ("PATCH") form of an input schema: every field optional and none defaulted. zod 4 applies a field's default
 * even inside .partial(), which would silently reset every field a partial update leaves out.
 */
export function patchOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
    shape[key] = inner.optional();
  }
  return z.object(shape) as unknown as z.ZodObject<{ [K in keyof Shape]: z.ZodOptional<WithoutDefault<Shape[K]>> }>;
}

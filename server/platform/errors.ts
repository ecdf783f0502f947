import { z } from 'zod';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorCatalog, type ErrorCode } from '../../contracts/errors';
import type { Locale } from '../../contracts/common';

export interface FieldError {
  path: string;
  message: string;
}

/** A failure the client can act on. Services throw it; the HTTP layer maps its code to a status and a zh/en message. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields?: FieldError[],
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export function statusOf(code: ErrorCode): number {
  return errorCatalog[code].status;
}

export function messageOf(code: ErrorCode, locale: Locale): string {
  const entry = errorCatalog[code];
  return locale === 'zh-CN' ? entry.zh : entry.en;
}

/** The request's language: Accept-Language first (the console sends its current one), then the user's profile, then zh-CN. */
export function requestLocale(req: FastifyRequest): Locale {
  const header = String(req.headers['accept-language'] ?? '').trim().toLowerCase();
  if (header.startsWith('zh')) return 'zh-CN';
  if (header.startsWith('en')) return 'en-US';
  const profile = req.principal?.kind === 'user' ? req.principal.user.locale : null;
  return profile === 'en-US' ? 'en-US' : 'zh-CN';
}

const zh = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

type IssueLike = Parameters<typeof en>[0];

function textOf(r: ReturnType<typeof en>): string | undefined {
  return typeof r === 'string' ? r : r?.message;
}

/**
 * Localise a zod issue. Messages a schema wrote itself (bilingual "english / 中文") are kept as they are;
 * zod's own messages are re-rendered in the request's language.
 */
export function localiseIssue(issue: IssueLike & { message?: string }, locale: Locale): string {
  const english = textOf(en(issue));
  if (issue.message && english !== undefined && issue.message !== english) return issue.message;
  return (locale === 'zh-CN' ? textOf(zh(issue)) : english) ?? issue.message ?? 'invalid';
}

export function zodFieldErrors(error: z.ZodError, locale: Locale, prefix = ''): FieldError[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: localiseIssue(issue as IssueLike, locale),
  }));
}

export function sendError(reply: FastifyReply, req: FastifyRequest, code: ErrorCode, fields?: FieldError[], details?: unknown) {
  const locale = requestLocale(req);
  // Field messages of validation errors explain the field; for any other code the field only says where the problem is,
  // so it carries the code's own localized sentence.
  if (fields && code !== 'validation') fields = fields.map((f) => ({ path: f.path, message: messageOf(code, locale) }));
  return reply.code(statusOf(code)).send({
    error: { code, message: messageOf(code, locale), ...(fields && fields.length ? { fields } : {}), ...(details !== undefined ? { details } : {}) },
  });
}

/** The single error handler: domain errors, validation errors, client mistakes Fastify catches, and real faults. */
export function handleError(error: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  const locale = requestLocale(req);
  if (error instanceof DomainError) return sendError(reply, req, error.code, error.fields, error.details);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext;
    const fields = error.validation.map((v) => {
      const issue = { code: v.keyword, path: v.instancePath.split('/').filter(Boolean), message: v.message, ...(v.params as object) };
      const path = v.instancePath.split('/').filter(Boolean).join('.');
      return { path: where && where !== 'body' ? [where, path].filter(Boolean).join('.') : path, message: localiseIssue(issue as IssueLike, locale) };
    });
    return sendError(reply, req, 'validation', fields);
  }
  if (error instanceof z.ZodError) return sendError(reply, req, 'validation', zodFieldErrors(error, locale));
  const status = (error as FastifyError).statusCode;
  if (status === 429) return sendError(reply, req, 'common/rate-limited');
  if (status === 404) return sendError(reply, req, 'common/not-found');
  if (status === 403) return sendError(reply, req, 'auth/forbidden');
  if (status && status >= 400 && status < 500) {
    // Malformed JSON, wrong content type, body too large: the client's fault, said plainly.
    return reply.code(status).send({ error: { code: 'validation', message: messageOf('validation', locale), fields: [{ path: '', message: error.message }] } });
  }
  req.log.error({ err: error }, 'unhandled error');
  return sendError(reply, req, 'common/internal');
}

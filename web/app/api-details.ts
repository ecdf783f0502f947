import type { MeView } from '../../contracts/accounts';
import { ErrorBody } from '../../contracts/common';
import { errorMessage } from '../../contracts/errors';
import { currentLocale, translate } from '../i18n';
import { ApiError, fetchMe, meKey } from './api';
import { queryClient } from './query-client';

/**
 * An API error that keeps `error.details` (the violated rules of 'session/rule-violation', the row errors of
 * 'product/import-invalid'). The shared client in api.ts drops them, so the writes that answer with details go
 * through sendWithDetails() instead; it behaves like api.ts otherwise (CSRF header and retry, sign-out on 401).
 */
export class DetailedApiError extends ApiError {
  constructor(status: number, code: string, message: string, fields: ApiError['fields'], readonly details: unknown) {
    super(status, code, message, fields);
    this.name = 'DetailedApiError';
  }
}

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function sendWithDetails<T>(method: Method, path: string, body?: unknown, retried = false): Promise<T> {
  const locale = currentLocale();
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale, 'Content-Type': 'application/json' };
  const me = queryClient.getQueryData<MeView | null>(meKey);
  if (me) headers['x-csrf-token'] = me.csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method, headers, credentials: 'same-origin', body: JSON.stringify(body ?? {}) });
  } catch {
    throw new ApiError(0, 'network', translate(locale, 'error.network'));
  }
  if (res.ok) {
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  let raw: unknown = null;
  try {
    raw = await res.json();
  } catch {
    // Not JSON: fall back to the status below.
  }
  const parsed = ErrorBody.safeParse(raw);
  if (!parsed.success) {
    const code = res.status >= 500 ? 'common/internal' : res.status === 404 ? 'common/not-found' : `http/${res.status}`;
    throw new ApiError(res.status, code, errorMessage(code, locale) ?? translate(locale, 'error.http', { status: res.status }));
  }
  const { code, message, fields, details } = parsed.data.error;
  if (code === 'auth/csrf' && !retried) {
    await queryClient.fetchQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 0 });
    return sendWithDetails<T>(method, path, body, true);
  }
  if (code === 'auth/unauthenticated') queryClient.setQueryData(meKey, null);
  throw new DetailedApiError(res.status, code, message || errorMessage(code, locale) || code, fields ?? [], details);
}

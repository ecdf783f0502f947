import type { MeView } from '../../contracts/accounts';
import { ErrorBody } from '../../contracts/common';
import { errorMessage } from '../../contracts/errors';
import { currentLocale, translate } from '../i18n';
import { queryClient } from './query-client';

export const meKey = ['me'] as const;
export const setupKey = ['setup'] as const;

export interface FieldError {
  path: string;
  message: string;
}

/**
 * A failed API call: the server's code, its (already localized) message, any field errors, and the structured
 * details some codes carry (the violated rules of 'session/rule-violation', the row errors of 'product/import-invalid').
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryParams = Record<string, string | number | undefined | null>;

function withQuery(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function toApiError(res: Response): Promise<ApiError> {
  const locale = currentLocale();
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy error page, an empty body): fall back to the status.
  }
  const parsed = ErrorBody.safeParse(body);
  if (parsed.success) {
    const { code, message, fields, details } = parsed.data.error;
    return new ApiError(res.status, code, message || errorMessage(code, locale) || code, fields ?? [], details);
  }
  const code = res.status >= 500 ? 'common/internal' : res.status === 404 ? 'common/not-found' : `http/${res.status}`;
  return new ApiError(res.status, code, errorMessage(code, locale) ?? translate(locale, 'error.http', { status: res.status }));
}

async function request<T>(method: Method, path: string, body?: unknown, retried = false): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const me = queryClient.getQueryData<MeView | null>(meKey);
    if (me) headers['x-csrf-token'] = me.csrfToken;
  }
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', translate(currentLocale(), 'error.network'));
  }
  if (res.ok) {
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const error = await toApiError(res);
  if (error.code === 'auth/csrf' && !retried) {
    // The session may have been renewed in another tab: take the fresh token and try once more.
    await queryClient.fetchQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 0 });
    return request<T>(method, path, body, true);
  }
  if (error.code === 'auth/unauthenticated' && path !== '/auth/me') {
    // The session ended (expired, signed out elsewhere): the route guard sends the user to /login.
    queryClient.setQueryData(meKey, null);
  }
  throw error;
}

export const api = {
  get: <T>(path: string, query?: QueryParams) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** The signed-in user, or null when signed out (401). */
export async function fetchMe(): Promise<MeView | null> {
  try {
    return await api.get<MeView>('/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The text to show for any thrown value. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return translate(currentLocale(), 'error.unknown');
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeView } from '../../../contracts/accounts';
import type { SessionMetricsView } from '../../../contracts/analytics';
import { ErrorBody } from '../../../contracts/common';
import { errorMessage } from '../../../contracts/errors';
import type { ImportFile, ImportRequestInput, ImportView, ParseResult, PresetInputRaw, PresetView, PreviewResult } from '../../../contracts/imports';
import { api, ApiError, meKey } from '../../app/api';
import { queryClient } from '../../app/query-client';
import { currentLocale, translate } from '../../i18n';

export const importKeys = {
  imports: ['imports'] as const,
  presets: ['import-presets'] as const,
  sessionMetrics: (id: string) => ['sessions', id, 'metrics'] as const,
};

export function useImports() {
  return useQuery({ queryKey: importKeys.imports, queryFn: () => api.get<{ items: ImportView[] }>('/imports').then((r) => r.items) });
}

export function usePresets() {
  return useQuery({ queryKey: importKeys.presets, queryFn: () => api.get<{ items: PresetView[] }>('/import-presets').then((r) => r.items) });
}

export function useSessionMetrics(id: string) {
  return useQuery({ queryKey: importKeys.sessionMetrics(id), queryFn: () => api.get<SessionMetricsView>(`/sessions/${id}/metrics`), staleTime: 0 });
}

export const useParseFile = () => useMutation({ mutationFn: (input: ImportFile) => api.post<ParseResult>('/imports/parse', input) });
export const usePreviewImport = () => useMutation({ mutationFn: (input: ImportRequestInput) => api.post<PreviewResult>('/imports/preview', input) });

export function useSavePreset() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: PresetInputRaw }) => (id ? api.put<PresetView>(`/import-presets/${id}`, input) : api.post<PresetView>('/import-presets', input)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: importKeys.presets }),
  });
}

export function useDeletePreset() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`/import-presets/${id}`), onSuccess: () => void qc.invalidateQueries({ queryKey: importKeys.presets }) });
}

export function useUndoImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<ImportView>(`/imports/${id}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: importKeys.imports });
      void qc.invalidateQueries({ queryKey: ['sessions'] });
    },
  });
}

/**
 * POSTs JSON with XMLHttpRequest so the upload's progress can be shown (fetch has no upload progress events).
 * onProgress gets 0…1 while the body is sent; the server then applies the rows in batches in one transaction.
 */
export function postWithProgress<T>(path: string, body: unknown, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLocale());
    const me = queryClient.getQueryData<MeView | null>(meKey);
    if (me) xhr.setRequestHeader('x-csrf-token', me.csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', translate(currentLocale(), 'error.network')));
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // Not JSON: fall back to the status below.
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(parsed as T);
      const err = ErrorBody.safeParse(parsed);
      if (err.success) {
        const { code, message, fields, details } = err.data.error;
        return reject(new ApiError(xhr.status, code, message || errorMessage(code, currentLocale()) || code, fields ?? [], details));
      }
      reject(new ApiError(xhr.status, 'common/internal', translate(currentLocale(), 'error.http', { status: xhr.status })));
    };
    xhr.send(JSON.stringify(body));
  });
}

export function useApplyImport(onProgress: (fraction: number) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportRequestInput) => postWithProgress<ImportView>('/imports', input, onProgress),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: importKeys.imports });
      void qc.invalidateQueries({ queryKey: ['sessions'] });
    },
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ApproveInput,
  CommentInput,
  CommentView,
  ContentDetailView,
  ContentItemInput,
  ContentListView,
  ContentQuery,
  ContentVersionInput,
  DiffView,
  VersionView,
  WaiverInput,
  WaiverView,
} from '../../../contracts/content';
import { api } from '../../app/api';
import { planningKeys } from '../planning/queries';

/** ContentQuery as sent (limit optional; the server defaults it). */
export type ContentFilter = Omit<z.input<typeof ContentQuery>, 'limit'> & { limit?: number };

export const contentKeys = {
  all: ['content'] as const,
  list: (q: ContentFilter) => ['content', 'list', q] as const,
  one: (id: string) => ['content', 'one', id] as const,
  version: (id: string, n: number) => ['content', 'version', id, n] as const,
  diff: (id: string, from: number, to: number, by: string) => ['content', 'diff', id, from, to, by] as const,
};

export function useContentList(query: ContentFilter, enabled = true) {
  return useQuery({ queryKey: contentKeys.list(query), queryFn: () => api.get<ContentListView>('/content', query), placeholderData: keepPreviousData, enabled });
}

export function useContentItem(id: string | undefined) {
  return useQuery({ queryKey: contentKeys.one(id ?? ''), queryFn: () => api.get<ContentDetailView>(`/content/${id}`), enabled: Boolean(id) });
}

export function useContentVersion(id: string, number: number | null) {
  return useQuery({ queryKey: contentKeys.version(id, number ?? 0), queryFn: () => api.get<VersionView>(`/content/${id}/versions/${number}`), enabled: number !== null });
}

export function useContentDiff(id: string, from: number | null, to: number | null, by: 'char' | 'line') {
  return useQuery({
    queryKey: contentKeys.diff(id, from ?? 0, to ?? 0, by),
    queryFn: () => api.get<DiffView>(`/content/${id}/diff`, { from, to, by }),
    enabled: from !== null && to !== null && from !== to,
  });
}

/** After any content write: lists, the item and the session pages that show its state. */
function useInvalidateContent() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: contentKeys.all });
    void queryClient.invalidateQueries({ queryKey: planningKeys.sessions });
  };
}

export function useCreateContent() {
  const invalidate = useInvalidateContent();
  return useMutation({ mutationFn: (input: ContentItemInput) => api.post<ContentDetailView>('/content', input), onSuccess: invalidate });
}

export function useSaveVersion(id: string) {
  const invalidate = useInvalidateContent();
  return useMutation({ mutationFn: (input: ContentVersionInput) => api.post<ContentDetailView>(`/content/${id}/versions`, input), onSuccess: invalidate });
}

export type ReviewMove = { action: 'submit'; note?: string } | { action: 'request-changes'; reason: string } | ({ action: 'approve' } & ApproveInput);

export function useReviewMove(id: string) {
  const invalidate = useInvalidateContent();
  return useMutation({
    mutationFn: ({ action, ...body }: ReviewMove) => api.post<ContentDetailView>(`/content/${id}/${action}`, body),
    onSuccess: invalidate,
  });
}

export function useAddComment(id: string) {
  const invalidate = useInvalidateContent();
  return useMutation({ mutationFn: (input: CommentInput) => api.post<CommentView>(`/content/${id}/comments`, input), onSuccess: invalidate });
}

export function useResolveComment(id: string) {
  const invalidate = useInvalidateContent();
  return useMutation({
    mutationFn: ({ commentId, resolved }: { commentId: number; resolved: boolean }) => api.post<CommentView>(`/content/${id}/comments/${commentId}/resolve`, { resolved }),
    onSuccess: invalidate,
  });
}

export function useWaive(id: string) {
  const invalidate = useInvalidateContent();
  return useMutation({ mutationFn: (input: WaiverInput) => api.post<WaiverView>(`/content/${id}/waivers`, input), onSuccess: invalidate });
}

import { useQuery } from '@tanstack/react-query';
import type { SessionMetricsView, SessionReview } from '../../../contracts/analytics';
import { api } from '../../app/api';

export const analyticsKeys = {
  review: (id: string) => ['sessions', id, 'review'] as const,
  metrics: (id: string) => ['sessions', id, 'metrics'] as const,
};

export function useSessionReview(id: string | undefined) {
  return useQuery({ queryKey: analyticsKeys.review(id ?? ''), queryFn: () => api.get<SessionReview>(`/sessions/${id}/review`), enabled: Boolean(id) });
}

export function useSessionMetrics(id: string | undefined) {
  return useQuery({ queryKey: analyticsKeys.metrics(id ?? ''), queryFn: () => api.get<SessionMetricsView>(`/sessions/${id}/metrics`), enabled: Boolean(id) });
}

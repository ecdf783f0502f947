import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FindingsFilter, FindingsGroupBy, FindingsPage, FindingsReport, NotificationList } from '../../../contracts/findings';
import { api } from '../../app/api';

const PAGE_SIZE = 50;

export function useFindingsReport(filter: FindingsFilter & { groupBy: FindingsGroupBy; timeZone: string }) {
  return useQuery({ queryKey: ['findings-report', filter], queryFn: () => api.get<FindingsReport>('/compliance/findings/report', filter), placeholderData: keepPreviousData });
}

/** The findings themselves, newest first; "load more" pages back by id. */
export function useFindings(filter: FindingsFilter) {
  return useInfiniteQuery({
    queryKey: ['findings', filter],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => api.get<FindingsPage>('/compliance/findings', { ...filter, limit: PAGE_SIZE, before: pageParam }),
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

const notificationsKey = ['notifications'] as const;

/** The caller's notifications, refreshed every few seconds so a violation on air shows up without a reload. */
export function useNotifications() {
  return useQuery({ queryKey: notificationsKey, queryFn: () => api.get<NotificationList>('/notifications'), refetchInterval: 3000, refetchIntervalInBackground: true });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number | 'all') => (id === 'all' ? api.post('/notifications/read-all') : api.post(`/notifications/${id}/read`)),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}

import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditPage, AuditQuery } from '../../../contracts/audit';
import { api } from '../../app/api';

export type AuditFilters = Omit<AuditQuery, 'limit' | 'before'>;

const PAGE_SIZE = 50;

/** Audit entries newest first; each "load more" asks for entries older than the last one seen (keyset paging). */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => api.get<AuditPage>('/audit', { ...filters, limit: PAGE_SIZE, before: pageParam }),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

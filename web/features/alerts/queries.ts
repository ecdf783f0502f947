import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlertList, AlertListQuery, AlertView, PutAlertRulesInput, RoomAlertRules } from '../../../contracts/alerts';
import { api } from '../../app/api';

export type AlertFilter = Partial<Omit<AlertListQuery, 'limit'>>;

/** The alerts page's list, refreshed every few seconds so new firings show without a reload. */
export function useAlerts(filter: AlertFilter) {
  return useQuery({ queryKey: ['alerts', filter], queryFn: () => api.get<AlertList>('/alerts', filter), placeholderData: keepPreviousData, refetchInterval: 5000 });
}

export function useAlert(id: string | null) {
  return useQuery({ queryKey: ['alert', id], queryFn: () => api.get<AlertView>(`/alerts/${id}`), enabled: !!id });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: ['alerts'] }), qc.invalidateQueries({ queryKey: ['alert'] })]);
}

export function useAckAlert() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.post<AlertView>(`/alerts/${id}/ack`), onSuccess: invalidate });
}

export function useResolveAlert() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ id, note }: { id: string; note?: string }) => api.post<AlertView>(`/alerts/${id}/resolve`, note ? { note } : {}), onSuccess: invalidate });
}

export function useRoomAlertRules(roomId: string | undefined) {
  return useQuery({ queryKey: ['alert-rules', roomId], queryFn: () => api.get<RoomAlertRules>(`/rooms/${roomId}/alert-rules`), enabled: !!roomId });
}

export function usePutRoomAlertRules(roomId: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PutAlertRulesInput) => api.put<RoomAlertRules>(`/rooms/${roomId}/alert-rules`, input),
    onSuccess: (data) => qc.setQueryData(['alert-rules', roomId], data),
  });
}

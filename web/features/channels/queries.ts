import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChannelInput,
  ChannelUpdateInput,
  ChannelView,
  DeliveryPage,
  DeliveryStatus,
  RouteInput,
  RouteUpdateInput,
  RouteView,
  TestSendResult,
} from '../../../contracts/channels';
import { api } from '../../app/api';

export const channelKeys = {
  all: ['channels'] as const,
  channels: ['channels', 'list'] as const,
  routes: ['channels', 'routes'] as const,
  deliveries: (q: DeliveryFilter) => ['channels', 'deliveries', q] as const,
};

export interface DeliveryFilter {
  channelId?: string;
  status?: DeliveryStatus;
  before?: number;
  limit: number;
}

export function useChannels() {
  return useQuery({ queryKey: channelKeys.channels, queryFn: () => api.get<{ items: ChannelView[] }>('/channels').then((r) => r.items) });
}

export function useRoutes() {
  return useQuery({ queryKey: channelKeys.routes, queryFn: () => api.get<{ items: RouteView[] }>('/channels/routes').then((r) => r.items) });
}

/** The delivery log; refreshed every few seconds so retries show up while the page is open. */
export function useDeliveries(q: DeliveryFilter) {
  return useQuery({
    queryKey: channelKeys.deliveries(q),
    queryFn: () => api.get<DeliveryPage>('/channels/deliveries', { channelId: q.channelId, status: q.status, before: q.before, limit: q.limit }),
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: channelKeys.all });
}

export function useCreateChannel() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (input: ChannelInput) => api.post<ChannelView>('/channels', input), onSuccess: done });
}

export function useUpdateChannel() {
  const done = useInvalidate();
  return useMutation({ mutationFn: ({ id, input }: { id: string; input: ChannelUpdateInput }) => api.patch<ChannelView>(`/channels/${id}`, input), onSuccess: done });
}

export function useDeleteChannel() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.delete(`/channels/${id}`), onSuccess: done });
}

export function useTestChannel() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.post<TestSendResult>(`/channels/${id}/test`), onSuccess: done });
}

export function useCreateRoute() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (input: RouteInput) => api.post<RouteView>('/channels/routes', input), onSuccess: done });
}

export function useUpdateRoute() {
  const done = useInvalidate();
  return useMutation({ mutationFn: ({ id, input }: { id: string; input: RouteUpdateInput }) => api.patch<RouteView>(`/channels/routes/${id}`, input), onSuccess: done });
}

export function useDeleteRoute() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.delete(`/channels/routes/${id}`), onSuccess: done });
}

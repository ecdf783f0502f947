import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RoomInput, RoomUpdateInput, RoomView, TeamInput, TeamView } from '../../../contracts/team';
import { api } from '../../app/api';

export const teamKeys = {
  teams: ['teams'] as const,
  rooms: (teamId?: string) => (teamId ? (['rooms', teamId] as const) : (['rooms'] as const)),
};

export function useTeams(enabled = true) {
  return useQuery({
    queryKey: teamKeys.teams,
    queryFn: () => api.get<{ items: TeamView[] }>('/teams').then((r) => r.items),
    enabled,
  });
}

/** Rooms, optionally of one team. */
export function useRooms(teamId?: string, enabled = true) {
  return useQuery({
    queryKey: teamKeys.rooms(teamId),
    queryFn: () => api.get<{ items: RoomView[] }>('/rooms', { teamId }).then((r) => r.items),
    enabled,
  });
}

function useInvalidateTeams() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: teamKeys.teams });
    void queryClient.invalidateQueries({ queryKey: ['rooms'] });
  };
}

export function useCreateTeam() {
  const invalidate = useInvalidateTeams();
  return useMutation({ mutationFn: (input: TeamInput) => api.post<TeamView>('/teams', input), onSuccess: invalidate });
}

export function useUpdateTeam() {
  const invalidate = useInvalidateTeams();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: Partial<TeamInput> }) => api.patch<TeamView>(`/teams/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteTeam() {
  const invalidate = useInvalidateTeams();
  return useMutation({ mutationFn: (id: string) => api.delete(`/teams/${id}`), onSuccess: invalidate });
}

export function useCreateRoom() {
  const invalidate = useInvalidateTeams();
  return useMutation({ mutationFn: (input: RoomInput) => api.post<RoomView>('/rooms', input), onSuccess: invalidate });
}

export function useUpdateRoom() {
  const invalidate = useInvalidateTeams();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: RoomUpdateInput }) => api.patch<RoomView>(`/rooms/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteRoom() {
  const invalidate = useInvalidateTeams();
  return useMutation({ mutationFn: (id: string) => api.delete(`/rooms/${id}`), onSuccess: invalidate });
}

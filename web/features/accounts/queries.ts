import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApiTokenInput,
  ApiTokenView,
  CreatedApiTokenView,
  InviteInput,
  InviteLinkView,
  InviteView,
  MeView,
  PasswordChangeInput,
  ProfileInput,
  UserUpdateInput,
  UserView,
} from '../../../contracts/accounts';
import type { z } from 'zod';
import { api, meKey } from '../../app/api';

export const accountKeys = {
  users: ['users'] as const,
  invites: ['invites'] as const,
  tokens: ['tokens'] as const,
};

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: accountKeys.users,
    queryFn: () => api.get<{ items: UserView[] }>('/users').then((r) => r.items),
    enabled,
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UserUpdateInput }) => api.patch<UserView>(`/users/${id}`, input),
    onSuccess: (user) => {
      queryClient.setQueryData<UserView[]>(accountKeys.users, (old) => old?.map((u) => (u.id === user.id ? user : u)));
      void queryClient.invalidateQueries({ queryKey: accountKeys.users });
      void queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}

export function useSetUserActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => api.post<UserView>(`/users/${id}/${active ? 'activate' : 'deactivate'}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.users }),
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<InviteLinkView>(`/users/${id}/reset-password`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.invites }),
  });
}

export function useInvites(enabled = true) {
  return useQuery({
    queryKey: accountKeys.invites,
    queryFn: () => api.get<{ items: InviteView[] }>('/invites').then((r) => r.items),
    enabled,
  });
}

export function useCreateInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InviteInput) => api.post<InviteLinkView>('/invites', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.invites }),
  });
}

export function useDeleteInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/invites/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.invites }),
  });
}

export function useApiTokens(enabled = true) {
  return useQuery({
    queryKey: accountKeys.tokens,
    queryFn: () => api.get<{ items: ApiTokenView[] }>('/tokens').then((r) => r.items),
    enabled,
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiTokenInput) => api.post<z.infer<typeof CreatedApiTokenView>>('/tokens', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ApiTokenView>(`/tokens/${id}/revoke`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProfileInput) => api.patch<UserView>('/me', input),
    onSuccess: (user) => {
      queryClient.setQueryData<MeView | null>(meKey, (old) => (old ? { ...old, user } : old));
      void queryClient.invalidateQueries({ queryKey: accountKeys.users });
    },
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: (input: PasswordChangeInput) => api.post<void>('/me/password', input) });
}

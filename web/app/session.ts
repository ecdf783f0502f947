import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { MeView, Permission, SetupStatus } from '../../contracts/accounts';
import { api, fetchMe, meKey, setupKey } from './api';

export function useSetupStatus() {
  return useQuery({ queryKey: setupKey, queryFn: () => api.get<SetupStatus>('/setup'), staleTime: Infinity });
}

export function useMeQuery(enabled = true) {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000, enabled });
}

/** The signed-in user; only call below the auth guard, where it is always loaded. */
export function useMe(): MeView {
  const { data } = useMeQuery();
  if (!data) throw new Error('useMe() used outside the signed-in area');
  return data;
}

export function useCan() {
  const { data } = useMeQuery();
  return (permission: Permission) => Boolean(data?.permissions.includes(permission));
}

/** Store a fresh session (from setup, login or invite acceptance) and forget everything cached for the old one. */
export function useStartSession() {
  const queryClient = useQueryClient();
  return (me: MeView) => {
    // Only cached data nobody is looking at: the page that started the session (an invite preview)
    // must not refetch its one-time link after it has been used.
    queryClient.removeQueries({ type: 'inactive', predicate: (q) => q.queryKey[0] !== setupKey[0] && q.queryKey[0] !== meKey[0] });
    queryClient.setQueryData(meKey, me);
    queryClient.setQueryData<SetupStatus>(setupKey, (old) => ({ needsSetup: false, demoLoaded: old?.demoLoaded ?? false }));
  };
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== setupKey[0] });
      queryClient.setQueryData(meKey, null);
      void navigate('/login', { replace: true });
    },
  });
}

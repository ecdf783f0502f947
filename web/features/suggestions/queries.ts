import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AcceptSuggestionInput, SessionSuggestions, SuggestionQuery, SuggestionView } from '../../../contracts/suggestions';
import { api } from '../../app/api';

export const suggestionKeys = {
  all: ['suggestions'] as const,
  session: (id: string) => ['suggestions', 'session', id] as const,
  list: (q: SuggestionQuery) => ['suggestions', 'list', q] as const,
};

/** The session's suggestions, recomputed by the server on every read, with the follow-ups of earlier accepted ones. */
export function useSessionSuggestions(sessionId: string) {
  return useQuery({ queryKey: suggestionKeys.session(sessionId), queryFn: () => api.get<SessionSuggestions>(`/sessions/${sessionId}/suggestions`), enabled: Boolean(sessionId) });
}

export function useSuggestionList(q: SuggestionQuery) {
  return useQuery({ queryKey: suggestionKeys.list(q), queryFn: () => api.get<{ items: SuggestionView[] }>('/suggestions', { status: q.status, roomId: q.roomId }).then((r) => r.items) });
}

function useDecision<V>(fn: (v: V) => Promise<SuggestionView>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: suggestionKeys.all });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

export const useAcceptSuggestion = () => useDecision((v: { id: string } & AcceptSuggestionInput) => api.post<SuggestionView>(`/suggestions/${v.id}/accept`, { ownerPersonId: v.ownerPersonId, dueDate: v.dueDate, note: v.note }));
export const useDismissSuggestion = () => useDecision((v: { id: string; reason: string }) => api.post<SuggestionView>(`/suggestions/${v.id}/dismiss`, { reason: v.reason }));

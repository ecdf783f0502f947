import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ChecklistItemView,
  ChecklistTemplateView,
  CrewInput,
  RecurringInput,
  ScheduleView,
  SessionDetailView,
  SessionInput,
  SessionQuery,
  SessionUpdateInput,
  SessionView,
  SlotsInput,
  StatusChangeInput,
  ValidateInput,
  Violation,
  WorkloadView,
  WorkRules,
  WorkRulesView,
} from '../../../contracts/planning';
import { api } from '../../app/api';

/** SessionQuery as sent (limit optional; the server defaults it). */
export type SessionFilter = Omit<z.input<typeof SessionQuery>, 'limit'> & { limit?: number };
/** The work-rules view as the API sends it (zod's inferred partial person rules). */
export type WorkRulesResult = z.infer<typeof WorkRulesView>;

export const planningKeys = {
  sessions: ['sessions'] as const,
  list: (q: SessionFilter) => ['sessions', 'list', q] as const,
  one: (id: string) => ['sessions', 'one', id] as const,
  templates: ['checklist-templates'] as const,
  mySchedule: ['me', 'schedule'] as const,
  workload: (weekStart: string, teamId?: string) => ['workload', weekStart, teamId ?? ''] as const,
  workRules: (subject: 'position' | 'person', id: string) => ['work-rules', subject, id] as const,
  feed: (personId: string) => ['calendar-feed', personId] as const,
};

export function useSessions(query: SessionFilter, enabled = true) {
  return useQuery({
    queryKey: planningKeys.list(query),
    queryFn: () => api.get<{ items: SessionView[] }>('/sessions', query).then((r) => r.items),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSession(id: string | undefined) {
  return useQuery({
    queryKey: planningKeys.one(id ?? ''),
    queryFn: () => api.get<SessionDetailView>(`/sessions/${id}`),
    enabled: Boolean(id),
  });
}

/** After any session write: lists, details, the calendar, schedules and workload all follow. */
export function useInvalidateSessions() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: planningKeys.sessions });
    void queryClient.invalidateQueries({ queryKey: planningKeys.mySchedule });
    void queryClient.invalidateQueries({ queryKey: ['workload'] });
  };
}

export function useCreateSession() {
  const invalidate = useInvalidateSessions();
  return useMutation({ mutationFn: (input: SessionInput) => api.post<SessionView>('/sessions', input), onSuccess: invalidate });
}

export function useUpdateSession() {
  const invalidate = useInvalidateSessions();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: SessionUpdateInput }) => api.patch<SessionView>(`/sessions/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteSession() {
  const invalidate = useInvalidateSessions();
  return useMutation({ mutationFn: (id: string) => api.delete(`/sessions/${id}`), onSuccess: invalidate });
}

export function useChangeStatus() {
  const invalidate = useInvalidateSessions();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: StatusChangeInput }) => api.post<SessionView>(`/sessions/${id}/status`, input),
    onSuccess: invalidate,
  });
}

export function useSetCrew() {
  const invalidate = useInvalidateSessions();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: CrewInput }) => api.put<SessionView>(`/sessions/${id}/crew`, input),
    onSuccess: invalidate,
  });
}

export function useSetSlots() {
  const invalidate = useInvalidateSessions();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: SlotsInput }) => api.put<SessionDetailView>(`/sessions/${id}/slots`, input),
    onSuccess: invalidate,
  });
}

export function useRecurring() {
  const invalidate = useInvalidateSessions();
  return useMutation({
    mutationFn: (input: RecurringInput) => api.post<{ items: SessionView[] }>('/sessions/recurring', input).then((r) => r.items),
    onSuccess: invalidate,
  });
}

/** What a plan would break, nothing saved: for drag previews. */
export function validatePlan(input: ValidateInput): Promise<Violation[]> {
  return api.post<{ violations: Violation[] }>('/sessions/validate', input).then((r) => r.violations);
}

export function useChecklistTemplates(enabled = true) {
  return useQuery({
    queryKey: planningKeys.templates,
    queryFn: () => api.get<{ items: ChecklistTemplateView[] }>('/checklist-templates').then((r) => r.items),
    enabled,
  });
}

export function useApplyChecklist() {
  const invalidate = useInvalidateSessions();
  return useMutation({
    mutationFn: ({ sessionId, templateId }: { sessionId: string; templateId: string }) =>
      api.post<{ items: ChecklistItemView[] }>(`/sessions/${sessionId}/checklists`, { templateId }),
    onSuccess: invalidate,
  });
}

export function useTick() {
  const invalidate = useInvalidateSessions();
  return useMutation({
    mutationFn: ({ itemId, personId, done }: { itemId: string; personId: string; done: boolean }) =>
      api.post<ChecklistItemView>(`/checklist-items/${itemId}/tick`, { personId, done }),
    onSuccess: invalidate,
  });
}

export function useMySchedule() {
  return useQuery({ queryKey: planningKeys.mySchedule, queryFn: () => api.get<ScheduleView>('/me/schedule') });
}

export function useWorkload(weekStart: string, teamId?: string) {
  return useQuery({
    queryKey: planningKeys.workload(weekStart, teamId),
    queryFn: () => api.get<WorkloadView>('/workload', { weekStart, teamId }),
    placeholderData: keepPreviousData,
  });
}

export function useWorkRules(subject: 'position' | 'person', id: string | null | undefined) {
  return useQuery({
    queryKey: planningKeys.workRules(subject, id ?? ''),
    queryFn: () => api.get<WorkRulesResult>(`/${subject === 'position' ? 'positions' : 'people'}/${id}/work-rules`),
    enabled: Boolean(id),
  });
}

export function useSetWorkRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ subject, id, rules }: { subject: 'position' | 'person'; id: string; rules: WorkRules }) =>
      api.put<WorkRulesResult>(`/${subject === 'position' ? 'positions' : 'people'}/${id}/work-rules`, rules),
    // A position's limits feed into every member's effective limits.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['work-rules'] }),
  });
}

export function useCalendarFeed(personId: string | null | undefined) {
  return useQuery({
    queryKey: planningKeys.feed(personId ?? ''),
    queryFn: () => api.get<{ feed: { path: string } | null }>(`/people/${personId}/calendar-feed`).then((r) => r.feed),
    enabled: Boolean(personId),
  });
}

export function useRotateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (personId: string) => api.post<{ path: string }>(`/people/${personId}/calendar-feed`),
    onSuccess: (feed, personId) => queryClient.setQueryData(planningKeys.feed(personId), feed),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  IncidentDetail,
  IncidentInput,
  IncidentStatus,
  IncidentView,
  PlaybookInput,
  PlaybookView,
  PostmortemInput,
  RiskInput,
  RiskView,
  RolesInput,
  Severity,
  TaskView,
} from '../../../contracts/incidents';
import { api } from '../../app/api';

export const incidentKeys = {
  incidents: ['incidents'] as const,
  one: (id: string) => ['incidents', 'one', id] as const,
  playbooks: ['playbooks'] as const,
  risks: ['risks'] as const,
  tasks: ['tasks'] as const,
};

export function useIncidents() {
  return useQuery({ queryKey: [...incidentKeys.incidents, 'list'], queryFn: () => api.get<{ items: IncidentView[] }>('/incidents').then((r) => r.items) });
}

export function useIncident(id: string | undefined) {
  return useQuery({ queryKey: incidentKeys.one(id ?? ''), queryFn: () => api.get<IncidentDetail>(`/incidents/${id}`), enabled: Boolean(id) });
}

/** Every incident write returns the detail; it replaces the cached one and lists refetch. */
function useIncidentWrite<V>(fn: (v: V) => Promise<IncidentDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => {
      qc.setQueryData(incidentKeys.one(d.id), d);
      void qc.invalidateQueries({ queryKey: incidentKeys.incidents });
      void qc.invalidateQueries({ queryKey: incidentKeys.tasks });
      void qc.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
}

export const useOpenIncident = () => useIncidentWrite((input: IncidentInput) => api.post<IncidentDetail>('/incidents', input));
export const useChangeStatus = (id: string) => useIncidentWrite((v: { status: IncidentStatus }) => api.post<IncidentDetail>(`/incidents/${id}/status`, v));
export const useChangeSeverity = (id: string) => useIncidentWrite((severity: Severity) => api.post<IncidentDetail>(`/incidents/${id}/severity`, { severity }));
export const useSetRoles = (id: string) => useIncidentWrite((v: z.infer<typeof RolesInput>) => api.put<IncidentDetail>(`/incidents/${id}/roles`, v));
export const useAddNote = (id: string) => useIncidentWrite((text: string) => api.post<IncidentDetail>(`/incidents/${id}/notes`, { text }));
export const useTickStep = (id: string) => useIncidentWrite((v: { stepId: string; done: boolean }) => api.post<IncidentDetail>(`/incidents/${id}/steps/${v.stepId}/tick`, { done: v.done }));
export const useSavePostmortem = (id: string) => useIncidentWrite((v: PostmortemInput) => api.put<IncidentDetail>(`/incidents/${id}/postmortem`, v));

export function usePlaybooks() {
  return useQuery({ queryKey: incidentKeys.playbooks, queryFn: () => api.get<{ items: PlaybookView[] }>('/playbooks').then((r) => r.items) });
}

export function useSavePlaybook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; input: PlaybookInput }) => (v.id ? api.put<PlaybookView>(`/playbooks/${v.id}`, v.input) : api.post<PlaybookView>('/playbooks', v.input)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: incidentKeys.playbooks }),
  });
}

export function useRisks() {
  return useQuery({ queryKey: incidentKeys.risks, queryFn: () => api.get<{ items: RiskView[] }>('/risks').then((r) => r.items) });
}

export function useSaveRisk() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; input: RiskInput }) => (v.id ? api.put<RiskView>(`/risks/${v.id}`, v.input) : api.post<RiskView>('/risks', v.input)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: incidentKeys.risks }),
  });
}

export function useMyTasks() {
  return useQuery({ queryKey: [...incidentKeys.tasks, 'mine'], queryFn: () => api.get<{ items: TaskView[] }>('/tasks', { mine: '1' }).then((r) => r.items) });
}

export function useSetTaskStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; status: 'open' | 'done' }) => api.patch<TaskView>(`/tasks/${v.id}`, { status: v.status }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: incidentKeys.tasks });
      void qc.invalidateQueries({ queryKey: incidentKeys.incidents });
    },
  });
}

/** Open alerts not yet linked to an incident, for the picker (the alerts area owns the endpoint). */
export interface AlertOption {
  id: string;
  title: { zh: string; en: string };
  roomName: string | null;
  incidentId?: string | null;
  lastAt?: string;
}
export function useOpenAlerts(enabled: boolean) {
  return useQuery({
    queryKey: ['alerts', 'for-incident'],
    queryFn: () => api.get<{ items: AlertOption[] }>('/alerts', { status: 'open' }).then((r) => r.items.filter((a) => !a.incidentId)),
    enabled,
    retry: false,
  });
}

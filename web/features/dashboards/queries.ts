import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DashboardOptions, DashboardQuery, DashboardView, GenerateReportInput, WeeklyReportSummary, WeeklyReportView, WeeklySchedule } from '../../../contracts/dashboards';
import { api } from '../../app/api';

export const dashboardKeys = {
  all: ['dashboards'] as const,
  view: (q: DashboardQuery) => ['dashboards', 'view', q] as const,
  options: ['dashboards', 'options'] as const,
  reports: ['weekly-reports'] as const,
  report: (id: string) => ['weekly-reports', 'one', id] as const,
  schedule: ['weekly-reports', 'schedule'] as const,
};

/** Query parameters of a dashboard, as the API and the export link take them. */
export function dashboardParams(q: DashboardQuery): Record<string, string> {
  const out: Record<string, string> = { scope: q.scope ?? 'company', period: q.period ?? 'week' };
  if (q.id && q.scope !== 'company') out.id = q.id;
  if (q.from) out.from = q.from;
  if (q.period === 'custom' && q.to) out.to = q.to;
  return out;
}

export function useDashboard(q: DashboardQuery, enabled = true) {
  return useQuery({
    queryKey: dashboardKeys.view(q),
    queryFn: () => api.get<DashboardView>('/dashboards', dashboardParams(q)),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useDashboardOptions() {
  return useQuery({ queryKey: dashboardKeys.options, queryFn: () => api.get<DashboardOptions>('/dashboards/options') });
}

export function useWeeklyReports() {
  return useQuery({ queryKey: dashboardKeys.reports, queryFn: () => api.get<{ items: WeeklyReportSummary[] }>('/reports/weekly').then((r) => r.items) });
}

export function useWeeklyReport(id: string | undefined) {
  return useQuery({ queryKey: dashboardKeys.report(id ?? ''), queryFn: () => api.get<WeeklyReportView>(`/reports/weekly/${id}`), enabled: Boolean(id) });
}

export function useWeeklySchedule() {
  return useQuery({ queryKey: dashboardKeys.schedule, queryFn: () => api.get<WeeklySchedule>('/reports/weekly/schedule') });
}

export function useSaveSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: WeeklySchedule) => api.put<WeeklySchedule>('/reports/weekly/schedule', v),
    onSuccess: (v) => qc.setQueryData(dashboardKeys.schedule, v),
  });
}

export function useGenerateReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: GenerateReportInput) => api.post<WeeklyReportView>('/reports/weekly/generate', v),
    onSuccess: (r) => {
      qc.setQueryData(dashboardKeys.report(r.id), r);
      void qc.invalidateQueries({ queryKey: dashboardKeys.reports });
    },
  });
}

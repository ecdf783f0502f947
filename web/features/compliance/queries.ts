import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BulkTermsInput,
  BulkTermsResult,
  CategoryInput,
  CategoryView,
  LookalikeInput,
  LookalikeView,
  PackDetail,
  PackInput,
  PackUpdateInput,
  PackView,
  RuleInput,
  RuleUpdateInput,
  RuleView,
  ScanRequest,
  ScanResponse,
  TermPage,
} from '../../../contracts/compliance';
import { api } from '../../app/api';

export const complianceKeys = {
  all: ['compliance'] as const,
  packs: ['compliance', 'packs'] as const,
  pack: (id: string) => ['compliance', 'pack', id] as const,
  terms: (ruleId: string, q: string, offset: number, limit: number) => ['compliance', 'terms', ruleId, q, offset, limit] as const,
  categories: ['compliance', 'categories'] as const,
  lookalikes: ['compliance', 'lookalikes'] as const,
  scan: (req: ScanRequest) => ['compliance', 'scan', req] as const,
};

export function usePacks() {
  return useQuery({ queryKey: complianceKeys.packs, queryFn: () => api.get<{ items: PackView[] }>('/compliance/packs').then((r) => r.items) });
}

export function usePack(id: string) {
  return useQuery({ queryKey: complianceKeys.pack(id), queryFn: () => api.get<PackDetail>(`/compliance/packs/${id}`) });
}

export function useTerms(ruleId: string | null, q: string, offset: number, limit: number) {
  return useQuery({
    queryKey: complianceKeys.terms(ruleId ?? '', q, offset, limit),
    queryFn: () => api.get<TermPage>(`/compliance/rules/${ruleId}/terms`, { q, offset, limit }),
    enabled: ruleId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useCategories() {
  return useQuery({ queryKey: complianceKeys.categories, queryFn: () => api.get<{ items: CategoryView[] }>('/compliance/categories').then((r) => r.items) });
}

export function useLookalikes() {
  return useQuery({ queryKey: complianceKeys.lookalikes, queryFn: () => api.get<{ items: LookalikeView[] }>('/compliance/lookalikes').then((r) => r.items) });
}

/** Scans one text (POST /compliance/scan); keyed by the request, so the same text is not scanned twice, and rescanned after any rule change. */
export function useScan(req: ScanRequest | null) {
  return useQuery({
    queryKey: complianceKeys.scan(req ?? { text: '' }),
    queryFn: () => api.post<ScanResponse>('/compliance/scan', req).then((r) => r.findings),
    enabled: req !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** Every rule change can change counts, lists and scan results: refresh the whole area. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: complianceKeys.all });
}

function useWrite<I, O>(fn: (input: I) => Promise<O>) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: fn, onSuccess: invalidate });
}

export const useCreatePack = () => useWrite((input: PackInput) => api.post<PackDetail>('/compliance/packs', input));
export const useUpdatePack = () => useWrite(({ id, input }: { id: string; input: PackUpdateInput }) => api.patch<PackView>(`/compliance/packs/${id}`, input));
export const useDeletePack = () => useWrite((id: string) => api.delete(`/compliance/packs/${id}`));
export const useCreateRule = () => useWrite(({ packId, input }: { packId: string; input: RuleInput }) => api.post<RuleView>(`/compliance/packs/${packId}/rules`, input));
export const useUpdateRule = () => useWrite(({ id, input }: { id: string; input: RuleUpdateInput }) => api.patch<RuleView>(`/compliance/rules/${id}`, input));
export const useDeleteRule = () => useWrite((id: string) => api.delete(`/compliance/rules/${id}`));
/** Applies whole or not at all; a 400 compliance/terms-invalid carries a BulkTermsResult as details. */
export const useImportTerms = () => useWrite(({ ruleId, input }: { ruleId: string; input: BulkTermsInput }) => api.post<BulkTermsResult>(`/compliance/rules/${ruleId}/terms`, input));
export const useRemoveTerms = () => useWrite(({ ruleId, items }: { ruleId: string; items: string[] }) => api.post<{ removed: number }>(`/compliance/rules/${ruleId}/terms/remove`, { items }));
export const useAddAllow = () => useWrite(({ packId, input }: { packId: string; input: BulkTermsInput }) => api.post<BulkTermsResult>(`/compliance/packs/${packId}/allow`, input));
export const useRemoveAllow = () => useWrite(({ packId, items }: { packId: string; items: string[] }) => api.post<{ removed: number }>(`/compliance/packs/${packId}/allow/remove`, { items }));
export const useCreateCategory = () => useWrite((input: CategoryInput) => api.post<CategoryView>('/compliance/categories', input));
export const useDeleteCategory = () => useWrite((key: string) => api.delete(`/compliance/categories/${encodeURIComponent(key)}`));
export const useAddLookalike = () => useWrite((input: LookalikeInput) => api.post<LookalikeView>('/compliance/lookalikes', input));
export const useRemoveLookalike = () => useWrite((id: number) => api.delete(`/compliance/lookalikes/${id}`));

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DutyInput,
  DutyUpdateInput,
  DutyView,
  MatrixCell,
  MatrixCellInput,
  MatrixView,
  PositionInput,
  PositionUpdateInput,
  PositionView,
} from '../../../contracts/catalog';
import { api } from '../../app/api';

export const catalogKeys = {
  positions: ['positions'] as const,
  duties: ['duties'] as const,
  matrix: ['matrix'] as const,
};

export function usePositions(enabled = true) {
  return useQuery({
    queryKey: catalogKeys.positions,
    queryFn: () => api.get<{ items: PositionView[] }>('/positions').then((r) => r.items),
    enabled,
  });
}

export function useDuties(enabled = true) {
  return useQuery({
    queryKey: catalogKeys.duties,
    queryFn: () => api.get<{ items: DutyView[] }>('/duties').then((r) => r.items),
    enabled,
  });
}

export function useMatrix(enabled = true) {
  return useQuery({ queryKey: catalogKeys.matrix, queryFn: () => api.get<MatrixView>('/matrix'), enabled });
}

function useInvalidateCatalog() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: catalogKeys.positions });
    void queryClient.invalidateQueries({ queryKey: catalogKeys.duties });
    void queryClient.invalidateQueries({ queryKey: catalogKeys.matrix });
  };
}

export function useCreatePosition() {
  const invalidate = useInvalidateCatalog();
  return useMutation({ mutationFn: (input: PositionInput) => api.post<PositionView>('/positions', input), onSuccess: invalidate });
}

export function useUpdatePosition() {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: PositionUpdateInput }) => api.patch<PositionView>(`/positions/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useDeletePosition() {
  const invalidate = useInvalidateCatalog();
  return useMutation({ mutationFn: (id: string) => api.delete(`/positions/${id}`), onSuccess: invalidate });
}

export function useCreateDuty() {
  const invalidate = useInvalidateCatalog();
  return useMutation({ mutationFn: (input: DutyInput) => api.post<DutyView>('/duties', input), onSuccess: invalidate });
}

export function useUpdateDuty() {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: DutyUpdateInput }) => api.patch<DutyView>(`/duties/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteDuty() {
  const invalidate = useInvalidateCatalog();
  return useMutation({ mutationFn: (id: string) => api.delete(`/duties/${id}`), onSuccess: invalidate });
}

const matrixCellMutationKey = ['matrix-cell'] as const;

/**
 * Set one RACI cell. The grid changes at once (optimistic); on failure the previous matrix comes back.
 * Findings are computed by the server, so the matrix is fetched again once the write settles.
 */
export function useSetMatrixCell() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: matrixCellMutationKey,
    mutationFn: (input: MatrixCellInput) => api.put<MatrixCell | undefined>('/matrix/cells', input),
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: catalogKeys.matrix });
      const previous = queryClient.getQueryData<MatrixView>(catalogKeys.matrix);
      queryClient.setQueryData<MatrixView>(catalogKeys.matrix, (old) => {
        if (!old) return old;
        const others = old.cells.filter((c) => !(c.positionId === input.positionId && c.dutyId === input.dutyId));
        return { ...old, cells: input.value ? [...others, { positionId: input.positionId, dutyId: input.dutyId, value: input.value }] : others };
      });
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(catalogKeys.matrix, context.previous);
    },
    onSettled: () => {
      // Refetching while other cells are still being saved would flash their old values back.
      if (queryClient.isMutating({ mutationKey: matrixCellMutationKey }) <= 1) {
        return queryClient.invalidateQueries({ queryKey: catalogKeys.matrix });
      }
      return undefined;
    },
  });
}

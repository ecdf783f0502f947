import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProductCategory, ProductImportInput, ProductImportPreview, ProductInput, ProductUpdateInput, ProductView } from '../../../contracts/planning';
import { api } from '../../app/api';

export interface ProductFilter {
  category?: ProductCategory;
  q?: string;
}

export const productKeys = {
  all: ['products'] as const,
  list: (f: ProductFilter) => ['products', 'list', f] as const,
};

export function useProducts(filter: ProductFilter = {}, enabled = true) {
  return useQuery({
    queryKey: productKeys.list(filter),
    queryFn: () => api.get<{ items: ProductView[] }>('/products', { category: filter.category, q: filter.q }).then((r) => r.items),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useInvalidateProducts() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: productKeys.all });
    // Runs of show show product names.
    void queryClient.invalidateQueries({ queryKey: ['sessions', 'one'] });
  };
}

export function useCreateProduct() {
  const invalidate = useInvalidateProducts();
  return useMutation({ mutationFn: (input: ProductInput) => api.post<ProductView>('/products', input), onSuccess: invalidate });
}

export function useUpdateProduct() {
  const invalidate = useInvalidateProducts();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ProductUpdateInput }) => api.patch<ProductView>(`/products/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteProduct() {
  const invalidate = useInvalidateProducts();
  return useMutation({ mutationFn: (id: string) => api.delete(`/products/${id}`), onSuccess: invalidate });
}

export function usePreviewImport() {
  return useMutation({ mutationFn: (input: ProductImportInput) => api.post<ProductImportPreview>('/products/import/preview', input) });
}

/** Applies the file whole or not at all; a 400 product/import-invalid carries details.errors. */
export function useApplyImport() {
  const invalidate = useInvalidateProducts();
  return useMutation({ mutationFn: (input: ProductImportInput) => api.post<ProductImportPreview>('/products/import', input), onSuccess: invalidate });
}

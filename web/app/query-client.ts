import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // 4xx answers will not change on retry; only retry network trouble and 5xx once.
      retry: (count, error) => {
        const status = (error as { status?: number }).status ?? 0;
        return count < 1 && (status === 0 || status >= 500);
      },
    },
  },
});

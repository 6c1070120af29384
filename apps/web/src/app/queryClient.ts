import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';

export const meKey = ['me'] as const;

/**
 * When the session ends (expired, signed out elsewhere) any request answers 401; forgetting the
 * signed-in user makes the route guard send the person to the sign-in page.
 */
function onAuthError(error: unknown) {
  if (isApiError(error, 401)) queryClient.setQueryData(meKey, null);
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onAuthError }),
  mutationCache: new MutationCache({ onError: onAuthError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => !(isApiError(error) && error.status < 500) && failureCount < 2,
    },
  },
});

import type { Permission, User } from '@rapport/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../app/api';
import { meKey } from '../../app/queryClient';

export type Me = User & { permissions: string[] };

export const setupKey = ['setup'] as const;

export function useSetupState() {
  return useQuery({
    queryKey: setupKey,
    queryFn: ({ signal }) => api<{ needsFirstAdmin: boolean }>('/setup', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The signed-in user, or `null` when nobody is signed in (401 is an answer here, not a failure). */
export function useMe(enabled = true) {
  return useQuery({
    queryKey: meKey,
    queryFn: async ({ signal }) => {
      try {
        return await api<Me>('/me', { signal });
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** The signed-in user inside the guarded part of the app (RequireAuth has loaded it). */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser is used outside RequireAuth');
  return data;
}

export function useCan(permission: Permission): boolean {
  const { data } = useMe();
  return data?.permissions.includes(permission) ?? false;
}

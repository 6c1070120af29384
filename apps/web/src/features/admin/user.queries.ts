import type { User } from '@rapport/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';

export interface UserPage {
  data: User[];
  nextCursor: string | null;
  total?: number;
}

export interface TokenSummary {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export const userKeys = {
  all: ['users'] as const,
  list: (q: string, role: string | null) => [...userKeys.all, 'list', q, role] as const,
  options: () => [...userKeys.all, 'options'] as const,
};

export const tokenKeys = { all: ['tokens'] as const };

export function useUsers(q: string, role: string | null) {
  return useQuery({
    queryKey: userKeys.list(q, role),
    queryFn: ({ signal }) =>
      api<UserPage>(withQuery('/users', { q: q.trim(), role, sort: 'name', limit: 200, count: true }), {
        signal,
      }),
  });
}

/** Everyone who can own a stakeholder, to pick an owner or show an owner's name. */
export function useUserOptions(enabled = true) {
  return useQuery({
    queryKey: userKeys.options(),
    queryFn: ({ signal }) => api<UserPage>(withQuery('/users', { sort: 'name', limit: 200 }), { signal }),
    staleTime: 5 * 60_000,
    enabled,
    select: (page) => page.data,
  });
}

export function useTokens() {
  return useQuery({
    queryKey: tokenKeys.all,
    queryFn: ({ signal }) => api<{ data: TokenSummary[] }>('/tokens', { signal }),
    select: (page) => page.data,
  });
}

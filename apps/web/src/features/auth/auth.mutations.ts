import type { FirstAdmin, Locale, MePatch, User } from '@rapport/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { applyLocale } from '../../app/i18n';
import { meKey } from '../../app/queryClient';
import { type Me, setupKey } from './auth.queries';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api<{ user: User }>('/session', { method: 'POST', body }),
    onSuccess: async ({ user }) => {
      // Everything cached belongs to whoever was signed in before.
      queryClient.clear();
      await applyLocale(user.locale);
      await queryClient.fetchQuery({ queryKey: meKey, queryFn: () => api<Me>('/me') });
    },
  });
}

export function useFirstRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FirstAdmin) => api<{ user: User }>('/setup', { method: 'POST', body }),
    onSuccess: async ({ user }) => {
      queryClient.clear();
      queryClient.setQueryData(setupKey, { needsFirstAdmin: false });
      await applyLocale(user.locale);
      await queryClient.fetchQuery({ queryKey: meKey, queryFn: () => api<Me>('/me') });
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/session', { method: 'DELETE' }),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
    },
  });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MePatch) => api<Me>('/me', { method: 'PATCH', body }),
    onSuccess: (me) => queryClient.setQueryData(meKey, me),
  });
}

/** Changes the interface language now, and keeps it in the user's profile when someone is signed in. */
export function useChangeLocale() {
  const queryClient = useQueryClient();
  const updateMe = useUpdateMe();
  return async (locale: Locale) => {
    await applyLocale(locale);
    const me = queryClient.getQueryData<Me | null>(meKey);
    if (me && me.locale !== locale) await updateMe.mutateAsync({ locale });
  };
}

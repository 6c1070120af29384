import type {
  Webhook,
  WebhookCreate,
  WebhookDelivery,
  WebhookPatch,
  WebhookWithSecret,
} from '@rapport/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { webhookKeys } from './webhook.queries';

const path = (id: string) => `/webhooks/${encodeURIComponent(id)}`;

function useWebhookMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

export const useCreateWebhook = () =>
  useWebhookMutation((body: WebhookCreate) => api<WebhookWithSecret>('/webhooks', { method: 'POST', body }));

export const useUpdateWebhook = () =>
  useWebhookMutation(({ id, version, patch }: { id: string; version: number; patch: WebhookPatch }) =>
    api<Webhook>(path(id), { method: 'PATCH', body: patch, version }),
  );

export const useArchiveWebhook = () =>
  useWebhookMutation(({ id, version }: { id: string; version: number }) =>
    api<Webhook>(path(id), { method: 'DELETE', version }),
  );

export const useRotateSecret = () =>
  useWebhookMutation(({ id, version }: { id: string; version: number }) =>
    api<WebhookWithSecret>(`${path(id)}/rotate-secret`, { method: 'POST', version }),
  );

export const useTestWebhook = () =>
  useWebhookMutation((id: string) => api<WebhookDelivery>(`${path(id)}/test`, { method: 'POST' }));

export const useRedeliver = () =>
  useWebhookMutation((deliveryId: string) =>
    api<WebhookDelivery>(`/webhooks/deliveries/${encodeURIComponent(deliveryId)}/redeliver`, {
      method: 'POST',
    }),
  );

import type { Webhook, WebhookDelivery } from '@rapport/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';

export const webhookKeys = {
  all: ['webhooks'] as const,
  list: () => [...webhookKeys.all, 'list'] as const,
  deliveries: (id: string, status: string | null) => [...webhookKeys.all, 'deliveries', id, status] as const,
};

export function useWebhooks() {
  return useQuery({
    queryKey: webhookKeys.list(),
    queryFn: ({ signal }) =>
      api<{ data: Webhook[]; nextCursor: string | null }>(withQuery('/webhooks', { limit: 200 }), { signal }),
    select: (page) => page.data,
  });
}

export function useDeliveries(webhookId: string, status: string | null) {
  return useQuery({
    queryKey: webhookKeys.deliveries(webhookId, status),
    queryFn: ({ signal }) =>
      api<{ data: WebhookDelivery[]; nextCursor: string | null }>(
        withQuery(`/webhooks/${encodeURIComponent(webhookId)}/deliveries`, { status, limit: 50 }),
        { signal },
      ),
    select: (page) => page.data,
    // Retries happen in the background: keep the table current while it is open.
    refetchInterval: 10_000,
  });
}

import { useIsFetching, useIsMutating } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';

/**
 * "The page is ready": nothing is being loaded — no page part waiting for its code (a loader is shown) and no
 * query or change on its way. The app says so on <html data-ready="true">, and <html aria-busy> says the
 * opposite to assistive technology; browser tests wait for it instead of guessing how long a busy machine takes.
 */
let loadersShown = 0;
const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Marks the page as loading while the calling component (a loader) is on screen. */
export function useLoaderShown(): void {
  useEffect(() => {
    loadersShown += 1;
    notify();
    return () => {
      loadersShown -= 1;
      notify();
    };
  }, []);
}

/**
 * One query settling often starts the next (a list after the session): the page counts as ready only once
 * nothing has been loading for a moment.
 */
const SETTLED_MS = 150;

export function usePageReadySignal(): void {
  const fetching = useIsFetching();
  const mutating = useIsMutating();
  const loaders = useSyncExternalStore(subscribe, () => loadersShown);
  const busy = fetching > 0 || mutating > 0 || loaders > 0;
  useEffect(() => {
    const html = document.documentElement;
    if (busy) {
      html.setAttribute('data-ready', 'false');
      html.setAttribute('aria-busy', 'true');
      return;
    }
    const timer = window.setTimeout(() => {
      html.setAttribute('data-ready', 'true');
      html.removeAttribute('aria-busy');
    }, SETTLED_MS);
    return () => window.clearTimeout(timer);
  }, [busy]);
}

import { useSyncExternalStore } from 'react';

// A tiny history router: the server falls back to index.html for every path that is not under /api/.
const listeners = new Set<() => void>();

function emit(): void {
  // From now on each page's heading takes focus when it opens (see PageHeading).
  document.body.dataset.fwNavigated = 'true';
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export interface NavigationState {
  /** A short message for the next page ("Moved to Manager review"), shown once. */
  notice?: string;
}

export function navigate(to: string, options: { replace?: boolean; state?: NavigationState } = {}): void {
  const state = options.state ?? {};
  if (options.replace) window.history.replaceState(state, '', to);
  else window.history.pushState(state, '', to);
  emit();
}

export function usePathname(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.pathname,
    () => '/',
  );
}

export function readNotice(): string | undefined {
  const state = window.history.state as NavigationState | null;
  return typeof state?.notice === 'string' ? state.notice : undefined;
}

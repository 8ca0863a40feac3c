import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/ApiError.js';
import { useSession } from '../session/SessionContext.js';

export type Load<T> =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string; status: number | undefined; retry: () => void }
  | { kind: 'ready'; value: T; reload: () => void };

/** Loads what a page needs. A 401 sends the person to sign in; other failures become a plain message. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Load<T> {
  const session = useSession();
  const [state, setState] = useState<Load<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const again = useCallback(() => setAttempt((n) => n + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what `load` depends on.
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ kind: 'ready', value, reload: again }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && error.status === 401) session.expired();
        setState({
          kind: 'failed',
          message: error instanceof Error ? error.message : 'Something went wrong. Please try again.',
          status: error instanceof ApiError ? error.status : undefined,
          retry: again,
        });
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, attempt]);
  return state;
}

import { ApiError, NETWORK_STATUS } from '../api/ApiError.js';

export interface BackoffOptions {
  /** First wait, in ms. */
  base: number;
  /** The longest wait, in ms: staff should never wait long after the connection comes back. */
  max: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { base: 2_000, max: 30_000 };

/**
 * How long to wait before retry number `attempt` (1 = the first retry): doubling, capped at `max`. `random`
 * in [0, 1) spreads retries so that many devices coming back online do not all call at the same moment.
 */
export function retryDelay(attempt: number, random = 0.5, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  const delay = Math.min(options.max, options.base * 2 ** exponent);
  // ±20% jitter, still never above the cap.
  return Math.min(options.max, Math.round(delay * (0.8 + 0.4 * random)));
}

/** What a failed save means for the person typing. */
export type SaveFailure =
  /** Network down, server down or busy: keep the local copy and keep retrying. */
  | 'retry'
  /** Another device saved first (412): show both versions. */
  | 'conflict'
  /** The session ended: keep the local copy; retry after signing in again. */
  | 'signed-out'
  /** The server refused for a reason retrying cannot fix (the record was closed, access removed, …). */
  | 'refused';

export function classifySaveFailure(error: unknown): SaveFailure {
  if (!(error instanceof ApiError)) return 'retry';
  if (error.status === NETWORK_STATUS) return 'retry';
  if (error.status === 412) return 'conflict';
  if (error.status === 401) return 'signed-out';
  if (error.status === 408 || error.status === 429 || error.status >= 500) return 'retry';
  return 'refused';
}

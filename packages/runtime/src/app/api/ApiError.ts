import type { ApiErrorBody } from './types.js';

/** Anything that went wrong talking to the server, as data: a code, a plain message, and the body if any. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly pointer: string | undefined;
  readonly body: ApiErrorBody | undefined;

  constructor(status: number, code: string, message: string, body?: ApiErrorBody) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.pointer = body?.error.pointer;
    this.body = body;
  }
}

/** status 0: the request never reached the server (offline, DNS, connection refused). */
export const NETWORK_STATUS = 0;

/** Plain words for when the server gave no usable message. */
export function fallbackMessage(status: number): string {
  if (status === NETWORK_STATUS) return 'We could not reach Formwork. Check your connection and try again.';
  if (status === 401) return 'You have been signed out. Please sign in again.';
  if (status === 403)
    return 'Your account does not have access to this. Ask your manager if you think it should.';
  if (status === 404) return 'We could not find this. It may have been moved, or the link may be wrong.';
  if (status === 409) return 'This could not be done because the record has changed. Please reload the page.';
  if (status === 412) return 'Someone saved this record on another device while you were working on it.';
  if (status === 429) return 'Formwork is busy. Please wait a moment and try again.';
  if (status >= 500) return 'Formwork is having a problem just now. Please try again in a few minutes.';
  return 'Something went wrong. Please try again.';
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

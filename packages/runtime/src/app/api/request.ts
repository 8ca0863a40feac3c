import { ApiError, fallbackMessage, isApiErrorBody, NETWORK_STATUS } from './ApiError.js';
import { readCsrfToken } from './csrf.js';

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Lets the request outlive the page (autosave on `pagehide`). */
  keepalive?: boolean;
  signal?: AbortSignal;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * One call to the API. Resolves with the parsed JSON body (undefined for 204); rejects with an ApiError whose
 * message is fit to show to staff. Cookies go automatically (same origin).
 */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (!SAFE_METHODS.has(method)) {
    headers['Content-Type'] = 'application/json';
    const token = typeof document === 'undefined' ? undefined : readCsrfToken(document.cookie);
    if (token) headers['X-CSRF-Token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body:
        options.body === undefined
          ? SAFE_METHODS.has(method)
            ? undefined
            : '{}'
          : JSON.stringify(options.body),
      keepalive: options.keepalive ?? false,
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError(NETWORK_STATUS, 'network', fallbackMessage(NETWORK_STATUS));
  }
  if (response.status === 204) return undefined as T;
  const body = await readJson(response);
  if (response.ok) {
    if (body === undefined) {
      throw new ApiError(response.status, 'bad-response', fallbackMessage(500));
    }
    return body as T;
  }
  if (isApiErrorBody(body)) {
    throw new ApiError(
      response.status,
      body.error.code,
      body.error.message || fallbackMessage(response.status),
      body,
    );
  }
  throw new ApiError(response.status, `http-${response.status}`, fallbackMessage(response.status));
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** Errors are data: a thrown `Problem` becomes `{ error: { code, message, pointer?, details? } }` with its status. */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class Problem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly pointer?: string,
    readonly details?: unknown,
    /** Extra top-level members next to `error` (e.g. `current`, `evaluation`). */
    readonly extra?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    const error: Record<string, unknown> = { code: this.code, message: this.message };
    if (this.pointer !== undefined) error.pointer = this.pointer;
    if (this.details !== undefined) error.details = this.details;
    return { error, ...this.extra };
  }
}

export const badRequest = (code: string, message: string, pointer?: string, details?: unknown) =>
  new Problem(400, code, message, pointer, details);

/** The same answer for "does not exist" and "not yours": nothing about other organisations leaks. */
export const notFound = (what = 'That item') =>
  new Problem(404, 'not-found', `${what} was not found. Check the link, or go back to the list.`);

export const forbidden = (message: string) => new Problem(403, 'forbidden', message);

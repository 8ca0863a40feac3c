/**
 * A small request-shape checker: every field typed, unknown fields refused, with the JSON pointer of the first
 * problem. Request bodies here are small and flat, so this beats a schema library in clarity.
 */
import { badRequest } from './problem.js';

type FieldKind = 'string' | 'json' | 'boolean';
interface Field {
  kind: FieldKind;
  optional?: boolean;
  maxLength?: number;
}

export function shape<T>(body: unknown, fields: Record<string, Field>): T {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('invalid-body', 'The request body must be a JSON object.', '');
  }
  const record = body as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(fields, key)) {
      const allowed = Object.keys(fields).join(', ') || 'none';
      throw badRequest(
        'unknown-field',
        `"${key}" is not a field of this request (allowed: ${allowed}).`,
        `/${key}`,
      );
    }
  }
  for (const [key, field] of Object.entries(fields)) {
    const value = record[key];
    if (value === undefined) {
      if (!field.optional) throw badRequest('missing-field', `"${key}" is required.`, `/${key}`);
      continue;
    }
    if (field.kind === 'string') {
      if (typeof value !== 'string') throw badRequest('wrong-type', `"${key}" must be text.`, `/${key}`);
      const max = field.maxLength ?? 1000;
      if (value.length > max) {
        throw badRequest('too-long', `"${key}" is longer than ${max} characters.`, `/${key}`);
      }
    } else if (field.kind === 'boolean' && typeof value !== 'boolean') {
      throw badRequest('wrong-type', `"${key}" must be true or false.`, `/${key}`);
    }
  }
  return record as T;
}

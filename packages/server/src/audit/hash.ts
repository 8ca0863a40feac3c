/** SHA-256 over RFC 8785 canonical JSON: the one hashing rule for content hashes, signatures and the audit chain. */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@formwork/engine';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function hashJson(value: unknown): string {
  return sha256Hex(canonicalJson(value as never));
}

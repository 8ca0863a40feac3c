/** The engine never throws by contract; if it ever does, the request fails closed with a plain 500, not a crash. */
import type { EvaluateResult, Json } from '@formwork/engine';
import { evaluate, prune } from '@formwork/engine';
import type { LoadedVersion } from '../templates/version-cache.js';

export function evaluateRecord(
  version: LoadedVersion,
  data: Json,
  to: string | undefined,
  now: Date,
): EvaluateResult {
  return evaluate(
    version.compiled,
    data,
    to === undefined ? { now: now.toISOString() } : { to, now: now.toISOString() },
  );
}

export function pruneRecord(version: LoadedVersion, data: Json) {
  return prune(version.compiled, data);
}

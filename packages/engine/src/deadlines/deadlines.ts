/**
 * Stage deadlines: for each later stage with `due`, when entering it falls due and whether that is near.
 * `due-soon`: less than a quarter of the window, and at most 24 hours, is left. Pure: `now` is explicit.
 */
import { getAt } from '../pointer.js';
import type { CompiledTemplate, DeadlineInput, DeadlineResult, DeadlineStatus } from '../types.js';

const HOUR_MS = 3_600_000;

export function deadlines(compiled: CompiledTemplate, input: DeadlineInput, now: string): DeadlineResult[] {
  const nowMs = Date.parse(now);
  if (Number.isNaN(nowMs))
    throw new TypeError(`deadlines: "now" must be an ISO-8601 instant, got ${JSON.stringify(now)}`);
  // An unknown current stage counts as before the first one, so no deadline is hidden.
  const current = compiled.stages.findIndex((s) => s.id === input.stage);
  const results: DeadlineResult[] = [];
  compiled.stages.forEach((stage, i) => {
    if (i <= current || !stage.due) return;
    const from = stage.due.from === '$createdAt' ? input.createdAt : getAt(input.data, stage.due.from);
    const fromMs = typeof from === 'string' ? Date.parse(from) : Number.NaN;
    const hours = typeof stage.due.hours === 'number' ? stage.due.hours : Number.NaN;
    // No start time recorded yet (or no usable hours): there is no deadline to show.
    if (Number.isNaN(fromMs) || Number.isNaN(hours)) return;
    const windowMs = hours * HOUR_MS;
    const dueMs = fromMs + windowMs;
    const left = dueMs - nowMs;
    let status: DeadlineStatus = 'not-due';
    if (left <= 0) status = 'overdue';
    else if (left <= Math.min(24 * HOUR_MS, windowMs / 4)) status = 'due-soon';
    results.push({ stage: stage.id, title: stage.title, due: new Date(dueMs).toISOString(), status });
  });
  return results;
}

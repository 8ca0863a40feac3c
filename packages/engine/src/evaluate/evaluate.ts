/**
 * evaluate(compiled, data, { to, now }): field errors for staff, gate results, and whether the record may move
 * on. Pure: the clock only arrives through `now`. Fails closed on an unknown stage or a rule that needs `now`.
 * Everything evaluate needs besides validation is worked out once per compiled template (plan.ts).
 */
import type {
  CompiledTemplate,
  EvaluateOptions,
  EvaluateResult,
  GateResult,
  ValidationContext,
} from '../types.js';
import { fieldErrors } from './messages.js';
import { planOf } from './plan.js';
import { expandRequiredGroups } from './required-groups.js';
import { missingPointers } from './requires.js';
import { runValidator } from './run-validator.js';

export function evaluate(
  compiled: CompiledTemplate,
  data: unknown,
  options: EvaluateOptions = {},
): EvaluateResult {
  const plan = planOf(compiled);
  const context: ValidationContext = options.now !== undefined ? { now: options.now } : {};
  const form = runValidator(compiled.validators.form, context, data);
  let valid = form.ok;
  const errors = form.errors
    ? expandRequiredGroups(compiled, plan, context, data, fieldErrors(compiled, form.errors))
    : [];

  const { stageIds } = plan;
  let upTo = stageIds.length - 1;
  let unknownStage = false;
  if (options.to !== undefined) {
    upTo = plan.stageIndex.get(options.to) ?? -1;
    if (upTo < 0) {
      unknownStage = true;
      upTo = stageIds.length - 1;
      errors.push({
        path: '',
        rule: 'unknown-stage',
        message: `There is no stage called "${options.to}" in this form, so the record cannot move there. Choose one of: ${stageIds.join(', ') || '(none)'}.`,
      });
    }
  }

  const gates: GateResult[] = [];
  const onlyUpTo = options.to !== undefined && !unknownStage;
  for (const { gate, stageIndex, validators, requires } of plan.gates) {
    if (onlyUpTo && stageIndex > upTo) continue;
    let status: GateResult['status'];
    let missing: string[];
    if (validators.when && !runValidator(validators.when, context, data).ok) {
      status = 'not-applicable';
      missing = [];
    } else {
      missing = missingPointers(data, requires);
      const checked = validators.check ? runValidator(validators.check, context, data).ok : true;
      status = missing.length === 0 && checked ? 'met' : 'blocked';
    }
    // One literal, not a spread of a shared part: V8 builds it far faster (measured ~1 µs per gate with spreads).
    gates.push({
      id: gate.id,
      stage: gate.stage,
      severity: gate.severity,
      message: gate.message,
      status,
      missing,
    });
  }

  let safeguarding = compiled.template.safeguarding?.always === true;
  if (!safeguarding && compiled.validators.safeguarding)
    safeguarding = runValidator(compiled.validators.safeguarding, context, data).ok;

  if (context.needsNow) {
    valid = false;
    for (const e of errors) {
      if (e.rule === 'x-age')
        e.message =
          'This can only be checked with the current time. Try again, and if it keeps happening, tell your system administrator.';
    }
    if (!errors.some((e) => e.rule === 'x-age')) {
      errors.push({
        path: '',
        rule: 'now',
        message:
          'Some rules depend on the current time, which was not available. Try again, and if it keeps happening, tell your system administrator.',
      });
    }
  }

  const blocking = gates.some((g) => g.status === 'blocked' && g.severity === 'block');
  const canProceed = options.to === undefined ? valid : valid && !unknownStage && !blocking;
  return { valid, errors, gates, canProceed, safeguarding };
}

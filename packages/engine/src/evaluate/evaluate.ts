/**
 * evaluate(compiled, data, { to, now }): field errors for staff, gate results, and whether the record may move
 * on. Pure: the clock only arrives through `now`. Fails closed on an unknown stage or a rule that needs `now`.
 */
import type {
  CompiledTemplate,
  EvaluateOptions,
  EvaluateResult,
  FieldError,
  GateResult,
  ValidationContext,
  Validator,
} from '../types.js';
import { fieldErrors } from './messages.js';
import { missingPointers } from './requires.js';

function run(
  validate: Validator,
  context: ValidationContext,
  data: unknown,
): { ok: boolean; errors: Validator['errors'] } {
  try {
    const ok = validate.call(context, data, { rootData: data }) === true;
    return { ok, errors: validate.errors ?? null };
  } catch (error) {
    // A validator that throws (it should not) counts as failing, never as passing.
    return {
      ok: false,
      errors: [
        {
          instancePath: '',
          schemaPath: '#',
          keyword: 'engine',
          params: { reason: (error as Error).message },
        },
      ],
    };
  }
}

export function evaluate(
  compiled: CompiledTemplate,
  data: unknown,
  options: EvaluateOptions = {},
): EvaluateResult {
  const context: ValidationContext = options.now !== undefined ? { now: options.now } : {};
  const form = run(compiled.validators.form, context, data);
  const errors: FieldError[] = fieldErrors(compiled, form.errors ?? []);
  let valid = form.ok;

  const stageIds = compiled.stages.map((s) => s.id);
  let upTo = stageIds.length - 1;
  let unknownStage = false;
  if (options.to !== undefined) {
    upTo = stageIds.indexOf(options.to);
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
  compiled.gates.forEach((gate, i) => {
    const index = stageIds.indexOf(gate.stage);
    if (options.to !== undefined && !unknownStage && index > upTo) return;
    const validators = compiled.validators.gates[i] ?? {};
    const base = { id: gate.id, stage: gate.stage, severity: gate.severity, message: gate.message };
    if (validators.when && !run(validators.when, context, data).ok) {
      gates.push({ ...base, status: 'not-applicable', missing: [] });
      return;
    }
    const missing = missingPointers(data, gate.requires ?? []);
    const checked = validators.check ? run(validators.check, context, data).ok : true;
    gates.push({ ...base, status: missing.length === 0 && checked ? 'met' : 'blocked', missing });
  });

  let safeguarding = compiled.template.safeguarding?.always === true;
  if (!safeguarding && compiled.validators.safeguarding)
    safeguarding = run(compiled.validators.safeguarding, context, data).ok;

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

/**
 * ajv errors → messages for care staff: attached to the field, no ajv wording, no `if`/summary noise, one per
 * field and rule, the template's own wording first.
 */
import { escapeSegment, joinPointer, wildcardPointer } from '../pointer.js';
import type { CompiledTemplate, FieldError, ValidatorError } from '../types.js';
import { planOf } from './plan.js';

const CHOICE_OF_CONSTS = /\/(oneOf|anyOf)\/\d+\/const$/;

function hoursText(hours: number): string {
  if (hours > 0 && hours < 1) {
    const minutes = Math.round(hours * 60);
    return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  }
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

function quoted(title: string): string {
  return `‘${title}’`;
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

function defaultMessage(e: ValidatorError, path: string, titleOf: (pointer: string) => string): string {
  const title = quoted(titleOf(path));
  const p = e.params;
  switch (e.keyword) {
    case 'required':
    case 'dependentRequired':
      return `Answer ${title}`;
    case 'type': {
      const type = String(p.type);
      if (type.includes('integer')) return `Enter a whole number for ${title}`;
      if (type.includes('number')) return `Enter a number for ${title}`;
      if (type.includes('boolean')) return `Choose yes or no for ${title}`;
      if (type.includes('string')) return `Enter text for ${title}`;
      if (type.includes('array')) return `Choose from the list for ${title}`;
      return `${title} is not in the expected form. Check the answer`;
    }
    case 'format': {
      const format = String(p.format);
      const what: { [f: string]: string } = {
        'date-time': 'a date and time',
        date: 'a date',
        time: 'a time',
        email: 'an email address, like name@example.com',
        uri: 'a web address',
        uuid: 'a reference number',
      };
      return `Enter ${what[format] ?? 'the answer in the right format'} for ${title}`;
    }
    case 'minLength':
      return num(p.limit) <= 1 ? `Answer ${title}` : `${title} needs at least ${p.limit} characters`;
    case 'maxLength':
      return `${title} can have up to ${p.limit} characters`;
    case 'minimum':
      return `Enter ${p.limit} or more for ${title}`;
    case 'exclusiveMinimum':
      return `Enter more than ${p.limit} for ${title}`;
    case 'maximum':
      return `Enter ${p.limit} or less for ${title}`;
    case 'exclusiveMaximum':
      return `Enter less than ${p.limit} for ${title}`;
    case 'multipleOf':
      return `Enter a multiple of ${p.multipleOf} for ${title}`;
    case 'minItems':
      return `${title} needs at least ${p.limit} ${num(p.limit) === 1 ? 'answer' : 'answers'}`;
    case 'maxItems':
      return `${title} can have up to ${p.limit} ${num(p.limit) === 1 ? 'answer' : 'answers'}`;
    case 'uniqueItems':
      return `Each answer in ${title} can be given only once`;
    case 'contains':
    case 'minContains':
      return `${title} needs at least ${p.minContains ?? 1} matching ${num(p.minContains ?? 1) === 1 ? 'entry' : 'entries'}`;
    case 'maxContains':
      return `${title} can have up to ${p.maxContains} matching entries`;
    case 'enum':
    case 'const':
    case 'oneOf':
    case 'anyOf':
      return 'Choose one of the options';
    case 'pattern':
      return `Check the format of ${title}`;
    case 'additionalProperties':
    case 'unevaluatedProperties':
    case 'false schema':
      return 'This answer belongs to a question that is not shown now. Check the answers above, or remove it';
    case 'not':
      return `This answer cannot be used for ${title}`;
    case 'x-within': {
      const other = quoted(titleOf(String(p.after)));
      const min = p.minHours === null || p.minHours === undefined ? 0 : num(p.minHours);
      const max = p.maxHours === null || p.maxHours === undefined ? undefined : num(p.maxHours);
      if (max !== undefined && min > 0)
        return `This needs to be between ${hoursText(min)} and ${hoursText(max)} after ${other}`;
      if (max !== undefined) return `This needs to be within ${hoursText(max)} of ${other}`;
      return `This needs to be at least ${hoursText(min)} after ${other}`;
    }
    case 'x-sameDay':
      return `This needs to be on the same day as ${quoted(titleOf(String(p.as)))}`;
    case 'x-age': {
      const max = p.maxHours === null || p.maxHours === undefined ? undefined : num(p.maxHours);
      const min = p.minHours === null || p.minHours === undefined ? 0 : num(p.minHours);
      if (max !== undefined && min > 0)
        return `This needs to be between ${hoursText(min)} and ${hoursText(max)} ago`;
      if (max !== undefined) return `This needs to be no more than ${hoursText(max)} ago`;
      return `This needs to be at least ${hoursText(min)} ago`;
    }
    default:
      return `Check the answer to ${title}`;
  }
}

function errorPath(e: ValidatorError): string {
  const p = e.params;
  if (
    (e.keyword === 'required' || e.keyword === 'dependentRequired') &&
    typeof p.missingProperty === 'string'
  )
    return joinPointer(e.instancePath, p.missingProperty);
  if (e.keyword === 'additionalProperties' && typeof p.additionalProperty === 'string')
    return `${e.instancePath}/${escapeSegment(p.additionalProperty)}`;
  if (e.keyword === 'unevaluatedProperties' && typeof p.unevaluatedProperty === 'string')
    return `${e.instancePath}/${escapeSegment(p.unevaluatedProperty)}`;
  return e.instancePath;
}

function ruleOf(e: ValidatorError): string {
  if (CHOICE_OF_CONSTS.test(e.schemaPath)) return 'enum';
  if (e.keyword === 'oneOf' || e.keyword === 'anyOf') return 'enum';
  return e.keyword;
}

/** Looks a message up by exact pointer, then by the `*` form for array items. */
export function templateMessage(compiled: CompiledTemplate, path: string, rule: string): string | undefined {
  const messages = compiled.template.messages;
  if (!messages) return undefined;
  for (const key of [path, wildcardPointer(path)]) {
    const byRule = Object.hasOwn(messages, key) ? messages[key] : undefined;
    if (byRule && Object.hasOwn(byRule, rule) && typeof byRule[rule] === 'string') return byRule[rule];
  }
  return undefined;
}

export function fieldErrors(compiled: CompiledTemplate, errors: readonly ValidatorError[]): FieldError[] {
  const out: FieldError[] = [];
  if (errors.length === 0) return out;
  const { title } = planOf(compiled);
  const seen = new Set<string>();
  for (const e of errors) {
    // `if` ("must match then schema") is noise: the `then` errors say what is needed.
    if (e.keyword === 'if') continue;
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf') {
      const inner = errors.some(
        (o) => o !== e && o.schemaPath.startsWith(`${e.schemaPath}/`) && !CHOICE_OF_CONSTS.test(o.schemaPath),
      );
      // A summary of a choice of objects adds nothing to its branches' own errors.
      if (inner) continue;
    }
    const path = errorPath(e);
    const rule = ruleOf(e);
    const key = `${path}\u0000${rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const message = templateMessage(compiled, path, rule) ?? defaultMessage(e, path, title);
    out.push({ path, message, rule });
  }
  return out;
}

import { type CompiledTemplate, evaluate, type Json, prune } from '@formwork/engine/runtime';
import { getIn } from '../record.js';
import { itemLabel } from '../theme/listItem.js';
import { type AnswerSchema, describeAnswer } from './answerSchema.js';
import { formatDate, formatDateTime, formatNumber } from './formatAnswer.js';

type JsonObject = { [key: string]: Json };

/** One question in the summary: its words, and its answer ready to read. */
export type SummaryAnswer =
  | { kind: 'text'; pointer: string; title: string; text: string }
  /** Several answers to one question (ticked options), as a list. */
  | { kind: 'list'; pointer: string; title: string; items: string[] }
  /** A group of questions (restraint details): its own answers inside. */
  | { kind: 'group'; pointer: string; title: string; answers: SummaryAnswer[] }
  /** A list of groups (people, actions): each item named ("Person 2") with its answers. */
  | { kind: 'items'; pointer: string; title: string; items: { label: string; answers: SummaryAnswer[] }[] }
  /** A required question with no answer yet. */
  | { kind: 'missing'; pointer: string; title: string };

export interface SummarySection {
  key: string;
  title: string;
  /** Empty with `missing` when the whole section is required and nobody has started it. */
  answers: SummaryAnswer[];
  missing: boolean;
}

export interface RecordSummaryModel {
  sections: SummarySection[];
  /** Answers kept in the record for questions its other answers no longer ask (the engine's `prune`). */
  notShown: number;
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const escapeSegment = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * A record as something to read: each section with its answered questions, options by their labels, dates in UK
 * words, lists as lists. Questions not asked for these answers are left out (pruned by the engine, counted in
 * `notShown`), unanswered questions are left out too, except required ones (the engine's `required` messages),
 * which say "Not answered" (as does an emptied answer the engine says is needed).
 */
export function summarise(compiled: CompiledTemplate, data: Json, now?: string): RecordSummaryModel {
  const pruned = prune(compiled, data);
  const record = isObject(pruned.data) ? pruned.data : {};
  // Questions that need an answer and have none: the engine's `required` messages, and any message about an
  // emptied answer ("" fails `minLength`, [] fails `minItems`).
  const missing = new Set(
    evaluate(compiled, record, now === undefined ? {} : { now })
      .errors.filter((e) => e.path !== '' && (e.rule === 'required' || getIn(record, e.path) !== undefined))
      .filter((e) => !hasAnswer(getIn(record, e.path)))
      .map((e) => e.path),
  );
  const root = compiled.schema as JsonObject;
  const ui = compiled.uiSchema as JsonObject;
  const walk: Walk = { root, missing };
  const top = describeAnswer([root], root);

  const sections: SummarySection[] = [];
  let loose: SummarySection | undefined;
  for (const key of orderKeys(top, record, ui)) {
    const schemas = top.properties.get(key) ?? [];
    const desc = describeAnswer(schemas, root);
    const keyUi = isObject(ui[key]) ? ui[key] : {};
    if (keyUi['ui:widget'] === 'hidden') continue;
    const pointer = `/${escapeSegment(key)}`;
    const value = record[key];
    if (desc.properties.size > 0 || isObject(value)) {
      const title = titleOf(desc, keyUi, key);
      if (!hasAnswer(value)) {
        if (missing.has(pointer)) sections.push({ key, title, answers: [], missing: true });
        // A section nobody has started may still have required questions the engine names one by one.
        else {
          const answers = objectAnswers(walk, pointer, desc, {}, keyUi);
          if (answers.length > 0) sections.push({ key, title, answers, missing: false });
        }
        continue;
      }
      const answers = objectAnswers(walk, pointer, desc, value as Json, keyUi);
      if (answers.length > 0) sections.push({ key, title, answers, missing: false });
      continue;
    }
    const answer = answerFor(walk, pointer, schemas, value, keyUi, key);
    if (!answer) continue;
    if (!loose) {
      loose = { key: '(questions)', title: 'About this record', answers: [], missing: false };
      sections.push(loose);
    }
    loose.answers.push(answer);
  }
  if (loose && sections.length === 1) loose.title = compiled.template.title;
  return { sections, notShown: pruned.removed.length };
}

interface Walk {
  root: JsonObject;
  missing: ReadonlySet<string>;
}

function objectAnswers(
  walk: Walk,
  pointer: string,
  desc: AnswerSchema,
  value: Json,
  ui: JsonObject,
): SummaryAnswer[] {
  const object = isObject(value) ? value : {};
  const out: SummaryAnswer[] = [];
  for (const key of orderKeys(desc, object, ui)) {
    const keyUi = isObject(ui[key]) ? ui[key] : {};
    if (keyUi['ui:widget'] === 'hidden') continue;
    const answer = answerFor(
      walk,
      `${pointer}/${escapeSegment(key)}`,
      desc.properties.get(key) ?? [],
      object[key],
      keyUi,
      key,
    );
    if (answer) out.push(answer);
  }
  return out;
}

function answerFor(
  walk: Walk,
  pointer: string,
  schemas: readonly Json[],
  value: Json | undefined,
  ui: JsonObject,
  key: string,
): SummaryAnswer | undefined {
  const desc = describeAnswer(schemas, walk.root);
  const title = titleOf(desc, ui, key);
  if (!hasAnswer(value)) {
    if (walk.missing.has(pointer)) return { kind: 'missing', pointer, title };
    // A group nobody has started can still hold required questions the engine names.
    if (desc.properties.size > 0) {
      const answers = objectAnswers(walk, pointer, desc, {}, ui);
      if (answers.length > 0) return { kind: 'group', pointer, title, answers };
    }
    return undefined;
  }
  if (Array.isArray(value)) {
    const itemDesc = describeAnswer(desc.items, walk.root);
    const itemUi = isObject(ui.items) ? ui.items : {};
    if (value.some(isObject) || itemDesc.properties.size > 0) {
      const noun = itemDesc.title ?? title;
      const items = value.flatMap((item, i) => {
        const answers = isObject(item)
          ? objectAnswers(walk, `${pointer}/${i}`, itemDesc, item, itemUi)
          : hasAnswer(item)
            ? [
                {
                  kind: 'text' as const,
                  pointer: `${pointer}/${i}`,
                  title: noun,
                  text: formatValue(itemDesc, item),
                },
              ]
            : [];
        return answers.length > 0 ? [{ label: itemLabel(noun, i), answers }] : [];
      });
      return items.length > 0 ? { kind: 'items', pointer, title, items } : undefined;
    }
    return {
      kind: 'list',
      pointer,
      title,
      items: value.filter(hasAnswer).map((v) => formatValue(itemDesc, v)),
    };
  }
  if (isObject(value)) {
    const answers = objectAnswers(walk, pointer, desc, value, ui);
    return answers.length > 0 ? { kind: 'group', pointer, title, answers } : undefined;
  }
  return { kind: 'text', pointer, title, text: formatValue(desc, value as Json) };
}

function formatValue(desc: AnswerSchema, value: Json): string {
  const label = desc.options?.get(value);
  if (label !== undefined) return label;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') {
    if (desc.format === 'date-time') return formatDateTime(value);
    if (desc.format === 'date') return formatDate(value);
    return value;
  }
  // An answer the schema does not describe (a value from another version): shown as written, never hidden.
  return JSON.stringify(value);
}

function titleOf(desc: AnswerSchema, ui: JsonObject, key: string): string {
  const own = ui['ui:title'];
  return typeof own === 'string' && own !== '' ? own : (desc.title ?? key);
}

/** Whether a value holds any answer: empty objects and lists, `null` and `""` do not. */
function hasAnswer(value: Json | undefined): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.some(hasAnswer);
  if (isObject(value)) return Object.values(value).some(hasAnswer);
  return true;
}

/** The questions in the form's order (`ui:order`, `*` standing for the rest), then any answer the schema does not
 * declare (kept by prune because it could not prove it undeclared), so that nothing recorded is hidden. */
function orderKeys(desc: AnswerSchema, value: Json, ui: JsonObject): string[] {
  const declared = [...desc.properties.keys()];
  const extra = isObject(value) ? Object.keys(value).filter((k) => !desc.properties.has(k)) : [];
  const order = ui['ui:order'];
  if (!Array.isArray(order)) return [...declared, ...extra];
  const named = order.filter((k): k is string => typeof k === 'string' && desc.properties.has(k));
  const rest = declared.filter((k) => !named.includes(k));
  const star = order.indexOf('*');
  const before = star < 0 ? named : named.filter((k) => order.indexOf(k) < star);
  const after = star < 0 ? [] : named.filter((k) => order.indexOf(k) > star);
  return [...before, ...rest, ...after, ...extra];
}

import { describe, expect, it } from 'vitest';
import { evaluate, loadPrecompiled, precompile } from '../src/index.js';
import type { PrecompiledModule, Template } from '../src/types.js';
import { compiled, formWith } from './helpers.js';

const template: Template = formWith(
  {
    restraint: {
      type: 'object',
      title: 'Restraint or restrictive intervention',
      properties: {
        method: { type: 'string', title: 'What was used' },
        minutes: { type: 'integer', title: 'How long (minutes)' },
        debrief: {
          type: 'object',
          title: 'Debrief',
          properties: { offeredAt: { type: 'string', title: 'Debrief offered at' } },
          required: ['offeredAt'],
        },
        witnessed: { type: 'boolean', title: 'Was it witnessed?' },
      },
      required: ['method', 'debrief', 'witnessed'],
      if: { required: ['witnessed'], properties: { witnessed: { const: true } } },
      then: { required: ['minutes'] },
    },
    optionalGroup: { type: 'object', title: 'Nothing required', properties: { note: { type: 'string' } } },
    people: {
      type: 'array',
      title: 'People',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', title: 'Name' },
          contact: {
            type: 'object',
            title: 'Contact',
            properties: { phone: { type: 'string', title: 'Phone' } },
            required: ['phone'],
          },
        },
        required: ['name', 'contact'],
      },
    },
    note: { type: 'string', title: 'Note' },
  },
  { messages: { '/restraint/method': { required: 'Say what was used, so the review can check it' } } },
);
template.schema.required = ['restraint', 'optionalGroup', 'note'];
const form = compiled(template);

describe('a required group nobody has started', () => {
  const { errors } = evaluate(form, { people: [{ name: 'A' }] });

  it('is reported as the questions inside it, recursively, with the template messages', () => {
    expect(errors).toEqual([
      {
        path: '/restraint/method',
        rule: 'required',
        message: 'Say what was used, so the review can check it',
        group: 'Restraint or restrictive intervention',
      },
      {
        path: '/restraint/debrief/offeredAt',
        rule: 'required',
        message: 'Answer ‘Debrief offered at’',
        group: 'Debrief',
      },
      {
        path: '/restraint/witnessed',
        rule: 'required',
        message: 'Answer ‘Was it witnessed?’',
        group: 'Restraint or restrictive intervention',
      },
      { path: '/optionalGroup', rule: 'required', message: 'Answer ‘Nothing required’' },
      { path: '/note', rule: 'required', message: 'Answer ‘Note’' },
      { path: '/people/0/contact/phone', rule: 'required', message: 'Answer ‘Phone’', group: 'Contact' },
    ]);
  });

  it('keeps a started group as it is: its own questions already speak', () => {
    const started = evaluate(form, {
      restraint: { witnessed: true, debrief: {} },
      optionalGroup: {},
      note: 'n',
    }).errors;
    expect(started.map((e) => [e.path, e.group])).toEqual([
      ['/restraint/minutes', undefined],
      ['/restraint/method', undefined],
      ['/restraint/debrief/offeredAt', undefined],
    ]);
  });

  it('gives the same answer from the precompiled module', async () => {
    const pre = precompile(template);
    if (!pre.ok) throw new Error('does not precompile');
    const module = (await import(
      /* @vite-ignore */ `data:text/javascript,${encodeURIComponent(pre.code)}`
    )) as PrecompiledModule;
    expect(evaluate(loadPrecompiled(template, module), { people: [{ name: 'A' }] }).errors).toEqual(errors);
  });
});

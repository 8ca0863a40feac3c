import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { precompile } from '@formwork/engine';
import type { CompiledTemplate, Template } from '@formwork/engine/runtime';
import { loadCompiled } from '../src/renderer/index.js';

/** A small incident template: a required date-time, text and yes/no question; a root condition that opens an
 * "Injury" section; a blocking gate and a warn gate on the way to `submitted`. */
export const incidentTemplate: Template = {
  id: 'renderer-test-incident',
  version: '1.0.0',
  title: 'Incident report',
  schema: {
    type: 'object',
    properties: {
      about: {
        type: 'object',
        title: 'About the incident',
        properties: {
          occurredAt: { type: 'string', format: 'date-time', title: 'When did it happen?' },
          description: {
            type: 'string',
            title: 'What happened?',
            description: 'In your own words. You can add more later.',
          },
          injury: { type: 'boolean', title: 'Was anyone hurt?' },
        },
        required: ['occurredAt', 'description', 'injury'],
      },
      followUp: {
        type: 'object',
        title: 'Follow-up',
        properties: {
          managerName: { type: 'string', title: 'Which manager did you tell?' },
          familyInformedAt: { type: 'string', format: 'date-time', title: 'When was the family told?' },
        },
      },
    },
    required: ['about'],
    allOf: [
      {
        if: {
          required: ['about'],
          properties: { about: { required: ['injury'], properties: { injury: { const: true } } } },
        },
        then: {
          properties: {
            injuryDetails: {
              type: 'object',
              title: 'Injury',
              properties: { bodyPart: { type: 'string', title: 'Which part of the body was hurt?' } },
              required: ['bodyPart'],
            },
          },
          required: ['injuryDetails'],
        },
      },
    ],
  },
  uiSchema: {
    'ui:order': ['about', 'injuryDetails', '*'],
    about: { description: { 'ui:widget': 'textarea' } },
  },
  stages: [
    { id: 'draft', title: 'Draft' },
    { id: 'submitted', title: 'Submitted' },
  ],
  gates: [
    {
      id: 'manager-told',
      stage: 'submitted',
      severity: 'block',
      message: 'A manager needs to know about every incident: record which manager you told.',
      requires: ['/followUp/managerName'],
    },
    {
      id: 'family-told',
      stage: 'submitted',
      severity: 'warn',
      message: 'Families usually hear from us the same day: record when they were told, if they were.',
      requires: ['/followUp/familyInformedAt'],
    },
  ],
};

const CACHE = join(import.meta.dirname, '..', 'node_modules', '.cache', 'renderer-test');

/** Precompiles with the real engine, writes the module where `import()` can load it, and loads it the way the app
 * does (`loadCompiled`). */
export async function compileForTest(template: Template = incidentTemplate): Promise<CompiledTemplate> {
  const result = precompile(template);
  if (!result.ok) throw new Error(`test template does not precompile: ${JSON.stringify(result.problems)}`);
  // Inside the project: vitest's module runner only loads files under its root. One file per template version,
  // rewritten each run, so nothing piles up.
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `${template.id}@${template.version}.mjs`);
  writeFileSync(file, result.code);
  // vitest's module runner takes a file path where the browser takes a URL.
  return loadCompiled(template, file);
}

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, sectionStages, sectionsForStage } from '../src/index.js';
import type { Template } from '../src/types.js';
import { compiled, formWith } from './helpers.js';

const formsDir = join(dirname(fileURLToPath(import.meta.url)), '../../../forms/incident-report');

/** The latest published version of the incident report (by semantic version). */
function latestIncidentReport(): Template {
  const versions = readdirSync(formsDir)
    .filter((f) => /^\d+\.\d+\.\d+\.json$/.test(f))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return JSON.parse(readFileSync(join(formsDir, versions[versions.length - 1]!), 'utf8')) as Template;
}

describe('stage sections on the incident report', () => {
  const incident = compiled(latestIncidentReport());

  it('derives the stage that first asks for each section from the gates', () => {
    expect(sectionStages(incident)).toEqual({
      incident: null,
      people: null,
      harm: null,
      risks: null,
      safeguarding: null,
      // Only the candour-decision gate (manager-review) reads into it: see the report on this derivation.
      notifications: 'manager-review',
      managerReview: 'manager-review',
      review: 'review',
      contributingFactors: 'review',
      learning: 'review',
      actions: 'review',
    });
  });

  it('shows a new report only what staff are asked for now and next', () => {
    const draft = sectionsForStage(incident, 'draft');
    expect(draft).toEqual(['incident', 'people', 'harm', 'risks', 'safeguarding']);
    for (const later of ['managerReview', 'review', 'learning']) expect(draft).not.toContain(later);
  });

  it('shows the manager review once the report is reported', () => {
    expect(sectionsForStage(incident, 'reported')).toEqual([
      'incident',
      'people',
      'harm',
      'risks',
      'safeguarding',
      'notifications',
      'managerReview',
    ]);
    expect(sectionsForStage(incident, 'manager-review')).toContain('learning');
  });

  it('shows every section for an unknown or absent stage', () => {
    const all = Object.keys(incident.schema.properties as object);
    expect(sectionsForStage(incident, 'no-such-stage')).toEqual(all);
    expect(sectionsForStage(incident, undefined)).toEqual(all);
  });
});

const stages = [
  { id: 'draft', title: 'Draft' },
  { id: 'reported', title: 'Reported' },
  { id: 'reviewed', title: 'Reviewed' },
  { id: 'closed', title: 'Closed' },
];
const sectionsForm = (extra: Partial<Template> = {}) =>
  formWith(
    {
      a: { type: 'object', properties: { x: { type: 'string' } } },
      b: { type: 'object', properties: { y: { type: 'string' } } },
      c: { type: 'object', properties: { z: { type: 'string' } } },
      d: { type: 'string' },
    },
    { stages, ...extra },
  );

describe('sectionStages', () => {
  it('takes the earliest gate reading into a section, through requires and check', () => {
    const c = compiled(
      sectionsForm({
        gates: [
          { id: 'late', stage: 'closed', message: 'm', severity: 'block', requires: ['/b/y'] },
          { id: 'early', stage: 'reviewed', message: 'm', severity: 'block', requires: ['/b/y'] },
          {
            id: 'checked',
            stage: 'closed',
            message: 'm',
            severity: 'block',
            check: { required: ['c'], properties: { c: { required: ['z'] } } },
          },
          // `when` only decides whether a gate applies: it does not ask for the section.
          { id: 'when', stage: 'reported', message: 'm', severity: 'warn', when: { required: ['d'] } },
        ],
      }),
    );
    expect(sectionStages(c)).toEqual({ a: null, b: 'reviewed', c: 'closed', d: null });
    expect(sectionsForStage(c, 'draft')).toEqual(['a', 'd']);
    expect(sectionsForStage(c, 'reported')).toEqual(['a', 'b', 'd']);
    expect(sectionsForStage(c, 'reviewed')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('lets a stage name its sections, over the gates and the root required', () => {
    const template = sectionsForm({
      stages: [stages[0]!, { ...stages[1]!, sections: ['a', 'b'] }, stages[2]!, stages[3]!],
      gates: [{ id: 'g', stage: 'closed', message: 'm', severity: 'block', requires: ['/b/y'] }],
    });
    template.schema.required = ['a'];
    expect(sectionStages(compiled(template))).toEqual({ a: 'reported', b: 'reported', c: null, d: null });
  });

  it('follows ui:order, with * for the rest', () => {
    const c = compiled(
      sectionsForm({
        uiSchema: { 'ui:order': ['d', '*', 'a'] },
        gates: [{ id: 'g', stage: 'closed', message: 'm', severity: 'block', requires: ['/c/z'] }],
      }),
    );
    expect(sectionsForStage(c, 'draft')).toEqual(['d', 'b', 'a']);
    expect(sectionsForStage(c, 'reviewed')).toEqual(['d', 'b', 'c', 'a']);
  });

  it('returns a copy that callers may change', () => {
    const c = compiled(sectionsForm());
    sectionStages(c).a = 'closed';
    expect(sectionStages(c).a).toBeNull();
  });
});

describe('compile checks stage sections', () => {
  it('reports a section the schema does not have, with its pointer', () => {
    const result = compile(sectionsForm({ stages: [stages[0]!, { ...stages[1]!, sections: ['a', 'e'] }] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'unknown-field', pointer: '/stages/1/sections/1' }),
    ]);
    expect(result.problems[0]!.message).toContain('"e"');
  });

  it('reports a section listed by two stages', () => {
    const result = compile(
      sectionsForm({
        stages: [
          { ...stages[0]!, sections: ['a'] },
          { ...stages[1]!, sections: ['a'] },
        ],
      }),
    );
    expect(result.ok ? [] : result.problems.map((p) => [p.code, p.pointer])).toEqual([
      ['duplicate-id', '/stages/1/sections/0'],
    ]);
  });

  it('rejects sections that are not a list of names', () => {
    const result = compile(sectionsForm({ stages: [{ ...stages[0]!, sections: 'a' as never }] }));
    expect(result.ok ? [] : result.problems.map((p) => p.pointer)).toEqual(['/stages/0/sections']);
  });
});

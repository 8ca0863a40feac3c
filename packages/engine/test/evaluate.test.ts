import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, fieldTitle } from '../src/index.js';
import type { CompiledTemplate, Template } from '../src/types.js';
import { incidentTemplate } from './fixtures/incident.js';
import { compiled } from './helpers.js';

let incident: CompiledTemplate;
beforeAll(() => {
  incident = compiled(incidentTemplate());
});

const base = {
  occurredAt: '2026-06-01T10:00:00Z',
  reportedAt: '2026-06-01T10:30:00Z',
  harm: 'low',
  summary: 'Fell in the garden.',
};

describe('field errors', () => {
  it('a valid record has no errors', () => {
    expect(evaluate(incident, base)).toMatchObject({ valid: true, errors: [], canProceed: true });
  });

  it('required errors attach to the missing field, use its title, or the template message', () => {
    const { errors } = evaluate(incident, { summary: undefined, harm: 'low' });
    expect(errors).toEqual([
      { path: '/occurredAt', rule: 'required', message: 'Answer ‘When did it happen?’' },
      { path: '/summary', rule: 'required', message: 'Say briefly what happened, in your own words.' },
    ]);
  });

  it('a oneOf of consts gives one "Choose one of the options"', () => {
    const { errors } = evaluate(incident, { ...base, harm: 'medium' });
    expect(errors).toEqual([{ path: '/harm', rule: 'enum', message: 'Choose one of the options' }]);
  });

  it('if/then: the branch is required only when shown, with no "must match then" noise', () => {
    expect(evaluate(incident, { ...base, harm: 'low' }).errors).toEqual([]);
    // The required group nobody has started is reported as the questions inside it, named after the group.
    const { errors } = evaluate(incident, { ...base, harm: 'high' });
    expect(errors).toEqual([
      {
        path: '/escalation/escalatedTo',
        rule: 'required',
        message: 'Answer ‘Escalated to’',
        group: 'Escalation',
      },
    ]);
    const nested = evaluate(incident, { ...base, harm: 'high', escalation: {} }).errors;
    expect(nested).toEqual([
      { path: '/escalation/escalatedTo', rule: 'required', message: 'Answer ‘Escalated to’' },
    ]);
  });

  it('errors from a branch that is not shown never appear', () => {
    // escalation is invalid (number), but the harm is low so the branch is hidden and not validated.
    const { errors } = evaluate(incident, { ...base, harm: 'low', escalation: { escalatedTo: 42 } });
    expect(errors).toEqual([]);
    expect(
      evaluate(incident, { ...base, harm: 'high', escalation: { escalatedTo: 42 } }).errors.map(
        (e) => e.path,
      ),
    ).toEqual(['/escalation/escalatedTo']);
  });

  it('counts: one indicator is fine, two need a same-day contact (threshold from a $param)', () => {
    const one = evaluate(incident, { ...base, selfNeglect: { indicators: ['hydration'] } });
    expect(one.errors).toEqual([]);
    const two = evaluate(incident, { ...base, selfNeglect: { indicators: ['hydration', 'infection'] } });
    expect(two.errors.map((e) => [e.path, e.group])).toEqual([
      ['/selfNeglect/sameDayContact/contactedAt', 'Same-day contact'],
    ]);
    expect(two.safeguarding).toBe(true);
    expect(one.safeguarding).toBe(false);
  });

  it('a tightened parameter moves the display condition and the gate together', () => {
    const t = incidentTemplate();
    t.parameters!.selfNeglectThreshold!.value = 1;
    const strict = compiled(t);
    const one = evaluate(strict, { ...base, selfNeglect: { indicators: ['hydration'] } });
    expect(one.errors.map((e) => e.path)).toEqual(['/selfNeglect/sameDayContact/contactedAt']);
    expect(one.safeguarding).toBe(true);
  });

  it('one message per field and rule, even when several blocks require the same field', () => {
    const t: Template = {
      id: 'dup',
      version: '1.0.0',
      title: 'Dup',
      schema: {
        type: 'object',
        properties: { a: { enum: ['x'] }, b: { enum: ['y'] }, note: { type: 'string', title: 'Note' } },
        allOf: [
          { if: { properties: { a: { const: 'x' } }, required: ['a'] }, then: { required: ['note'] } },
          { if: { properties: { b: { const: 'y' } }, required: ['b'] }, then: { required: ['note'] } },
        ],
      },
    };
    expect(evaluate(compiled(t), { a: 'x', b: 'y' }).errors).toEqual([
      { path: '/note', rule: 'required', message: 'Answer ‘Note’' },
    ]);
  });

  it('messages keyed with * apply to every array item', () => {
    const t = incidentTemplate();
    (
      t.schema.properties as { actions: { items: { properties: { owner: object } } } }
    ).actions.items.properties.owner = {
      type: 'string',
      title: 'Owner',
      minLength: 1,
    };
    const { errors } = evaluate(compiled(t), { ...base, actions: [{ owner: 'Sam' }, { owner: '' }] });
    expect(errors).toEqual([
      { path: '/actions/1/owner', rule: 'minLength', message: 'Say who owns this action.' },
    ]);
  });

  it('fieldTitle finds titles in branches and array items, and humanises when there is none', () => {
    expect(fieldTitle(incident, '/selfNeglect/sameDayContact/contactedAt')).toBe('Contacted at');
    expect(fieldTitle(incident, '/actions/3/owner')).toBe('Owner');
    expect(fieldTitle(incident, '/somethingElse')).toBe('Something else');
  });
});

describe('gates', () => {
  const complete = {
    ...base,
    reference: 'AB-1234',
    actions: [{ what: 'Check the path', owner: 'Sam' }],
    managerReview: { reviewedBy: 'Jo', reviewedAt: '2026-06-02T09:00:00Z' },
  };
  const status = (data: object, to?: string) =>
    Object.fromEntries(evaluate(incident, data, to ? { to } : {}).gates.map((g) => [g.id, g.status]));

  it('met, blocked with concrete missing pointers, and not applicable', () => {
    expect(status(complete)).toEqual({
      'escalation-recorded': 'not-applicable',
      'actions-owned': 'met',
      'reference-given': 'met',
      'manager-review': 'met',
    });
    const result = evaluate(incident, {
      ...complete,
      harm: 'high',
      escalation: { escalatedTo: 'Duty manager' },
      actions: [{ what: 'a' }, { what: 'b', owner: '' }, { what: 'c', owner: 'Sam' }],
    });
    const byId = Object.fromEntries(result.gates.map((g) => [g.id, g]));
    expect(byId['escalation-recorded']).toMatchObject({
      status: 'blocked',
      missing: ['/escalation/escalatedAt'],
    });
    expect(byId['actions-owned']).toMatchObject({
      status: 'blocked',
      missing: ['/actions/0/owner', '/actions/1/owner'],
    });
  });

  it('an absent or empty list counts as missing, at the list itself', () => {
    const byId = Object.fromEntries(
      evaluate(incident, { ...complete, actions: [] }).gates.map((g) => [g.id, g]),
    );
    expect(byId['actions-owned']).toMatchObject({ status: 'blocked', missing: ['/actions'] });
  });

  it('a check that fails blocks even when everything required is present', () => {
    const early = { ...complete, managerReview: { reviewedBy: 'Jo', reviewedAt: '2026-06-01T09:00:00Z' } };
    expect(status(early)['manager-review']).toBe('blocked');
  });

  it('cumulative: moving to a stage checks the gates of every stage up to it', () => {
    const data = {
      ...complete,
      harm: 'high',
      escalation: { escalatedTo: 'Duty manager', escalatedAt: '2026-06-01T11:00:00Z' },
      managerReview: {},
    };
    expect(evaluate(incident, data, { to: 'submitted' }).gates.map((g) => g.id)).toEqual([
      'escalation-recorded',
    ]);
    expect(evaluate(incident, data, { to: 'reviewed' }).canProceed).toBe(true);
    const toClosed = evaluate(incident, data, { to: 'closed' });
    expect(toClosed.canProceed).toBe(false);
    expect(toClosed.gates.map((g) => g.id)).toEqual([
      'escalation-recorded',
      'actions-owned',
      'reference-given',
      'manager-review',
    ]);
    // An edit that undoes an earlier gate stops a later move too.
    const undone = {
      ...data,
      escalation: { escalatedTo: 'Duty manager' },
      managerReview: complete.managerReview,
    };
    expect(evaluate(incident, undone, { to: 'closed' }).canProceed).toBe(false);
  });

  it('warn gates are reported but do not stop the move; block gates do', () => {
    const noReference = { ...complete, reference: undefined };
    const result = evaluate(incident, noReference, { to: 'reviewed' });
    expect(result.gates.find((g) => g.id === 'reference-given')).toMatchObject({
      status: 'blocked',
      severity: 'warn',
    });
    expect(result.canProceed).toBe(true);
    expect(evaluate(incident, { ...complete, actions: [{ what: 'x' }] }, { to: 'reviewed' }).canProceed).toBe(
      false,
    );
  });

  it('an invalid record cannot proceed; without `to`, canProceed is validity', () => {
    expect(evaluate(incident, { ...complete, summary: '' }, { to: 'submitted' }).canProceed).toBe(false);
    expect(evaluate(incident, { ...complete, actions: [{}] }).canProceed).toBe(true);
  });

  it('an unknown stage fails closed with an error saying so', () => {
    const result = evaluate(incident, complete, { to: 'archived' });
    expect(result.canProceed).toBe(false);
    expect(result.errors).toContainEqual(expect.objectContaining({ rule: 'unknown-stage', path: '' }));
  });
});

describe('hostile records', () => {
  it('__proto__ and constructor keys neither crash nor pollute', () => {
    const data = JSON.parse(
      '{"occurredAt":"2026-06-01T10:00:00Z","summary":"x","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"actions":[{"__proto__":{"owner":"x"}}]}',
    );
    const result = evaluate(incident, data, { to: 'reviewed' });
    expect(result.gates.find((g) => g.id === 'actions-owned')).toMatchObject({
      missing: ['/actions/0/owner'],
    });
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect((Object.prototype as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('deeply nested and large records give results, not crashes', () => {
    let deep: { [key: string]: unknown } = {};
    const root = deep;
    for (let i = 0; i < 20_000; i++) {
      const next = {};
      deep.x = next;
      deep = next;
    }
    expect(evaluate(incident, { ...base, selfNeglect: root }).valid).toBe(true);
    const many = { ...base, actions: Array.from({ length: 20_000 }, () => ({ what: 'a' })) };
    const result = evaluate(incident, many, { to: 'reviewed' });
    expect(result.gates.find((g) => g.id === 'actions-owned')!.missing).toHaveLength(20_000);
  });

  it('non-object records are invalid, not errors', () => {
    for (const data of [null, 42, 'text', []]) expect(evaluate(incident, data).valid).toBe(false);
  });
});

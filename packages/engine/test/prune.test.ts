import { beforeAll, describe, expect, it } from 'vitest';
import { prune } from '../src/index.js';
import type { CompiledTemplate, Json } from '../src/types.js';
import { incidentTemplate } from './fixtures/incident.js';
import { compiled, formWith } from './helpers.js';

let incident: CompiledTemplate;
beforeAll(() => {
  incident = compiled(incidentTemplate());
});

const base = { occurredAt: '2026-06-01T10:00:00Z', summary: 'x', harm: 'low' };

describe('prune', () => {
  it('removes values in branches the answers no longer open, and returns them with pointers', () => {
    const data: Json = {
      ...base,
      escalation: { escalatedTo: 'Duty manager' },
      selfNeglect: { indicators: ['hydration'], sameDayContact: { decision: 'Visit today' } },
    };
    const copy = JSON.parse(JSON.stringify(data));
    const result = prune(incident, data);
    expect(result.data).toEqual({ ...base, selfNeglect: { indicators: ['hydration'] } });
    expect(result.removed).toEqual(
      expect.arrayContaining([
        { path: '/escalation', value: { escalatedTo: 'Duty manager' } },
        { path: '/selfNeglect/sameDayContact', value: { decision: 'Visit today' } },
      ]),
    );
    expect(result.removed).toHaveLength(2);
    expect(data).toEqual(copy);
  });

  it('keeps values in open branches (nested merge from a root-level then)', () => {
    const data: Json = {
      ...base,
      harm: 'critical',
      escalation: { escalatedTo: 'Duty manager' },
      selfNeglect: { indicators: ['hydration', 'infection'], sameDayContact: { decision: 'Visit today' } },
    };
    expect(prune(incident, data)).toEqual({ data, removed: [] });
  });

  it('returns undeclared keys (a field of a newer version, an unknown key in an array item) in removed', () => {
    const data: Json = {
      ...base,
      addedInNewerVersion: 'kept in history',
      actions: [{ what: 'a', owner: 'Sam', note: 'not in this version' }],
    };
    const copy = JSON.parse(JSON.stringify(data));
    expect(prune(incident, data)).toEqual({
      data: { ...base, actions: [{ what: 'a', owner: 'Sam' }] },
      removed: [
        { path: '/addedInNewerVersion', value: 'kept in history' },
        { path: '/actions/0/note', value: 'not in this version' },
      ],
    });
    expect(data).toEqual(copy);
  });

  it('prunes inside array items with a local if', () => {
    const c = compiled({
      id: 'arr',
      version: '1.0.0',
      title: 'Arr',
      schema: {
        type: 'object',
        properties: {
          people: {
            type: 'array',
            items: {
              type: 'object',
              properties: { injured: { type: 'boolean' } },
              if: { properties: { injured: { const: true } }, required: ['injured'] },
              then: { properties: { injury: { type: 'string' } } },
            },
          },
        },
      },
    });
    const result = prune(c, {
      people: [
        { injured: true, injury: 'cut' },
        { injured: false, injury: 'stale' },
      ],
    });
    expect(result.data).toEqual({ people: [{ injured: true, injury: 'cut' }, { injured: false }] });
    expect(result.removed).toEqual([{ path: '/people/1/injury', value: 'stale' }]);
  });

  it('handles a __proto__ key as a plain key and never touches the prototype', () => {
    const data = JSON.parse('{"occurredAt":"2026-06-01T10:00:00Z","__proto__":{"polluted":true}}') as Json;
    const result = prune(incident, data);
    expect(result.removed).toEqual([{ path: '/__proto__', value: { polluted: true } }]);
    expect(Object.getPrototypeOf(result.data)).toBe(Object.prototype);
    // Where undeclared keys are allowed, __proto__ stays an own, plain key.
    const free = compiled({ ...formWith({}), schema: { type: 'object', additionalProperties: true } });
    const kept = prune(free, data);
    expect(Object.keys(kept.data as object)).toContain('__proto__');
    expect(Object.getPrototypeOf(kept.data)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

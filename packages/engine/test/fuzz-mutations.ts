// Mutations that always break a real template: a wrong type where the template format or JSON Schema wants
// another, a missing key, an unknown keyword, nesting beyond the limit, an undeclared parameter, a gate for a
// stage that does not exist. Each one must give `{ ok: false, problems }`, whatever else the template holds.
import fc from 'fast-check';
import { subschemas } from '../src/template/walk.js';

type Doc = { [key: string]: unknown };
export type Mutation = (template: Doc) => void;

const REQUIRED_KEYS = ['id', 'version', 'title', 'schema'] as const;

/** Schema nodes of the form schema that ajv compiles (not `$defs`, which it only compiles when used). */
function schemaNodes(template: Doc): Doc[] {
  return [...subschemas(template.schema, '/schema')]
    .filter((v) => !/\/(\$defs|definitions)\//.test(v.pointer))
    .map((v) => v.schema);
}

const pick = <T>(items: T[], index: number): T => items[index % items.length]!;

const wrongTypeOfKey = fc
  .tuple(
    fc.constantFrom(...REQUIRED_KEYS),
    fc.constantFrom<unknown>(42, null, [], true, '', { type: 'array' }),
  )
  .map(
    ([key, value]): Mutation =>
      (t) => {
        // A string is a right type for id, version and title, so give those a non-string.
        t[key] = value === '' && key === 'schema' ? 'not a schema' : value === '' ? 7 : value;
      },
  );

const missingKey = fc.constantFrom(...REQUIRED_KEYS).map(
  (key): Mutation =>
    (t) =>
      delete t[key],
);

const unknownKeyword = fc
  .tuple(fc.nat(), fc.stringMatching(/^[a-z]{3,8}$/), fc.jsonValue({ maxDepth: 1 }))
  .map(
    ([index, name, value]): Mutation =>
      (t) => {
        const nodes = schemaNodes(t);
        if (nodes.length > 0) pick(nodes, index)[`zq${name}`] = value;
      },
  );

const WRONG_KEYWORD_VALUES: [string, unknown][] = [
  ['type', 42],
  ['type', 'banana'],
  ['minLength', -1],
  ['minLength', 'ten'],
  ['required', 'name'],
  ['properties', []],
  ['enum', 'one'],
  ['pattern', 5],
  ['items', 5],
  ['maxItems', 1.5],
];
const wrongKeywordType = fc.tuple(fc.nat(), fc.constantFrom(...WRONG_KEYWORD_VALUES)).map(
  ([index, [keyword, value]]): Mutation =>
    (t) => {
      const nodes = schemaNodes(t);
      if (nodes.length === 0) return; // an earlier mutation already broke the schema
      // Keep the root an object schema so the mutation tests the keyword, not the template's root rule.
      const node = keyword === 'type' && nodes.length > 1 ? pick(nodes.slice(1), index) : pick(nodes, index);
      node[keyword] = value;
    },
);

const deepNesting = fc.tuple(fc.nat(), fc.integer({ min: 70, max: 400 })).map(
  ([index, depth]): Mutation =>
    (t) => {
      let deep: Doc = { type: 'string' };
      for (let i = 0; i < depth; i++) deep = { type: 'object', properties: { a: deep } };
      const nodes = schemaNodes(t);
      if (nodes.length === 0) return;
      const node = pick(nodes, index);
      node.properties = { ...((node.properties as Doc | undefined) ?? {}), deepMutation: deep };
    },
);

const undeclaredParameter = fc.nat().map(
  (index): Mutation =>
    (t) => {
      const nodes = schemaNodes(t);
      if (nodes.length > 0) pick(nodes, index).maxLength = { $param: 'noSuchParameterAnywhere' };
    },
);

const gateForMissingStage = fc.constant<Mutation>((t) => {
  t.stages = Array.isArray(t.stages) ? t.stages : [{ id: 'draft', title: 'Draft' }];
  t.gates = [
    ...(Array.isArray(t.gates) ? t.gates : []),
    {
      id: 'fuzz-gate',
      stage: 'no-such-stage',
      severity: 'block',
      message: 'A gate for a stage that is not there.',
    },
  ];
});

export const mutationNames = [
  'wrong type of a template key',
  'missing template key',
  'unknown keyword',
  'wrong keyword value',
  'nesting beyond the limit',
  'undeclared parameter',
  'gate for a missing stage',
] as const;

/** One to three breaking mutations, with the name of each for the failure report. */
export const breakingMutations: fc.Arbitrary<{ name: string; apply: Mutation }[]> = fc.array(
  fc.oneof(
    ...[
      wrongTypeOfKey,
      missingKey,
      unknownKeyword,
      wrongKeywordType,
      deepNesting,
      undeclaredParameter,
      gateForMissingStage,
    ].map((arbitrary, i) => arbitrary.map((apply) => ({ name: mutationNames[i]!, apply }))),
  ),
  { minLength: 1, maxLength: 3 },
);

// One round of the cold path in a fresh Node process (spawned by bench/engine.mjs, one process per side per round).
// Each side has its own libraries already imported, as a server or a browser has them before it meets a template:
//   engine: @formwork/engine/runtime; times import of the precompiled module file → loadPrecompiled → first evaluate;
//   ajv:    ajv's Ajv2020 and ajv-formats;  times new Ajv2020 + formats → compile(schema) → first validate.
// Inputs (template, schema, record, module file) are read before the clock starts. Prints one JSON line on stdout.
// Usage: node bench/lib/cold-process.mjs engine|ajv <inputs.json> [<module.mjs>]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [side, inputsFile, moduleFile] = process.argv.slice(2);
const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
const ms = (from, to) => Number(to - from) / 1e6;

if (side === 'engine') {
  const { evaluate, loadPrecompiled } = await import('@formwork/engine/runtime');
  const url = pathToFileURL(moduleFile).href;
  const t0 = process.hrtime.bigint();
  const module = await import(url);
  const t1 = process.hrtime.bigint();
  const compiled = loadPrecompiled(inputs.template, module);
  const t2 = process.hrtime.bigint();
  const result = evaluate(compiled, inputs.record, { to: 'closed' });
  const t3 = process.hrtime.bigint();
  process.stdout.write(
    `${JSON.stringify({ total: ms(t0, t3), import: ms(t0, t1), load: ms(t1, t2), firstEvaluate: ms(t2, t3), valid: result.valid })}\n`,
  );
} else if (side === 'ajv') {
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const ajvFormats = await import('ajv-formats');
  const addFormats = ajvFormats.default.default ?? ajvFormats.default;
  const t0 = process.hrtime.bigint();
  // The engine's own settings for error reporting (as in bench/engine.mjs).
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(inputs.schema);
  const t1 = process.hrtime.bigint();
  const valid = validate(inputs.record);
  const t2 = process.hrtime.bigint();
  process.stdout.write(`${JSON.stringify({ total: ms(t0, t2), compile: ms(t0, t1), valid })}\n`);
} else {
  process.stderr.write('usage: node bench/lib/cold-process.mjs engine|ajv <inputs.json> [<module.mjs>]\n');
  process.exit(2);
}

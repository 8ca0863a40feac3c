import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describeProblems } from '../describeProblems.js';
import { InputError } from '../InputError.js';
import type { ParsedArgs } from '../main.js';
import type { Output } from '../Output.js';
import { readJsonFile } from '../readJsonFile.js';

/** `formwork compile`: write the precompiled module of one template. */
export async function compileCommand({ positionals, values }: ParsedArgs, output: Output): Promise<number> {
  const [templatePath] = positionals as [string];
  const out = values.out;
  if (out === undefined || out === '') {
    throw new InputError('formwork compile needs --out <module.js>: where to write the module.', 'usage');
  }
  const json = readJsonFile(templatePath, 'template');
  const { precompile } = await import('../../index.js');
  const result = precompile(json);
  if (!result.ok) throw new InputError(describeProblems(templatePath, result.problems), 'invalid-template');
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, result.code);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new InputError(
      `Cannot write ${out} (${code}). Check the folder exists and can be written.`,
      'write-failed',
    );
  }
  const bytes = Buffer.byteLength(result.code, 'utf8');
  output.out(values.json ? JSON.stringify({ out, bytes }) : `Wrote ${out} (${bytes} bytes).`);
  return 0;
}

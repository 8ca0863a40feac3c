import { isInstant } from '../../testcases/parseTestCases.js';
import { InputError } from '../InputError.js';
import type { ParsedArgs } from '../main.js';
import type { Output } from '../Output.js';
import { readJsonFile } from '../readJsonFile.js';

/** `formwork check`: evaluate one record and print the result. */
export async function checkCommand({ positionals, values }: ParsedArgs, output: Output): Promise<number> {
  const [templatePath, recordPath] = positionals as [string, string];
  if (values.now !== undefined && !isInstant(values.now)) {
    throw new InputError(
      `--now "${values.now}" is not an ISO-8601 instant with a time zone. Use a form like 2026-01-31T09:00:00Z.`,
      'bad-now',
    );
  }
  const templateJson = readJsonFile(templatePath, 'template');
  const record = readJsonFile(recordPath, 'record');
  // The engine (and ajv) load only once the input is known to be usable, so mistakes are reported at once.
  const { compileTemplate } = await import('../compileTemplate.js');
  const { evaluate } = await import('../../runtime/index.js');
  const { template, compiled } = compileTemplate(templatePath, templateJson);
  if (values.to !== undefined) {
    const stages = (template.stages ?? []).map((s) => s.id);
    if (!stages.includes(values.to)) {
      throw new InputError(
        `--to "${values.to}" is not a stage of ${templatePath}. ${
          stages.length > 0 ? `Its stages are: ${stages.join(', ')}.` : 'It has no stages, so leave --to out.'
        }`,
        'unknown-stage',
      );
    }
  }
  const options: { to?: string; now?: string } = {};
  if (values.to !== undefined) options.to = values.to;
  if (values.now !== undefined) options.now = values.now;
  const result = evaluate(compiled, record as never, options);
  output.out(JSON.stringify(result, null, values.json ? undefined : 2));
  const ok = values.to !== undefined ? result.canProceed : result.valid;
  return ok ? 0 : 1;
}

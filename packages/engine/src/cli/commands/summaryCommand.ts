import { findTemplates } from '../findTemplates.js';
import { formatTable } from '../formatTable.js';
import type { ParsedArgs } from '../main.js';
import type { Output } from '../Output.js';
import { tally } from './testCommand.js';

/** `formwork summary`: one row per template version, with its size and how its test cases fare. */
export async function summaryCommand({ positionals, values }: ParsedArgs, output: Output): Promise<number> {
  const folders = findTemplates(positionals[0] ?? 'forms');
  const { runFolder } = await import('../runFolder.js');
  const reports = [];
  for (const folder of folders) reports.push(await runFolder(folder));
  const rows = reports.flatMap((report) =>
    report.versions.map((v) => ({
      template: v.id,
      version: v.version,
      compiles: v.problems.length === 0,
      fields: v.fields,
      gates: v.gates,
      stages: v.stages,
      casesPassed: v.cases.filter((c) => c.passed).length,
      cases: v.cases.length,
      problems: v.problems,
    })),
  );
  const { passed, failed } = tally(reports);
  if (values.json) {
    output.out(JSON.stringify({ passed, failed, templates: rows }, null, 2));
    return failed > 0 ? 1 : 0;
  }
  output.out(
    formatTable(
      ['template', 'version', 'fields', 'gates', 'stages', 'cases passed'],
      rows.map((r) => [
        r.template,
        r.version,
        r.compiles ? String(r.fields) : 'does not compile',
        String(r.gates),
        String(r.stages),
        `${r.casesPassed}/${r.cases}`,
      ]),
      [false, false, true, true, true, true],
    ),
  );
  for (const report of reports) {
    for (const p of report.fileProblems) output.out(`problem: ${report.id} ${p.file}: ${p.message}`);
    for (const v of report.versions)
      for (const p of v.problems) output.out(`problem: ${v.id} ${v.version}: ${p}`);
  }
  output.out(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

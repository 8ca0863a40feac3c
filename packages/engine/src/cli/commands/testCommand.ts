import { findTemplates } from '../findTemplates.js';
import type { ParsedArgs } from '../main.js';
import type { Output } from '../Output.js';
import type { FolderReport } from '../runFolder.js';

/** Counts of a run: a broken template or case file counts as a failure, never as nothing. */
export function tally(reports: readonly FolderReport[]): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const report of reports) {
    failed += report.fileProblems.length;
    for (const version of report.versions) {
      failed += version.problems.length;
      for (const c of version.cases) c.passed ? passed++ : failed++;
    }
  }
  return { passed, failed };
}

/** `formwork test`: run the logic test cases of the templates the paths name. */
export async function testCommand({ positionals, values }: ParsedArgs, output: Output): Promise<number> {
  // Resolve every path first, so that a typo in the last one is reported before anything runs.
  const folders = positionals.flatMap((path) => findTemplates(path));
  const { runFolder } = await import('../runFolder.js'); // the engine loads once the paths are known to be usable
  const reports: FolderReport[] = [];
  for (const folder of folders) reports.push(await runFolder(folder));
  const { passed, failed } = tally(reports);
  if (values.json) {
    output.out(JSON.stringify({ passed, failed, templates: reports }, null, 2));
    return failed > 0 ? 1 : 0;
  }
  for (const report of reports) {
    for (const problem of report.fileProblems)
      output.out(`FAIL ${report.id} ${problem.file}: ${problem.message}`);
    for (const version of report.versions) {
      const label = `${version.id} ${version.version}`;
      for (const problem of version.problems) output.out(`FAIL ${label}: ${problem}`);
      if (version.problems.length === 0 && version.cases.length === 0) {
        output.out(`note ${label}: no test cases yet (add them in ${report.id}/tests/).`);
      }
      for (const c of version.cases) {
        output.out(`${c.passed ? 'pass' : 'FAIL'} ${label} ${c.file} › ${c.name}`);
        for (const failure of c.failures) output.out(`       - ${failure}`);
      }
    }
  }
  output.out(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

import { basename } from 'node:path';
import { compile, precompile } from '../index.js';
import { evaluate, prune } from '../runtime/index.js';
import { parseTestCases } from '../testcases/parseTestCases.js';
import { appliesTo, runTestCases } from '../testcases/runTestCases.js';
import type { TestCase } from '../testcases/types.js';
import type { CompiledTemplate, Template } from '../types.js';
import { countFields } from './countFields.js';
import { describeProblems } from './describeProblems.js';
import type { TemplateFolder } from './findTemplates.js';
import { InputError } from './InputError.js';
import { loadPrecompiledCode } from './loadPrecompiledCode.js';
import { readJsonFile } from './readJsonFile.js';

export interface CaseReport {
  file: string;
  name: string;
  passed: boolean;
  failures: string[];
}

export interface VersionReport {
  id: string;
  version: string;
  path: string;
  /** Why the version could not be tested at all (does not compile, wrong id, …). Each counts as one failure. */
  problems: string[];
  fields: number;
  gates: number;
  stages: number;
  cases: CaseReport[];
}

export interface FolderReport {
  id: string;
  /** Problems with test case files, reported once for the folder. Each counts as one failure. */
  fileProblems: { file: string; message: string }[];
  versions: VersionReport[];
}

interface LoadedCases {
  file: string;
  cases: TestCase[];
}

/** Runs every test case of a template folder on each version, compiled at run time and precompiled. */
export async function runFolder(folder: TemplateFolder): Promise<FolderReport> {
  const fileProblems: FolderReport['fileProblems'] = [];
  const loaded: LoadedCases[] = [];
  for (const path of folder.testFiles) {
    const file = `tests/${basename(path)}`;
    let json: unknown;
    try {
      json = readJsonFile(path, 'test case');
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      fileProblems.push({ file, message: error.message });
      continue;
    }
    const parsed = parseTestCases(json);
    if (!parsed.ok) {
      for (const p of parsed.problems)
        fileProblems.push({ file, message: `at ${p.pointer || '/'}: ${p.message}` });
      continue;
    }
    for (const testCase of parsed.cases) {
      const unknown = (testCase.versions ?? []).filter((v) => !folder.allVersions.includes(v));
      if (unknown.length > 0) {
        fileProblems.push({
          file,
          message: `case "${testCase.name}" names version ${unknown.join(', ')}, which ${folder.id} does not have (its versions: ${folder.allVersions.join(', ')}).`,
        });
      }
    }
    loaded.push({ file, cases: parsed.cases });
  }
  const versions: VersionReport[] = [];
  for (const { version, path } of folder.versions)
    versions.push(await runVersion(folder, version, path, loaded));
  return { id: folder.id, fileProblems, versions };
}

async function runVersion(
  folder: TemplateFolder,
  version: string,
  path: string,
  loaded: LoadedCases[],
): Promise<VersionReport> {
  const report: VersionReport = {
    id: folder.id,
    version,
    path,
    problems: [],
    fields: 0,
    gates: 0,
    stages: 0,
    cases: [],
  };
  let json: unknown;
  try {
    json = readJsonFile(path, 'template');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    report.problems.push(error.message);
    return report;
  }
  const compiled = compile(json);
  if (!compiled.ok) {
    report.problems.push(describeProblems(path, compiled.problems));
    return report;
  }
  const template = json as Template;
  report.fields = countFields(template.schema);
  report.gates = template.gates?.length ?? 0;
  report.stages = template.stages?.length ?? 0;
  if (template.id !== folder.id) {
    report.problems.push(
      `${path} says its id is "${template.id}", but it is in the folder ${folder.id}. Make them match.`,
    );
  }
  if (template.version !== version) {
    report.problems.push(
      `${path} says its version is "${template.version}", but the file is named ${version}.json.`,
    );
  }
  const pre = precompile(json);
  let precompiled: CompiledTemplate | undefined;
  if (!pre.ok) report.problems.push(`precompile failed: ${describeProblems(path, pre.problems)}`);
  else {
    try {
      precompiled = await loadPrecompiledCode(template, pre.code);
    } catch (error) {
      report.problems.push(
        `the precompiled module of ${path} does not load: ${(error as Error).message.split('\n')[0]}`,
      );
    }
  }
  for (const { file, cases } of loaded) {
    const applicable = cases.filter((c) => appliesTo(c, version));
    const results = runTestCases(compiled.compiled, applicable);
    for (const [i, result] of results.entries()) {
      const testCase = applicable[i]!;
      const failures = [...result.failures];
      if (precompiled) failures.push(...sameResult(compiled.compiled, precompiled, testCase));
      report.cases.push({ file, name: result.name, passed: failures.length === 0, failures });
    }
  }
  return report;
}

/** The precompiled module must decide exactly as the runtime compilation does: same result, same pruning. */
function sameResult(runtime: CompiledTemplate, precompiled: CompiledTemplate, testCase: TestCase): string[] {
  const options: { to?: string; now?: string } = {};
  if (testCase.to !== undefined) options.to = testCase.to;
  if (testCase.now !== undefined) options.now = testCase.now;
  const failures: string[] = [];
  const a = JSON.stringify(evaluate(runtime, testCase.data, options));
  const b = JSON.stringify(evaluate(precompiled, testCase.data, options));
  if (a !== b)
    failures.push(`The precompiled module gives a different result: runtime ${a}; precompiled ${b}.`);
  const pa = JSON.stringify(prune(runtime, testCase.data));
  const pb = JSON.stringify(prune(precompiled, testCase.data));
  if (pa !== pb)
    failures.push(`The precompiled module prunes differently: runtime ${pa}; precompiled ${pb}.`);
  return failures;
}

// The built CLI as a real process (node dist/cli.js) on temporary files: exit codes, the one stderr line on unusable
// input, JSON output. `npm test` builds the engine first (turbo: test depends on build).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, loadPrecompiled } from '../src/index.js';
import type { PrecompiledModule, Template } from '../src/types.js';
import { calmVisit, concernVisit, visitNote } from './testcases-fixture.js';

const cli = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/cli.js');
let dir = '';

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const write = (name: string, value: unknown) => {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
};

/** Unusable input: exit 2, nothing on stdout, exactly one line on stderr. */
function expectOneLine(result: ReturnType<typeof run>, pattern: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

beforeAll(() => {
  if (!existsSync(cli))
    throw new Error(`${cli} is missing: build the engine first (npm run build -w @formwork/engine).`);
  dir = mkdtempSync(join(tmpdir(), 'formwork-cli-'));
  write('visit-note.json', visitNote);
  write('calm.json', calmVisit);
  write('concern.json', concernVisit);
  write('invalid.json', { concern: 'maybe' });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('formwork check', () => {
  it('prints the evaluate result and exits 0 for a valid record (one line with --json)', () => {
    const result = run('check', 'visit-note.json', 'calm.json', '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ valid: true, canProceed: true, errors: [] });
  });

  it('exits 1 for an invalid record and lists the errors (indented JSON by default)', () => {
    const result = run('check', 'visit-note.json', 'invalid.json');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^{\n {2}"valid": false,/);
    const output = JSON.parse(result.stdout);
    expect(output.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['/visitedAt', '/concern']),
    );
  });

  it('with --to, exits 1 when a gate blocks and 0 when it does not', () => {
    const blocked = run('check', 'visit-note.json', 'concern.json', '--to', 'submitted');
    expect(blocked.code).toBe(1);
    expect(JSON.parse(blocked.stdout).gates).toContainEqual(
      expect.objectContaining({ id: 'concern-escalated', status: 'blocked', missing: ['/managerName'] }),
    );
    expect(
      run('check', 'visit-note.json', 'calm.json', '--to', 'closed', '--now', '2026-03-15T09:00:00Z').code,
    ).toBe(0);
  });

  it('exits 2 with one line for a missing file', () => {
    expectOneLine(run('check', 'nowhere.json', 'calm.json'), /Cannot find the template file nowhere\.json/);
    expectOneLine(
      run('check', 'visit-note.json', 'nowhere.json'),
      /Cannot find the record file nowhere\.json/,
    );
  });

  it('exits 2 with one line for a file that is not JSON', () => {
    write('broken.json', '{"visitedAt": ');
    expectOneLine(
      run('check', 'visit-note.json', 'broken.json'),
      /record file broken\.json is not valid JSON/,
    );
  });

  it('exits 2 with the pointer and the problem for an invalid template', () => {
    write('unsafe.json', {
      ...visitNote,
      schema: { type: 'object', properties: { code: { type: 'string', pattern: '^(a+)+$' } } },
    });
    expectOneLine(
      run('check', 'unsafe.json', 'calm.json'),
      /unsafe\.json is not a usable template: at \/schema\/properties\/code\/pattern \(unsafe-pattern\)/,
    );
  });

  it('exits 2 for a bad --now, an unknown --to stage and an unknown option', () => {
    expectOneLine(
      run('check', 'visit-note.json', 'calm.json', '--now', 'tomorrow'),
      /--now "tomorrow" is not an ISO-8601 instant/,
    );
    expectOneLine(
      run('check', 'visit-note.json', 'calm.json', '--to', 'archived'),
      /--to "archived" is not a stage.*Its stages are: draft, submitted, closed/,
    );
    expectOneLine(run('check', 'visit-note.json', 'calm.json', '--colour'), /Unknown option '--colour'/);
  });

  it('with --json, also reports unusable input as JSON on stdout', () => {
    const result = run('check', 'nowhere.json', 'calm.json', '--json');
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(result.stdout)).toEqual({
      error: { code: 'file-missing', message: expect.any(String) },
    });
  });
});

describe('formwork compile', () => {
  it('writes a module that loadPrecompiled turns into the same decisions', async () => {
    const result = run('compile', 'visit-note.json', '--out', 'out/visit-note.js', '--json');
    expect(result.code).toBe(0);
    const { out, bytes } = JSON.parse(result.stdout);
    const path = join(dir, out);
    expect(readFileSync(path, 'utf8').length).toBeGreaterThan(0);
    expect(bytes).toBeGreaterThan(0);
    const module = (await import(pathToFileURL(path).href)) as PrecompiledModule;
    const compiled = loadPrecompiled(visitNote as Template, module);
    expect(evaluate(compiled, concernVisit, { to: 'submitted' }).canProceed).toBe(false);
    expect(evaluate(compiled, calmVisit, { to: 'submitted' }).canProceed).toBe(true);
  });

  it('exits 2 without --out and for an invalid template', () => {
    expectOneLine(run('compile', 'visit-note.json'), /needs --out/);
    write('no-title.json', { ...visitNote, title: 7 });
    expectOneLine(
      run('compile', 'no-title.json', '--out', 'x.js'),
      /no-title\.json is not a usable template: at \/title/,
    );
    expect(existsSync(join(dir, 'x.js'))).toBe(false);
  });
});

describe('formwork test', () => {
  beforeAll(() => {
    write('forms/visit-note/1.0.0.json', visitNote);
    write('forms/visit-note/tests/basic.json', [
      {
        name: 'a calm visit can close',
        data: calmVisit,
        to: 'closed',
        expect: { canProceed: true, warned: ['manager-aware'] },
      },
      {
        name: 'a concern blocks submission',
        data: concernVisit,
        to: 'submitted',
        expect: { blocked: ['concern-escalated'] },
      },
    ]);
    write('failing/visit-note/1.0.0.json', visitNote);
    write('failing/visit-note/tests/wrong.json', [
      { name: 'passes', data: calmVisit, expect: { valid: true } },
      { name: 'expects the wrong thing', data: concernVisit, to: 'submitted', expect: { canProceed: true } },
      { name: 'names a gate that does not exist', data: calmVisit, expect: { blocked: ['no-such-gate'] } },
    ]);
    write('failing/visit-note/tests/broken.json', { name: 'typo', data: {}, expect: { vaild: true } });
  });

  it('passes a folder whose cases all pass: a line per case and the summary line', () => {
    const result = run('test', 'forms');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toContain('pass visit-note 1.0.0 tests/basic.json › a calm visit can close');
    expect(lines.at(-1)).toBe('2 passed, 0 failed');
  });

  it('accepts a template folder or a single version file', () => {
    expect(run('test', 'forms/visit-note').stdout).toMatch(/^2 passed, 0 failed$/m);
    expect(run('test', 'forms/visit-note/1.0.0.json').stdout).toMatch(/^2 passed, 0 failed$/m);
  });

  it('exits 1 on a failing case, an unknown gate and a broken case file, and says why', () => {
    const result = run('test', 'failing');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^FAIL visit-note tests\/broken\.json: at \/expect\/vaild: "vaild" is not something a case can expect/m,
    );
    expect(result.stdout).toMatch(/^FAIL visit-note 1\.0\.0 tests\/wrong\.json › expects the wrong thing$/m);
    expect(result.stdout).toMatch(/canProceed to be true, but it is false/);
    expect(result.stdout).toMatch(/gate "no-such-gate", which template visit-note 1\.0\.0 does not have/);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 3 failed');
  });

  it('reports counts and every case with --json', () => {
    const result = run('test', 'failing', '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ passed: 1, failed: 3 });
    expect(report.templates[0].versions[0].cases).toHaveLength(3);
  });

  it('fails a template whose id does not match its folder', () => {
    write('misfiled/other-name/1.0.0.json', visitNote);
    const result = run('test', 'misfiled');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/says its id is "visit-note", but it is in the folder other-name/);
  });

  it('exits 2 for a path that does not exist or holds no templates', () => {
    expectOneLine(run('test', 'nowhere'), /Cannot find nowhere/);
    mkdirSync(join(dir, 'empty'), { recursive: true });
    expectOneLine(run('test', 'empty'), /No templates found in empty/);
    expectOneLine(run('test'), /takes at least 1 path, got 0/);
  });
});

describe('formwork summary', () => {
  it('prints a table of templates with their cases', () => {
    const result = run('summary', 'forms');
    expect(result.code).toBe(0);
    const [header, rule, row] = result.stdout.split('\n');
    expect(header).toMatch(/^template\s+version\s+fields\s+gates\s+stages\s+cases passed$/);
    expect(rule).toMatch(/^-+( +-+){5}$/);
    expect(row).toMatch(/^visit-note\s+1\.0\.0\s+4\s+2\s+3\s+2\/2$/);
  });

  it('gives rows as JSON with --json and exits 1 when a case fails', () => {
    const result = run('summary', 'failing', '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).templates[0]).toMatchObject({
      template: 'visit-note',
      casesPassed: 1,
      cases: 3,
    });
  });
});

describe('--help', () => {
  for (const command of ['check', 'compile', 'test', 'summary']) {
    it(`explains formwork ${command}`, () => {
      const result = run(command, '--help');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^formwork ${command} `));
      expect(result.stdout).toMatch(/Exit 0/);
    });
  }

  it('lists the commands, and an unknown command exits 2', () => {
    expect(run('--help').stdout).toMatch(/formwork check <template\.json> <record\.json>/);
    expectOneLine(run('frobnicate'), /"frobnicate" is not a formwork command/);
  });
});

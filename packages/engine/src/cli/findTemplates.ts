import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from './InputError.js';

/** One template folder (`forms/<id>`): its version files and its test case files. */
export interface TemplateFolder {
  id: string;
  dir: string;
  /** Every version file in the folder, so that a case naming a version that does not exist can be caught. */
  allVersions: string[];
  /** The versions to run (all of them, or the one file named on the command line). */
  versions: { version: string; path: string }[];
  testFiles: string[];
}

const VERSION_FILE = /^(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.json$/;

const isDir = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

const list = (dir: string): string[] => readdirSync(dir).sort();

function versionFiles(dir: string): { version: string; path: string }[] {
  return list(dir).flatMap((name) => {
    const match = VERSION_FILE.exec(name);
    return match?.[1] && !isDir(join(dir, name)) ? [{ version: match[1], path: join(dir, name) }] : [];
  });
}

function folder(dir: string, only?: string): TemplateFolder {
  const all = versionFiles(dir);
  const testsDir = join(dir, 'tests');
  const testFiles = isDir(testsDir)
    ? list(testsDir)
        .filter((name) => name.endsWith('.json'))
        .map((name) => join(testsDir, name))
    : [];
  return {
    id: basename(dir),
    dir,
    allVersions: all.map((v) => v.version),
    versions: only === undefined ? all : all.filter((v) => v.path === only),
    testFiles,
  };
}

/**
 * Finds the templates a path names: a version file (`forms/<id>/1.0.0.json`), a template folder (`forms/<id>`) or
 * the library (`forms`). A path that names nothing runnable is an input error: a test run that tests nothing must
 * not pass.
 */
export function findTemplates(path: string): TemplateFolder[] {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    throw new InputError(
      `Cannot find ${path}. Give a template file, a template folder or the forms folder.`,
      'file-missing',
    );
  }
  if (!stat.isDirectory()) {
    if (!VERSION_FILE.test(basename(path))) {
      throw new InputError(
        `${path} is not a template version file: name it <version>.json (e.g. 1.0.0.json) inside forms/<id>/.`,
        'not-a-template-path',
      );
    }
    return [folder(dirname(path), path)];
  }
  if (versionFiles(path).length > 0) return [folder(path)];
  const folders = list(path)
    .map((name) => join(path, name))
    .filter((dir) => isDir(dir) && versionFiles(dir).length > 0)
    .map((dir) => folder(dir));
  if (folders.length === 0) {
    throw new InputError(
      `No templates found in ${path}: expected <version>.json files in it or in its sub-folders (forms/<id>/1.0.0.json).`,
      'no-templates',
    );
  }
  return folders;
}

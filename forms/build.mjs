// Writes each template's published version files from its source: `node forms/build.mjs`.
// A version file that exists is never rewritten (published versions never change). If the source no longer
// reproduces an existing file, the build stops and says so: add a new version instead.
// `node forms/build.mjs --check` writes nothing and fails if any version file is missing or differs.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const formsDir = dirname(fileURLToPath(import.meta.url));
const checkOnly = process.argv.includes('--check');

export function serialise(template) {
  return `${JSON.stringify(template, null, 2)}\n`;
}

export async function loadSources() {
  const ids = readdirSync(formsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(formsDir, d.name, 'source.mjs')))
    .map((d) => d.name)
    .sort();
  const out = [];
  for (const id of ids) {
    const { templates } = await import(pathToFileURL(join(formsDir, id, 'source.mjs')).href);
    for (const template of templates) {
      if (template.id !== id)
        throw new Error(`forms/${id}/source.mjs builds a template with id "${template.id}".`);
      out.push(template);
    }
  }
  return out;
}

async function main() {
  const problems = [];
  let written = 0;
  for (const template of await loadSources()) {
    const file = join(formsDir, template.id, `${template.version}.json`);
    const text = serialise(template);
    if (existsSync(file)) {
      if (readFileSync(file, 'utf8') !== text)
        problems.push(
          `forms/${template.id}/${template.version}.json is published and the source no longer reproduces it. Published versions never change: give the change a new version number (and a changelog entry).`,
        );
      continue;
    }
    if (checkOnly) {
      problems.push(`forms/${template.id}/${template.version}.json is missing: run node forms/build.mjs.`);
      continue;
    }
    writeFileSync(file, text);
    written++;
    console.log(`wrote forms/${template.id}/${template.version}.json`);
  }
  for (const p of problems) console.error(p);
  if (!checkOnly) console.log(`${written} version file(s) written.`);
  process.exitCode = problems.length ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

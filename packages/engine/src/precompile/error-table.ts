/**
 * Moves the constant parts of ajv's error objects out of the code into one table. ajv writes every error out in
 * full where it can occur (`{instancePath:instancePath+"/a/b",schemaPath:"#/properties/a/properties/b/maxLength",
 * keyword:"maxLength",params:{limit: 4000}}`): about half of the benchmark form's module, all of it parsed and
 * compiled by the JavaScript engine although a valid record builds none of it. Each such site becomes
 * `$error(vErrors, instancePath, 12)`, and the table is one string that is turned into objects (JSON.parse, far
 * cheaper than the same literals in code) the first time an error occurs. The error built is the same object ajv
 * builds (same fields, same values, fresh `params`).
 *
 * Strictly conservative, like shrink-standalone.ts: a site is rewritten only when its text has exactly the shape
 * ajv 8 emits, its instancePath is made of `instancePath`, names, JSON strings and `+`, and every param value is a
 * JSON literal or a path into a schema constant of the module whose value is known; anything else stays as is.
 *
 * The table is front-coded: each entry keeps a prefix of the previous entry's instancePath suffix and schemaPath
 * (neighbouring sites check neighbouring fields), and its keyword is left out when it is the last segment of the
 * schemaPath. Entries: `[pathKeep, pathRest, schemaPathKeep, schemaPathRest, keyword (0: last segment), params?,
 * list?]`, where `list` stands for `params: {allowedValues}` with the n-th list of enum-sets.ts (`$enumValues`).
 */

/** The helper the rewritten sites call. ajv never names a variable with a `$`. */
export const ERROR_HELPER = '$error';

import { endOfLiteral } from './end-of-literal.js';
import { singleQuoted } from './single-quoted.js';

const PUSH_HEAD = 'vErrors = $pushError(vErrors, {';

/** A JSON string literal at `at`: its end index, or -1. */
function endOfString(text: string, at: number): number {
  if (text[at] !== '"') return -1;
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return -1;
}

const NAME = /[A-Za-z_$][\w$]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function matchAt(re: RegExp, text: string, at: number): string | undefined {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? m[0] : undefined;
}

/**
 * The instancePath expression: `{ base, suffix }` where the error's instancePath is `base + suffix` and `suffix`
 * is constant, or undefined for any other shape. Only `instancePath`, names, JSON strings and ` + ` between them.
 */
function parseInstancePath(expr: string): { base: string; suffix: string } | undefined {
  const direct = /^instancePath\+("(?:[^"\\]|\\.)*")$/.exec(expr);
  if (direct) return { base: 'instancePath', suffix: JSON.parse(direct[1]!) as string };
  let i = 0;
  let expectOperand = true;
  while (i < expr.length) {
    if (expectOperand) {
      const string = endOfString(expr, i);
      if (string > 0) {
        JSON.parse(expr.slice(i, string));
        i = string;
      } else {
        const name = matchAt(NAME, expr, i);
        if (name === undefined) return undefined;
        i += name.length;
      }
      expectOperand = false;
    } else {
      const op = matchAt(/ ?\+ ?/y, expr, i);
      if (op === undefined) return undefined;
      i += op.length;
      expectOperand = true;
    }
  }
  return expectOperand ? undefined : { base: expr, suffix: '' };
}

type Schemas = ReadonlyMap<string, unknown>;

/** `schemaN.a.b[0]["c-d"]`: the value it names in the module's schema constants, or undefined. */
function schemaValue(ref: string, schemas: Schemas): unknown {
  const head = /^schema\d+/.exec(ref);
  if (!head || !schemas.has(head[0])) return undefined;
  let value = schemas.get(head[0]);
  let i = head[0].length;
  while (i < ref.length) {
    let key: string | number;
    if (ref[i] === '.') {
      const name = matchAt(NAME, ref, i + 1);
      if (name === undefined) return undefined;
      key = name;
      i += 1 + name.length;
    } else if (ref[i] === '[') {
      const index = matchAt(/\d+\]/y, ref, i + 1);
      const string = index === undefined ? endOfString(ref, i + 1) : -1;
      if (index !== undefined) {
        key = Number(index.slice(0, -1));
        i += 1 + index.length;
      } else if (string > 0 && ref[string] === ']') {
        key = JSON.parse(ref.slice(i + 1, string)) as string;
        i = string + 1;
      } else return undefined;
    } else return undefined;
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as { [k: string]: unknown })[key];
  }
  return value;
}

/** ajv's params literal (`{}`, `{limit: 4}`, `{comparison: ">=", limit: 0}`, `{allowedValues: schema3.enum}`). */
function parseParams(text: string, schemas: Schemas): { [key: string]: unknown } | undefined {
  if (text === '{}') return {};
  if (!text.startsWith('{') || !text.endsWith('}')) return undefined;
  const out: { [key: string]: unknown } = {};
  let i = 1;
  const end = text.length - 1;
  while (i < end) {
    const key = matchAt(NAME, text, i);
    if (key === undefined || text.slice(i + key.length, i + key.length + 2) !== ': ') return undefined;
    i += key.length + 2;
    let value: unknown;
    const string = endOfString(text, i);
    const number = string < 0 ? matchAt(NUMBER, text, i) : undefined;
    if (string > 0) {
      value = JSON.parse(text.slice(i, string));
      i = string;
    } else if (number !== undefined) {
      value = JSON.parse(number);
      i += number.length;
    } else {
      const word = matchAt(
        /(?:true|false|null)(?![\w$])|schema\d+(?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*/y,
        text,
        i,
      );
      if (word === undefined) return undefined;
      value = word.startsWith('schema') ? schemaValue(word, schemas) : JSON.parse(word);
      if (value === undefined) return undefined;
      i += word.length;
    }
    if (Object.hasOwn(out, key)) return undefined;
    out[key] = value;
    if (i === end) break;
    if (text.slice(i, i + 2) !== ', ') return undefined;
    i += 2;
  }
  return out;
}

interface ErrorSite {
  base: string;
  suffix: string;
  schemaPath: string;
  keyword: string;
  params: { [key: string]: unknown };
}

/** `{instancePath…,schemaPath:"…",keyword:"…",params:{…}}` exactly, or undefined. */
function parseSite(literal: string, schemas: Schemas): ErrorSite | undefined {
  let rest: string;
  let instance: { base: string; suffix: string } | undefined;
  if (literal.startsWith('{instancePath,schemaPath:')) {
    instance = { base: 'instancePath', suffix: '' };
    rest = literal.slice('{instancePath,'.length);
  } else if (literal.startsWith('{instancePath:')) {
    // The expression ends at the first `,schemaPath:` outside a string.
    let i = '{instancePath:'.length;
    while (i < literal.length && !literal.startsWith(',schemaPath:', i)) {
      if (literal[i] === '"') {
        i = endOfString(literal, i);
        if (i < 0) return undefined;
      } else i++;
    }
    instance = parseInstancePath(literal.slice('{instancePath:'.length, i));
    rest = literal.slice(i + 1);
  } else return undefined;
  if (!instance || !rest.startsWith('schemaPath:')) return undefined;
  const schemaPathEnd = endOfString(rest, 'schemaPath:'.length);
  if (schemaPathEnd < 0 || !rest.startsWith(',keyword:', schemaPathEnd)) return undefined;
  const keywordStart = schemaPathEnd + ',keyword:'.length;
  const keywordEnd = endOfString(rest, keywordStart);
  if (keywordEnd < 0 || !rest.startsWith(',params:', keywordEnd)) return undefined;
  const paramsText = rest.slice(keywordEnd + ',params:'.length, -1);
  if (!rest.endsWith('}') || endOfLiteral(paramsText, 0) !== paramsText.length) return undefined;
  const params = parseParams(paramsText, schemas);
  if (!params) return undefined;
  return {
    ...instance,
    schemaPath: JSON.parse(rest.slice('schemaPath:'.length, schemaPathEnd)) as string,
    keyword: JSON.parse(rest.slice(keywordStart, keywordEnd)) as string,
    params,
  };
}

/** The module's `const schemaN = <JSON>;` values (those that parse as JSON). */
function schemaConstants(code: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const match of code.matchAll(/const (schema\d+) = (?=[{[])/g)) {
    const start = match.index + match[0].length;
    const end = endOfLiteral(code, start);
    if (end < 0 || code[end] !== ';') continue;
    try {
      out.set(match[1]!, JSON.parse(code.slice(start, end)));
    } catch {
      // Not JSON (ajv writes schema constants as JSON, but if not, sites that name it stay as they are).
    }
  }
  return out;
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // Never split a surrogate pair.
  if (i > 0 && i < n && a.charCodeAt(i - 1) >= 0xd800 && a.charCodeAt(i - 1) <= 0xdbff) i--;
  return i;
}

class Table {
  readonly rows: unknown[] = [];
  constructor(private readonly enumLists: ReadonlyMap<string, number>) {}

  enumIndex(values: unknown): number {
    return Array.isArray(values) ? (this.enumLists.get(JSON.stringify(values)) ?? -1) : -1;
  }

  private readonly index = new Map<string, number>();
  private lastSuffix = '';
  private lastSchemaPath = '';

  add(site: ErrorSite): number {
    const key = JSON.stringify([site.suffix, site.schemaPath, site.keyword, site.params]);
    const found = this.index.get(key);
    if (found !== undefined) return found;
    const pathKeep = commonPrefix(this.lastSuffix, site.suffix);
    const schemaKeep = commonPrefix(this.lastSchemaPath, site.schemaPath);
    const lastSegment = site.schemaPath.slice(site.schemaPath.lastIndexOf('/') + 1);
    const row: unknown[] = [
      pathKeep,
      site.suffix.slice(pathKeep),
      schemaKeep,
      site.schemaPath.slice(schemaKeep),
      site.keyword === lastSegment ? 0 : site.keyword,
    ];
    const keys = Object.keys(site.params);
    const list =
      keys.length === 1 && keys[0] === 'allowedValues' ? this.enumIndex(site.params.allowedValues) : -1;
    // `{allowedValues}` equal to a list the enum lookups already carry: its index there, not a second copy.
    if (list >= 0) row.push(0, list);
    else if (keys.length > 0) row.push(site.params);
    this.lastSuffix = site.suffix;
    this.lastSchemaPath = site.schemaPath;
    this.rows.push(row);
    this.index.set(key, this.rows.length - 1);
    return this.rows.length - 1;
  }
}

/**
 * The helper's text: the table (a JS string of JSON) decoded on the first error, and `$error(list, base, n)`,
 * which appends the n-th error at instancePath `base + suffix` and returns the list, as `$pushError` does.
 */
function helperText(rows: unknown[]): string {
  return [
    `const $errorText = ${singleQuoted(JSON.stringify(rows))};`,
    'let $errorRows = null;',
    'const $errorRow = (n) => {',
    '  if ($errorRows === null) {',
    '    const rows = [];',
    '    let suffix = "", schemaPath = "";',
    '    for (const [pathKeep, pathRest, schemaKeep, schemaRest, keyword, params, list] of JSON.parse($errorText)) {',
    '      suffix = suffix.slice(0, pathKeep) + pathRest;',
    '      schemaPath = schemaPath.slice(0, schemaKeep) + schemaRest;',
    '      const kw = keyword === 0 ? schemaPath.slice(schemaPath.lastIndexOf("/") + 1) : keyword;',
    '      rows.push([suffix, schemaPath, kw, list === undefined ? params : { allowedValues: $enumValues[list] }]);',
    '    }',
    '    $errorRows = rows;',
    '  }',
    '  return $errorRows[n];',
    '};',
    `const ${ERROR_HELPER} = (list, base, n) => {`,
    '  const row = $errorRow(n);',
    '  const error = { instancePath: base + row[0], schemaPath: row[1], keyword: row[2], params: { ...row[3] } };',
    '  if (list === null) return [error];',
    '  list.push(error);',
    '  return list;',
    '};',
  ].join('\n');
}

/**
 * Rewrites every `vErrors = $pushError(vErrors, {…});` of exactly ajv's shape into a `$error` call. Returns the
 * code and the helper text to define in `create` (empty when nothing was rewritten).
 */
export function tabulateErrors(
  code: string,
  enumLists: ReadonlyMap<string, number> = new Map(),
): { code: string; helper: string } {
  const schemas = schemaConstants(code);
  const table = new Table(enumLists);
  const parts: string[] = [];
  let from = 0;
  for (let at = code.indexOf(PUSH_HEAD); at >= 0; at = code.indexOf(PUSH_HEAD, at + 1)) {
    if (at < from) continue;
    const objectStart = at + PUSH_HEAD.length - 1;
    const objectEnd = endOfLiteral(code, objectStart);
    if (objectEnd < 0 || !code.startsWith(');', objectEnd)) continue;
    const site = parseSite(code.slice(objectStart, objectEnd), schemas);
    if (!site) continue;
    const n = table.add(site);
    parts.push(code.slice(from, at), `vErrors = ${ERROR_HELPER}(vErrors, ${site.base}, ${n});`);
    from = objectEnd + 2;
  }
  if (table.rows.length === 0) return { code, helper: '' };
  parts.push(code.slice(from));
  return { code: parts.join(''), helper: helperText(table.rows) };
}

// The rewrites of ajv's standalone code (precompile/*.ts): each changes exactly ajv's shapes and leaves anything
// else as it is, and a module built with all of them reports the very errors ajv's validators report.
import { describe, expect, it } from 'vitest';
import { compileWithInternals } from '../src/compile/compile.js';
import { loadPrecompiled, precompile } from '../src/index.js';
import { eagerFunctions } from '../src/precompile/eager-functions.js';
import { enumSets } from '../src/precompile/enum-sets.js';
import { tabulateErrors } from '../src/precompile/error-table.js';
import { minifyWhitespace } from '../src/precompile/minify-whitespace.js';
import { nativePatterns } from '../src/precompile/native-patterns.js';
import { renameLocals } from '../src/precompile/rename-locals.js';
import { tokenize } from '../src/precompile/tokenize.js';
import type { PrecompiledModule, Template } from '../src/types.js';
import { fuzzTemplates } from './fuzz-templates.js';
import { formWith } from './helpers.js';

async function importModule(code: string): Promise<PrecompiledModule> {
  const url = `data:text/javascript;base64,${Buffer.from(code, 'utf8').toString('base64')}`;
  return (await import(/* @vite-ignore */ url)) as PrecompiledModule;
}

const site = (object: string) => `if(x){vErrors = $pushError(vErrors, ${object});errors++;}`;

describe('error table', () => {
  it('moves exactly ajv-shaped error objects into the table', () => {
    const { code, helper } = tabulateErrors(
      `const schema3 = {"enum":["a","b"]};${site('{instancePath:instancePath+"/a/b",schemaPath:"#/properties/a/enum",keyword:"enum",params:{allowedValues: schema3.enum}}')}${site('{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "a"}}')}${site('{instancePath:instancePath+"/l/" + i0,schemaPath:"#/properties/l/items/type",keyword:"type",params:{type: "string"}}')}`,
    );
    expect(code).toContain('vErrors = $error(vErrors, instancePath, 0);');
    expect(code).toContain('vErrors = $error(vErrors, instancePath, 1);');
    expect(code).toContain('vErrors = $error(vErrors, instancePath+"/l/" + i0, 2);');
    expect(code).not.toContain('$pushError');
    expect(helper).toContain('$errorText');
  });

  it('leaves any other shape as it is', () => {
    for (const object of [
      '{instancePath:instancePath+"/" + key0.replace(/~/g, "~0"),schemaPath:"#/a",keyword:"additionalProperties",params:{additionalProperty: key0}}',
      '{instancePath,schemaPath:"#/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0}}',
      '{instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: ifClause0}}',
      '{}',
      '{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema9.enum}}',
      '{instancePath,keyword:"type",schemaPath:"#/type",params:{type: "string"}}',
    ]) {
      const code = site(object);
      expect(tabulateErrors(code)).toEqual({ code, helper: '' });
    }
  });
});

describe('enum sets', () => {
  it('turn a chain of at least four comparisons of one name into a Set lookup', () => {
    const chain = 'if(!((((d === "a") || (d === "b")) || (d === 3)) || (d === null))){e();}';
    const { code, helper } = enumSets(chain);
    expect(code).toBe('if(!$enum[0].has(d)){e();}');
    expect(helper).toContain(`JSON.parse('[["a","b",3,null]]')`);
  });

  it('leave short chains, mixed names, other operators and other literals as they are', () => {
    for (const code of [
      'if(!(((d === "a") || (d === "b")) || (d === "c"))){e();}',
      'if(!((((d === "a") || (d === "b")) || (d === "c")) || (f === "d"))){e();}',
      'if(!((((d === "a") || (d === "b")) || (d === "c")) && (d === "d"))){e();}',
      'if(!((((d === "a") || (d === "b")) || (d === "c")) || (d === -1))){e();}',
      'if(!((((d === "a") || (d === "b")) || (d === "c")) || (d == "d"))){e();}',
      'if(!((((d === "a" || d) === "b") || (d === "c")) || (d === "e"))){e();}',
    ])
      expect(enumSets(code).code).toBe(code);
  });
});

describe('whitespace', () => {
  it('goes only where tokens do not run together, and line breaks stay', () => {
    expect(
      minifyWhitespace('if (a === undefined) { x = a + +b; } else { return typeof c; }\nlet y = /a b/g'),
    ).toBe('if(a===undefined){x=a+ +b;}else{return typeof c;}\nlet y=/a b/g');
    expect(minifyWhitespace('const s = "a  b" + \'c  d\';')).toBe('const s="a  b"+\'c  d\';');
  });

  it('leaves code it does not understand as it is', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the code under test holds a template literal
    for (const code of ['const t = `a ${b}`;', 'x = }/re/', 'a # b'])
      expect(minifyWhitespace(code)).toBe(code);
  });
});

describe('tokens', () => {
  it('read a run of spaces and line breaks as one line break, and end (a line break then spaces once hung)', () => {
    const tokens = tokenize('{\n  if (a) {\n\t\tb;\n  }\n}\n');
    expect(tokens?.map((t) => t.text)).toEqual([
      '{',
      '\n',
      'if',
      '(',
      'a',
      ')',
      '{',
      '\n',
      'b',
      ';',
      '\n',
      '}',
      '\n',
      '}',
      '\n',
    ]);
  });
});

describe('eager functions', () => {
  const code =
    '"use strict";exports.form=validate1;exports.if0=validate3;const pattern0=x;function validate2(data){return validate1===1;}function validate1(data){return validate2(data);}validate1.evaluated=1;function validate3(data){return true;}';

  it('parenthesise top-level declarations, move their exports after them and leave the lazy ones', () => {
    const out = eagerFunctions(code, new Set(['if0']));
    expect(out).toBe(
      '"use strict";exports.if0=validate3;const pattern0=x;var validate2=(function validate2(data){return validate1===1;});var validate1=(function validate1(data){return validate2(data);});validate1.evaluated=1;function validate3(data){return true;}exports.form=validate1;',
    );
    // A function exported as a lazy name and as another stays eager.
    expect(eagerFunctions('exports.if0=f;exports.gate=f;function f(){}', new Set(['if0']))).toBe(
      'var f=(function f(){});exports.if0=f;exports.gate=f;',
    );
  });

  it('give up where a hoisted declaration is read before it, and never touch function expressions', () => {
    const early =
      'const w={validate:validate1};function validate1(data){return true;}exports.form=validate1;';
    expect(eagerFunctions(early, new Set())).toBe(early);
    const called =
      'function validate1(data){return validate2(data);}const x=validate1(1);function validate2(d){}';
    expect(eagerFunctions(called, new Set())).toBe(called);
    const expression = 'const f=function validate1(data){return true;};exports.form=f;';
    expect(eagerFunctions(expression, new Set())).toBe(expression);
    expect(eagerFunctions('function a(){', new Set())).toBe('function a(){');
  });
});

describe('short names', () => {
  it("rename ajv's variables consistently, most frequent shortest, and keep keys, properties and shorthands", () => {
    const code =
      'function validate1(data,{instancePath="",parentData,rootData=data}={}){let vErrors=null;let errors=0;const data0=data.errors;if(data0===undefined){vErrors=$error(vErrors,instancePath,0);errors++;}validate2(data0,{instancePath:instancePath+"/x",parentData:data,rootData});validate1.errors=vErrors;return errors===0;}';
    const out = renameLocals(code, 'const $error = (list, base, n) => ({ instancePath: base, n });');
    expect(out).toBe(
      'function g(a,{instancePath:e="",parentData:h,rootData:f=a}={}){let b=null;let d=0;const c=a.errors;if(c===undefined){b=$error(b,e,0);d++;}i(c,{instancePath:e+"/x",parentData:a,rootData:f});g.errors=b;return d===0;}',
    );
  });

  it('never take a name the code or its helpers already use, nor a reserved word', () => {
    const out = renameLocals('let data=a+b+c;data=data+data+data;', 'const d = 1;');
    expect(out).toBe('let e=a+b+c;e=e+e+e;');
    // Enough names to reach two letters: none is a keyword, or `rt`, which create(rt) declares around the code.
    const many = Array.from({ length: 3000 }, (_, i) => `const func${i}=1;`).join('');
    const names = [...renameLocals(many).matchAll(/const ([\w$]+)=/g)].map((m) => m[1]!);
    expect(new Set(names).size).toBe(3000);
    for (const taken of ['rt', 'do', 'if', 'in', 'exports', 'require']) expect(names).not.toContain(taken);
  });

  it('leave code as it is where a brace or a helper is not as ajv writes them', () => {
    for (const [code, helpers] of [
      ['switch(x){case 1:{data=1;}}', ''],
      ['x=y {data}', ''],
      ['const o={data(){}};', ''],
      ['let data=1;', 'let errors=2;'],
    ])
      expect(renameLocals(code!, helpers)).toBe(code);
  });
});

describe('a module built with every rewrite', () => {
  it('reports exactly the errors of the validators compiled now, on every template', async () => {
    for (const { template, knownRecords } of fuzzTemplates()) {
      const pre = precompile(template);
      const now = compileWithInternals(template);
      if (!pre.ok || !now.ok) throw new Error('does not compile');
      const loaded = loadPrecompiled(template as unknown as Template, await importModule(pre.code));
      for (const data of [...knownRecords, {}, { x: 1 }, []]) {
        const a = loaded.validators.form;
        const b = now.compiled.validators.form;
        const ok = a.call({}, data, { rootData: data });
        expect(ok).toBe(b.call({}, data, { rootData: data }));
        if (!ok) expect(a.errors).toEqual(b.errors);
      }
    }
    // Precompiles every template in forms/ and the fuzz set: ~5 s alone, more when the full suite shares the cores.
  }, 30_000);

  it('carries no error object written out in code and no enum chain', () => {
    const result = precompile(
      formWith({ a: { type: 'string', enum: ['w', 'x', 'y', 'z'] }, b: { type: 'integer', maximum: 3 } }),
    );
    if (!result.ok) throw new Error('fixture');
    expect(result.code).not.toMatch(/schemaPath:"|===\s*"w"/);
    expect(result.code).toContain('$enum[0].has(');
  });
});

describe('patterns that run natively', () => {
  const declaration = 'const func0 = require("formwork:regexp").default;';
  it('calls the native helper for each bounded literal pattern, and drops re2js when none is left', () => {
    const code = nativePatterns(
      `${declaration}const pattern1 = func0("^[0-9]{3}$", "u");const pattern2 = func0("^\\\\d{2}-[A-Z]?$", "u");`,
    );
    expect(code).toBe(
      'const $nativeRegExp = require("formwork:native-regexp").default;const pattern1 = $nativeRegExp("^[0-9]{3}$", "u");const pattern2 = $nativeRegExp("^\\\\d{2}-[A-Z]?$", "u");',
    );
  });

  it('keeps re2js for unbounded patterns, patterns not written as literals and anything else', () => {
    const kept = nativePatterns(
      `${declaration}const pattern1 = func0("^[0-9]{3}$", "u");const pattern2 = func0("^a+$", "u");`,
    );
    expect(kept).toContain(
      `${declaration}\nconst $nativeRegExp = require("formwork:native-regexp").default;`,
    );
    expect(kept).toContain('$nativeRegExp("^[0-9]{3}$", "u")');
    expect(kept).toContain('func0("^a+$", "u")');
    for (const code of [
      `${declaration}if(!func0(data1, "u").test(data)){}`,
      `${declaration}const pattern1 = func0("^(a)$", "u");`,
      `${declaration}const pattern1 = func0('^a$', "u");`,
      `${declaration}const pattern1 = func0("^a$", "u", 1);`,
      `${declaration}const pattern1 = x.func0("^a$", "u");`,
      `const func0 = require("formwork:other").default;const pattern1 = func0("^a$", "u");`,
      `const pattern1 = func0("^a$", "u");${declaration}`,
      `${declaration}${declaration}const pattern1 = func0("^a$", "u");`,
    ])
      expect(nativePatterns(code)).toBe(code);
  });
});

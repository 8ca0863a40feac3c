/** Help text for each command, printed by `--help` and after a usage mistake. */
export const usage = {
  main: `formwork: check, compile and test Formwork templates.

Usage:
  formwork check <template.json> <record.json> [--to <stage>] [--now <ISO-8601>] [--json]
  formwork compile <template.json> --out <module.js> [--json]
  formwork test <template-file-or-folder>... [--json]
  formwork summary [folder] [--json]

Run "formwork <command> --help" for the details of one command.
Exit codes: 0 success, 1 blocked, invalid or a failing test case, 2 input that cannot be used.`,
  check: `formwork check <template.json> <record.json> [--to <stage>] [--now <ISO-8601>] [--json]

Evaluates a record against a template and prints the result (valid, errors, gates, canProceed) as JSON.
  --to <stage>   the stage the record wants to enter: gates of every stage up to it are checked
  --now <time>   the current instant, for rules that need it (e.g. 2026-01-31T09:00:00Z); never read from the clock
  --json         report unusable input as JSON on stdout as well
Exit 0 when the record can proceed (without --to: when it is valid), 1 when it is blocked or invalid,
2 when the template, the record or an option cannot be used (one line on stderr says why).`,
  compile: `formwork compile <template.json> --out <module.js> [--json]

Precompiles a template into a standalone ES module (no imports, no eval) for loadPrecompiled.
  --out <file>   where to write the module (folders are created)
  --json         print {"out", "bytes"} instead of a sentence
Exit 0 when written, 2 when the template cannot be used.`,
  test: `formwork test <template-file-or-folder>... [--json]

Runs the logic test cases of templates: forms/<id>/<version>.json with forms/<id>/tests/*.json.
A path may be a template version file, a template folder (forms/<id>) or the library folder (forms).
Each case runs on the runtime-compiled template and on its precompiled module; both must agree.
  --json         print every result as one JSON document
Exit 0 when every case passes, 1 when any fails (or a template or case file is broken), 2 when a path cannot be used.`,
  summary: `formwork summary [folder] [--json]

Compiles every template in the folder (default: forms) and runs its test cases, then prints a table:
template, version, fields, gates, stages, cases passed.
  --json         print the rows as JSON
Exit 0 when every template compiles and every case passes, 1 otherwise, 2 when the folder cannot be used.`,
} as const;

export type CommandName = Exclude<keyof typeof usage, 'main'>;

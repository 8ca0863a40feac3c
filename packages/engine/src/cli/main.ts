import { parseArgs } from 'node:util';
import { InputError } from './InputError.js';
import type { Output } from './Output.js';
import { type CommandName, usage } from './usage.js';

export interface ParsedArgs {
  positionals: string[];
  values: { to?: string; now?: string; out?: string; json?: boolean };
}

type Command = (args: ParsedArgs, output: Output) => Promise<number>;

// Commands load the engine (and ajv) only when they run, so that --help and usage mistakes answer at once.
const commands: Record<
  CommandName,
  { run: () => Promise<Command>; options: string[]; positionals: [number, number] }
> = {
  check: {
    run: async () => (await import('./commands/checkCommand.js')).checkCommand,
    options: ['to', 'now'],
    positionals: [2, 2],
  },
  compile: {
    run: async () => (await import('./commands/compileCommand.js')).compileCommand,
    options: ['out'],
    positionals: [1, 1],
  },
  test: {
    run: async () => (await import('./commands/testCommand.js')).testCommand,
    options: [],
    positionals: [1, Number.POSITIVE_INFINITY],
  },
  summary: {
    run: async () => (await import('./commands/summaryCommand.js')).summaryCommand,
    options: [],
    positionals: [0, 1],
  },
};

function describeCount([min, max]: [number, number]): string {
  const n =
    min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;
  return `${n} path${min === 1 && (max === 1 || max === Number.POSITIVE_INFINITY) ? '' : 's'}`;
}

const isCommand = (name: string): name is CommandName => Object.hasOwn(commands, name);

/** Runs the CLI and returns the exit code. Every failure of input becomes one line on stderr and exit code 2. */
export async function main(argv: readonly string[], output: Output): Promise<number> {
  const [name, ...rest] = argv;
  const wantsJson = rest.includes('--json');
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      output.out(usage.main);
      return name === undefined ? 2 : 0;
    }
    if (!isCommand(name)) {
      throw new InputError(
        `"${name}" is not a formwork command. Use one of: ${Object.keys(commands).join(', ')} (formwork --help).`,
        'unknown-command',
      );
    }
    const command = commands[name];
    if (rest.includes('--help') || rest.includes('-h')) {
      output.out(usage[name]);
      return 0;
    }
    const args = parseCommandArgs(name, rest, command.options);
    const [min, max] = command.positionals;
    if (args.positionals.length < min || args.positionals.length > max) {
      throw new InputError(
        `formwork ${name} takes ${describeCount(command.positionals)}, got ${args.positionals.length}. See formwork ${name} --help.`,
        'usage',
      );
    }
    return await (await command.run())(args, output);
  } catch (error) {
    if (error instanceof InputError) {
      output.err(`formwork: ${error.message}`);
      if (wantsJson) output.out(JSON.stringify({ error: { code: error.code, message: error.message } }));
      return 2;
    }
    // A bug of ours, not the user's input: still one line, and still exit 2 rather than a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    output.err(`formwork: internal error (please report it): ${message.split('\n')[0]}`);
    if (wantsJson) output.out(JSON.stringify({ error: { code: 'internal', message } }));
    return 2;
  }
}

function parseCommandArgs(name: CommandName, rest: string[], allowed: string[]): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean' }> = { json: { type: 'boolean' } };
  for (const option of allowed) options[option] = { type: 'string' };
  try {
    const { positionals, values } = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
    return { positionals, values: values as ParsedArgs['values'] };
  } catch (error) {
    const detail =
      error instanceof Error ? error.message.split('\n')[0]!.replace(/\. To specify.*$/, '') : '';
    throw new InputError(`${detail}. See formwork ${name} --help.`, 'usage');
  }
}

import { parseArgs } from 'node:util';
import { checkCommand } from './commands/checkCommand.js';
import { compileCommand } from './commands/compileCommand.js';
import { summaryCommand } from './commands/summaryCommand.js';
import { testCommand } from './commands/testCommand.js';
import { InputError } from './InputError.js';
import type { Output } from './Output.js';
import { type CommandName, usage } from './usage.js';

export interface ParsedArgs {
  positionals: string[];
  values: { to?: string; now?: string; out?: string; json?: boolean };
}

type Command = (args: ParsedArgs, output: Output) => Promise<number>;

const commands: Record<CommandName, { run: Command; options: string[]; positionals: [number, number] }> = {
  check: { run: checkCommand, options: ['to', 'now'], positionals: [2, 2] },
  compile: { run: compileCommand, options: ['out'], positionals: [1, 1] },
  test: { run: testCommand, options: [], positionals: [1, Number.POSITIVE_INFINITY] },
  summary: { run: summaryCommand, options: [], positionals: [0, 1] },
};

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
        `formwork ${name} takes ${min === max ? min : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`} path${max === 1 ? '' : 's'}, got ${args.positionals.length}. See formwork ${name} --help.`,
        'usage',
      );
    }
    return await command.run(args, output);
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

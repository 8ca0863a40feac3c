import { readFileSync, statSync } from 'node:fs';
import { InputError } from './InputError.js';

/** Reads and parses a JSON file, turning every way it can go wrong into one clear InputError line. */
export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    if (statSync(path).isDirectory()) {
      throw new InputError(
        `${path} is a folder, not a ${what} file. Give the path of the JSON file.`,
        'not-a-file',
      );
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new InputError(
        `Cannot find the ${what} file ${path}. Check the path and try again.`,
        'file-missing',
      );
    }
    throw new InputError(
      `Cannot read the ${what} file ${path} (${code ?? 'unknown error'}).`,
      'file-unreadable',
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : 'unknown error';
    throw new InputError(
      `The ${what} file ${path} is not valid JSON: ${detail}. Fix the JSON and try again.`,
      'not-json',
    );
  }
}

/**
 * Input the CLI cannot use (a missing file, text that is not JSON, a template that does not compile, a bad option).
 * The message is one line that says what is wrong, where, and what to do; the CLI prints it on stderr and exits 2.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

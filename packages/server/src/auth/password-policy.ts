/** What an administrator's password must be: long, and not obviously guessable. Returns the problem, or null. */
export const MIN_PASSWORD_LENGTH = 12;

export function passwordProblem(password: string, email: string): string | null {
  if (password.length === 0) {
    return 'No password was given. Set FORMWORK_ADMIN_PASSWORD, or pipe the password in on stdin.';
  }
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `The password is too short: it needs at least ${MIN_PASSWORD_LENGTH} characters (a few unrelated words work well).`;
  }
  if (new Set(password.toLowerCase()).size < 5) {
    return 'The password repeats too few characters to be hard to guess. Choose a longer mix, e.g. a few unrelated words.';
  }
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && password.toLowerCase().includes(local)) {
    return 'The password contains the email address, which makes it easy to guess. Choose one without it.';
  }
  return null;
}

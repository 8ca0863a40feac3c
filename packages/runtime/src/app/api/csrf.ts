/** The double-submit token the server set at login, read from the `fw_csrf` cookie. */
export function readCsrfToken(cookie: string): string | undefined {
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'fw_csrf') return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** Debian's Chromium, headless, quiet: no background traffic (only the npm registry is reachable here). */
export const chromiumArgs = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

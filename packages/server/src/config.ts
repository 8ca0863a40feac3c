/** Settings from the environment, with the defaults for one process on one machine. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Config {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  formsDir: string;
  staffAppDir: string;
  production: boolean;
  demo: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.FORMWORK_DATA_DIR ?? resolve(repoRoot, '.data')),
    formsDir: resolve(env.FORMWORK_FORMS_DIR ?? resolve(repoRoot, 'forms')),
    staffAppDir: resolve(env.FORMWORK_STAFF_APP_DIR ?? resolve(repoRoot, 'packages/runtime/dist')),
    production,
    demo: !production || env.FORMWORK_DEMO === '1',
  };
}

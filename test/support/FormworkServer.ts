import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './freePort.js';
import { artifactsDir, assertBuilt, repoRoot, serverMain } from './paths.js';

export interface FormworkServerOptions {
  /** Names the log file in test/artifacts/logs. */
  name: string;
  /** Extra environment for the server process. */
  env?: Record<string, string>;
  /** How long to wait for the server to answer (PGlite alone takes 4–12 s to start on 2 cores). */
  startTimeoutMs?: number;
}

/**
 * The real server (`node packages/server/dist/main.js`) as a child process on a free port, with its data in a
 * fresh temporary directory. It can be stopped and started again on the same port and data directory, which is
 * what "the server went down while someone was typing" means to the browser.
 */
export class FormworkServer {
  readonly name: string;
  readonly dataDir: string;
  readonly logFile: string;
  private port = 0;
  private child: ChildProcess | undefined;
  private log: WriteStream | undefined;
  private readonly env: Record<string, string>;
  private readonly startTimeoutMs: number;

  constructor(options: FormworkServerOptions) {
    assertBuilt();
    this.name = options.name;
    this.env = options.env ?? {};
    this.startTimeoutMs = options.startTimeoutMs ?? 90_000;
    this.dataDir = mkdtempSync(join(tmpdir(), `formwork-e2e-${options.name}-`));
    mkdirSync(join(artifactsDir, 'logs'), { recursive: true });
    this.logFile = join(artifactsDir, 'logs', `server-${options.name}.log`);
  }

  get url(): string {
    if (this.port === 0) throw new Error(`Server "${this.name}" has not been started yet.`);
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the server (on the same port and data directory as before, when restarting) and waits for it. */
  async start(): Promise<void> {
    if (this.running) throw new Error(`Server "${this.name}" is already running.`);
    if (this.port === 0) this.port = await freePort();
    this.log = createWriteStream(this.logFile, { flags: 'a' });
    this.log.write(`\n--- start ${new Date().toISOString()} port ${this.port} data ${this.dataDir}\n`);
    // PGlite in the fresh data dir, with demo data: whatever DATABASE_URL or NODE_ENV the run has (CI sets
    // DATABASE_URL for the server's own tests) must not point these servers at a shared database.
    const { DATABASE_URL: _db, NODE_ENV: _mode, ...inherited } = process.env;
    const child = spawn(process.execPath, [serverMain], {
      cwd: repoRoot,
      env: {
        ...inherited,
        HOST: '127.0.0.1',
        PORT: String(this.port),
        FORMWORK_DATA_DIR: this.dataDir,
        FORMWORK_DEMO: '1',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    liveChildren.add(child);
    child.once('exit', () => liveChildren.delete(child));
    await this.waitUntilAnswering(child);
  }

  /**
   * Stops the server. `SIGTERM` lets it shut down cleanly; `SIGKILL` is a crash. Resolves when the process has
   * exited, so the port is free for a restart.
   */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (child === undefined || !this.running) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
    this.log?.write(`--- stopped (${signal}) ${new Date().toISOString()}\n`);
  }

  async restart(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    await this.stop(signal);
    await this.start();
  }

  /** Stops the server and removes its data directory. */
  async dispose(): Promise<void> {
    await this.stop();
    this.log?.end();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** The last lines of the server's log, for error messages. */
  logTail(lines = 40): string {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  private async waitUntilAnswering(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + this.startTimeoutMs;
    // Any answer below 500 from the API means the server is up and its database is open: an anonymous
    // GET /api/session is 401 once the app is ready (a 503 while the database is still starting).
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `The server "${this.name}" exited while starting (code ${child.exitCode}, signal ${child.signalCode}). ` +
            `Its log (${this.logFile}) ends with:\n${this.logTail()}`,
        );
      }
      try {
        const res = await fetch(`${this.url}/api/session`, { signal: AbortSignal.timeout(5_000) });
        if (res.status < 500) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    await this.stop('SIGKILL');
    throw new Error(
      `The server "${this.name}" did not answer on ${this.url} within ${this.startTimeoutMs / 1000} s. ` +
        `Its log (${this.logFile}) ends with:\n${this.logTail()}`,
    );
  }
}

// A test run that dies (a failed hook, Ctrl-C) must not leave servers behind holding ports and data dirs.
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

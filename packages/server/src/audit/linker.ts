/**
 * Runs the linker (`link.ts`) for one process: right after each commit that may have added events (coalesced: at
 * most one run in flight and one pending; under load, runs are spaced so that the linker takes at most about a tenth
 * of the database's time), again shortly while events wait for an older transaction to finish, and on a slow
 * interval as a safety net (events left by a process that stopped, a run that failed).
 */
import type { Db } from '../db/database.js';
import { type LinkResult, linkPending } from './link.js';

export interface AuditLinkerOptions {
  /** The safety-net interval; default 1 s. */
  intervalMs?: number;
  /** While events wait for an older transaction; default 20 ms. */
  retryMs?: number;
  /**
   * Least time between the starts of two runs; default 10 ms. Under load a run links everything committed since
   * the last one, so this bounds the linker's own round trips (each run costs about six).
   */
  minGapMs?: number;
  /**
   * Under load, the time between the starts of two runs is at least this many times the last run's own duration;
   * default 9, so the linker takes at most about a tenth of the database's time and the saves the rest. On
   * PostgreSQL a run takes a few milliseconds (events chained within a few tens of them); on PGlite, whose one
   * embedded connection the linker shares with every save, a run takes 10-20 ms, so runs batch more saves (linking
   * after every save there roughly doubled a save's cost).
   */
  busyFactor?: number;
  log?: (message: string, error?: unknown) => void;
}

export class AuditLinker {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  private lastError = '';
  private retryDelay: number | undefined;
  private stopped = false;
  /** When the last run started (performance.now()) and how long it took, in ms. */
  private started = Number.NEGATIVE_INFINITY;
  private took = 0;

  constructor(
    private readonly db: Db,
    private readonly options: AuditLinkerOptions = {},
  ) {}

  /** Starts the safety-net interval (it does not keep the process alive). */
  start(): this {
    if (!this.timer) {
      this.stopped = false;
      this.timer = setInterval(() => this.poke(), this.options.intervalMs ?? 1000);
      this.timer.unref();
    }
    return this;
  }

  /** Asks for a run soon; returns at once. Calls while a run is in flight are folded into one more run. */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
  }

  /** Links everything that can be linked now (waits for a run in flight first). For verification and tests. */
  async flush(): Promise<LinkResult> {
    await this.running;
    return linkPending(this.db);
  }

  /** Stops the interval and waits for a run in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.retry);
    this.timer = undefined;
    await this.running;
  }

  private async loop(): Promise<void> {
    let waiting = 0;
    do {
      // The gap counts from the last run's start, also across loops: a poke after a quiet spell runs at once.
      // Never longer than the safety-net interval, so a slow run cannot hold chaining back for long.
      const least = Math.min(
        Math.max(this.options.minGapMs ?? 10, (this.options.busyFactor ?? 9) * this.took),
        this.options.intervalMs ?? 1000,
      );
      const gap = least - (performance.now() - this.started);
      if (gap > 0) await new Promise((r) => setTimeout(r, gap));
      this.started = performance.now();
      this.again = false;
      try {
        waiting = (await linkPending(this.db)).waiting;
        this.took = performance.now() - this.started;
        this.lastError = '';
      } catch (error) {
        // Logged once per distinct failure (a database outage must not flood the log); the interval retries.
        const message = error instanceof Error ? error.message : String(error);
        if (message !== this.lastError) this.options.log?.('audit linker failed; will retry', message);
        this.lastError = message;
        return;
      }
    } while (this.again && !this.stopped);
    if (waiting === 0) {
      this.retryDelay = undefined;
      return;
    }
    if (this.stopped || this.retry) return;
    // Back off while an old transaction stays open (up to the interval), rather than poll it every few ms.
    const first = this.options.retryMs ?? 20;
    this.retryDelay = Math.min(
      this.retryDelay === undefined ? first : this.retryDelay * 2,
      this.options.intervalMs ?? 1000,
    );
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.poke();
    }, this.retryDelay);
    this.retry.unref();
  }
}

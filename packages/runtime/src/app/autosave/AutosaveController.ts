import type { ApiError } from '../api/ApiError.js';
import type { FormRecord, Json } from '../api/types.js';
import { clearLocalCopy, type LocalCopy, writeLocalCopy } from './localCopy.js';
import {
  applyResolutions,
  type IsTextField,
  jsonEqual,
  type MergeResult,
  mergeThreeWay,
  type Resolution,
} from './merge.js';
import { classifySaveFailure, retryDelay } from './retry.js';

export type SaveState =
  /** Nothing typed since the page opened; `at` is when the server last stored the record. */
  | { kind: 'idle'; at: string }
  /** Changes are waiting for the next save (a few seconds). */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  /** The network or server is down: the answers are on this device (unless `keptLocally` is false). */
  | { kind: 'retrying'; attempt: number }
  /** Another device saved first: both versions, merged field by field, wait for the person to check them. */
  | { kind: 'conflict'; merge: MergeResult; theirs: FormRecord }
  | { kind: 'signed-out' }
  | { kind: 'refused'; message: string };

export interface AutosaveStatus {
  state: SaveState;
  /** False when this device refused to keep a copy (private browsing, storage full). */
  keptLocally: boolean;
}

export interface AutosaveDeps {
  recordId: string;
  save: (data: Json, revision: number, options: { keepalive: boolean }) => Promise<{ record: FormRecord }>;
  storage: Storage;
  now: () => Date;
  /** Runs `fn` after `ms`; returns a cancel function. Injected so that tests control time. */
  schedule: (fn: () => void, ms: number) => () => void;
  random?: () => number;
  /** How long after a change the answers are sent. */
  intervalMs?: number;
  /** Which fields are free text (joined when both versions are kept). */
  isText?: IsTextField;
}

/**
 * Keeps one record's answers safe: every change goes to this device's storage at once and to the server a few
 * seconds later (and on demand), with `If-Match` on the revision it is based on. Failures are kept and retried;
 * a 412 becomes a field-by-field merge for the person to check. Framework-free: the React hook only wires it up.
 */
export class AutosaveController {
  private readonly deps: Required<AutosaveDeps>;
  private status: AutosaveStatus;
  private readonly listeners = new Set<() => void>();
  private data: Json;
  private revision: number;
  private baseData: Json;
  private dirty = false;
  private inFlight: Promise<boolean> | null = null;
  private cancelTimer: (() => void) | null = null;
  private attempt = 0;
  /** Not running until `start()`: React may build a controller and throw it away (StrictMode). */
  private running = false;

  constructor(deps: AutosaveDeps, record: FormRecord, local: LocalCopy | null) {
    this.deps = { random: Math.random, intervalMs: 5_000, isText: () => true, ...deps };
    this.revision = record.revision;
    this.baseData = record.data;
    this.data = record.data;
    this.status = { state: { kind: 'idle', at: record.updatedAt }, keptLocally: true };
    if (local && !jsonEqual(local.data, record.data)) {
      // The device has answers the server may not: they win, based on the revision they started from, so
      // that a save from another device in between surfaces as a conflict instead of being overwritten.
      this.data = local.data;
      this.revision = local.baseRevision;
      this.baseData = local.baseData;
      this.dirty = true;
      this.setState({ kind: 'pending' });
    } else if (local) {
      clearLocalCopy(this.deps.storage, this.deps.recordId);
    }
  }

  /** The answers to show: this device's copy when it is ahead of the server. */
  get currentData(): Json {
    return this.data;
  }

  getStatus = (): AutosaveStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  change(data: Json): void {
    // The form reports its data on mount and on focus changes too: only a real difference is a change.
    if (jsonEqual(data, this.data)) return;
    this.data = data;
    this.dirty = true;
    this.keepLocally();
    const kind = this.status.state.kind;
    if (kind === 'conflict') {
      // Keep the comparison current: whatever is typed meanwhile is part of "mine".
      const theirs = (this.status.state as Extract<SaveState, { kind: 'conflict' }>).theirs;
      this.setState({
        kind: 'conflict',
        merge: mergeThreeWay(this.baseData, this.data, theirs.data),
        theirs,
      });
      return;
    }
    if (kind === 'signed-out' || kind === 'refused' || kind === 'retrying') return;
    if (kind !== 'saving') this.setState({ kind: 'pending' });
    if (!this.cancelTimer && !this.inFlight) this.scheduleSave(this.deps.intervalMs);
  }

  /**
   * Sends the answers now. Resolves true when the server has everything typed so far. `keepalive` lets the
   * request finish after the page is gone (pagehide).
   */
  flush(options: { keepalive?: boolean } = {}): Promise<boolean> {
    if (this.inFlight) {
      // One save at a time: two in flight with the same If-Match would conflict with each other.
      return this.inFlight.then(() =>
        this.dirty && this.status.state.kind === 'pending' ? this.flush(options) : !this.dirty,
      );
    }
    if (!this.dirty) return Promise.resolve(true);
    const kind = this.status.state.kind;
    if (kind === 'conflict' || kind === 'refused') return Promise.resolve(false);
    this.clearTimer();
    this.inFlight = this.send(options.keepalive ?? false).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** The connection is back (or the person pressed "Try again"): retry at once. */
  retryNow(): void {
    const kind = this.status.state.kind;
    if (kind === 'retrying' || kind === 'signed-out' || kind === 'pending') void this.flush();
  }

  /**
   * The person has checked both versions: save the merged answers on top of the other device's revision.
   * Returns the data the form should now show.
   */
  resolveConflict(choices: Readonly<Record<string, Resolution>>): Json {
    const state = this.status.state;
    if (state.kind !== 'conflict') return this.data;
    const merge = mergeThreeWay(this.baseData, this.data, state.theirs.data);
    const resolved = applyResolutions(merge, choices, this.deps.isText) ?? {};
    this.revision = state.theirs.revision;
    this.baseData = state.theirs.data;
    this.data = resolved;
    this.dirty = true;
    this.keepLocally();
    this.setState({ kind: 'pending' });
    void this.flush();
    return resolved;
  }

  /** Begins saving: at once when this device has answers the server does not. */
  start(): void {
    this.running = true;
    if (this.dirty && !this.inFlight && this.status.state.kind === 'pending') this.scheduleSave(0);
  }

  /** Stops the timers (the page is going away); a last save of anything unsent is still sent. */
  stop(): void {
    this.running = false;
    this.clearTimer();
    if (this.dirty && !this.inFlight && this.status.state.kind !== 'conflict') void this.flush();
  }

  private async send(keepalive: boolean): Promise<boolean> {
    const sent = this.data;
    this.setState({ kind: 'saving' });
    try {
      const { record } = await this.deps.save(sent, this.revision, { keepalive });
      this.attempt = 0;
      this.revision = record.revision;
      // The server's copy is the base for any later merge (it may have dropped answers to hidden questions).
      this.baseData = record.data ?? sent;
      if (this.data === sent) {
        this.dirty = false;
        clearLocalCopy(this.deps.storage, this.deps.recordId);
        this.setState({ kind: 'saved', at: record.updatedAt || this.deps.now().toISOString() });
        return true;
      }
      // Typed while saving: keep the new base with the copy and go again shortly.
      this.keepLocally();
      this.setState({ kind: 'pending' });
      this.scheduleSave(this.deps.intervalMs);
      return false;
    } catch (error) {
      this.onFailure(error);
      return false;
    }
  }

  private onFailure(error: unknown): void {
    const failure = classifySaveFailure(error);
    if (failure === 'conflict') {
      const theirs = (error as ApiError).body?.current;
      if (theirs) {
        this.setState({
          kind: 'conflict',
          merge: mergeThreeWay(this.baseData, this.data, theirs.data),
          theirs,
        });
        return;
      }
      this.setState({
        kind: 'refused',
        message:
          'Someone saved this record on another device. Your answers are kept on this device: reload the page to compare the two versions.',
      });
      return;
    }
    if (failure === 'signed-out') {
      this.setState({ kind: 'signed-out' });
      return;
    }
    if (failure === 'refused') {
      this.setState({ kind: 'refused', message: (error as Error).message });
      return;
    }
    this.attempt += 1;
    this.setState({ kind: 'retrying', attempt: this.attempt });
    this.scheduleSave(retryDelay(this.attempt, this.deps.random()));
  }

  private keepLocally(): void {
    const kept = writeLocalCopy(this.deps.storage, {
      recordId: this.deps.recordId,
      data: this.data,
      baseRevision: this.revision,
      baseData: this.baseData,
      changedAt: this.deps.now().toISOString(),
    });
    if (kept !== this.status.keptLocally) {
      this.status = { ...this.status, keptLocally: kept };
      this.emit();
    }
  }

  private scheduleSave(ms: number): void {
    this.clearTimer();
    if (!this.running) return;
    this.cancelTimer = this.deps.schedule(() => {
      this.cancelTimer = null;
      void this.flush();
    }, ms);
  }

  private clearTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private setState(state: SaveState): void {
    this.status = { ...this.status, state };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

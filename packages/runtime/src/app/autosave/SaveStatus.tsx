import { formatClock } from '../format/time.js';
import type { AutosaveStatus } from './AutosaveController.js';

export interface SaveStatusProps {
  status: AutosaveStatus;
  onRetry?: () => void;
  /** Shows the sign-in page; this page's answers stay on the device and are sent once signed in. */
  onSignIn?: () => void;
}

const NOT_SAVED_KEPT = "Not saved yet — we'll keep trying. Your answers are kept on this device.";
const NOT_SAVED_NOT_KEPT =
  "Not saved yet — we'll keep trying. Please keep this page open: this device could not keep a copy of your answers.";

/** The save state in plain words. A live region, so screen reader users hear when saving stops working. */
export function SaveStatus({ status, onRetry, onSignIn }: SaveStatusProps) {
  const { state, keptLocally } = status;
  let text: string;
  let tone: 'quiet' | 'warning' = 'quiet';
  let retry = false;
  let signIn = false;
  switch (state.kind) {
    case 'idle':
      // "Last saved": nothing has been typed on this page yet, so "Saved" would claim a save that did not happen.
      text = formatClock(state.at) ? `Last saved at ${formatClock(state.at)}` : 'No changes yet';
      break;
    case 'pending':
    case 'saving':
      text = 'Saving…';
      break;
    case 'saved':
      text = `Saved at ${formatClock(state.at)}`;
      break;
    case 'retrying':
      text = keptLocally ? NOT_SAVED_KEPT : NOT_SAVED_NOT_KEPT;
      tone = 'warning';
      retry = true;
      break;
    case 'conflict':
      text =
        'Not saved yet — someone saved this record on another device. Please check the two versions below.';
      tone = 'warning';
      break;
    case 'signed-out':
      text = keptLocally
        ? 'Not saved yet — you have been signed out. Your answers are kept on this device: sign in again to save them.'
        : 'Not saved yet — you have been signed out. Please sign in again in a new tab, then try again here.';
      tone = 'warning';
      // With a copy on the device, signing in here is safe; without one, this page must stay open.
      signIn = keptLocally;
      retry = !keptLocally;
      break;
    case 'refused':
      text = `Not saved. ${state.message}`;
      tone = 'warning';
      break;
  }
  return (
    <div className={`fwa-save-status fwa-save-status--${tone}`}>
      <p className="fwa-save-status__text" role="status" aria-live="polite" aria-atomic="true">
        {text}
      </p>
      {signIn && onSignIn ? (
        <button
          type="button"
          className="fwa-button fwa-button--secondary fwa-button--small"
          onClick={onSignIn}
        >
          Sign in again
        </button>
      ) : null}
      {retry && onRetry ? (
        <button
          type="button"
          className="fwa-button fwa-button--secondary fwa-button--small"
          onClick={onRetry}
        >
          Try again now
        </button>
      ) : null}
    </div>
  );
}

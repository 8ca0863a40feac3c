import { Component, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

/**
 * A page that cannot be shown, most often because its code could not be downloaded (the connection dropped
 * between pages), says so plainly and offers to try again, instead of leaving a blank screen. Reloading loses
 * nothing: a record's answers are kept on this device as they are typed. Keyed by the address, so another page
 * starts afresh.
 */
export class PageProblemBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="fwa-notice fwa-notice--warning" role="alert">
        <p className="fwa-body">
          This page could not be shown. Check the connection, then try again. Anything you typed is kept on
          this device.
        </p>
        <button
          type="button"
          className="fwa-button fwa-button--secondary"
          onClick={() => window.location.reload()}
        >
          Try again
        </button>
      </div>
    );
  }
}

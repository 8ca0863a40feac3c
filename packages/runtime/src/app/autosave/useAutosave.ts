import { useEffect, useState, useSyncExternalStore } from 'react';
import { api } from '../api/client.js';
import type { FormRecord } from '../api/types.js';
import { AutosaveController } from './AutosaveController.js';
import { readLocalCopy } from './localCopy.js';
import type { IsTextField } from './merge.js';

function browserSchedule(fn: () => void, ms: number): () => void {
  const id = window.setTimeout(fn, ms);
  return () => window.clearTimeout(id);
}

/**
 * Wires an AutosaveController to the page: saves when the page is hidden or closed (the request outlives the
 * page), and retries as soon as the browser says it is back online.
 */
export function useAutosave(record: FormRecord, isText: IsTextField) {
  const [controller] = useState(
    () =>
      new AutosaveController(
        {
          recordId: record.id,
          save: (data, revision, options) => api.saveData(record.id, data, revision, options),
          storage: window.localStorage,
          now: () => new Date(),
          schedule: browserSchedule,
          isText,
        },
        record,
        readLocalCopy(window.localStorage, record.id),
      ),
  );

  useEffect(() => {
    controller.start();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void controller.flush({ keepalive: true });
    };
    const onPageHide = () => void controller.flush({ keepalive: true });
    const onOnline = () => controller.retryNow();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('online', onOnline);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('online', onOnline);
      // Leaving the page inside the app: send what is left, then stop.
      controller.stop();
    };
  }, [controller]);

  return controller;
}

/** The save state, for the few components that show it (the form itself does not re-render on a save). */
export function useAutosaveStatus(controller: AutosaveController) {
  return useSyncExternalStore(controller.subscribe, controller.getStatus, controller.getStatus);
}

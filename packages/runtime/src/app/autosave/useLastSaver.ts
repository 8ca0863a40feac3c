import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { UserRef } from '../api/types.js';
import { lastSaver } from './lastSaver.js';

/**
 * Who saved the newer version a conflict is about. The page's history was read before that save, so it is read
 * again once, when the conflict appears. Best effort: while it loads, or if it cannot be read, undefined (the
 * panel then says "Someone"), never an error in the way of resolving the conflict.
 */
export function useLastSaver(recordId: string, revision: number | undefined): UserRef | undefined {
  const [found, setFound] = useState<{ revision: number; by: UserRef } | undefined>();
  useEffect(() => {
    if (revision === undefined) return;
    let live = true;
    api.getRecord(recordId).then(
      ({ history }) => {
        const by = lastSaver(history, revision);
        if (live && by) setFound({ revision, by });
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [recordId, revision]);
  return found && found.revision === revision ? found.by : undefined;
}

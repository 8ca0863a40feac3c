import { useCallback, useEffect, useRef } from 'react';

/** Events that start a press. `mousedown` as well as `pointerdown`: after a tap, the browser sends its mouse events
 * (and moves the focus, so the blur) only once the finger has been lifted. */
const PRESS = ['pointerdown', 'mousedown'] as const;
/** Events that end one; the click itself follows in the same task, so the work runs in a task after it. */
const RELEASE = ['pointerup', 'mouseup', 'pointercancel', 'dragend'] as const;

/**
 * Runs work that changes the page around the control someone is using (a message appearing or going, which moves
 * everything below it) now, or, while a mouse button or finger is down, just after it is released.
 *
 * Why: pressing a radio moves the focus, and leaving the previous question may add or remove its message. If that
 * happens between the press and the release, the radio has moved by the time the button comes up, the click lands
 * on whatever is there now, and the answer is lost. Holding the work until after the click keeps the control where
 * the person pressed it. Only the latest work is kept: each one brings the whole page up to date.
 */
export function useAfterPress(): (work: () => void) => void {
  const pressed = useRef(false);
  const pending = useRef<(() => void) | undefined>(undefined);
  const releaseTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const press = () => {
      clearTimeout(releaseTimer.current);
      pressed.current = true;
    };
    const runPending = () => {
      pressed.current = false;
      const work = pending.current;
      pending.current = undefined;
      work?.();
    };
    const release = () => {
      clearTimeout(releaseTimer.current);
      releaseTimer.current = setTimeout(runPending, 0);
    };
    for (const type of PRESS) document.addEventListener(type, press, true);
    for (const type of RELEASE) document.addEventListener(type, release, true);
    return () => {
      for (const type of PRESS) document.removeEventListener(type, press, true);
      for (const type of RELEASE) document.removeEventListener(type, release, true);
      clearTimeout(releaseTimer.current);
      pending.current = undefined;
    };
  }, []);

  return useCallback((work: () => void) => {
    if (pressed.current) pending.current = work;
    else work();
  }, []);
}

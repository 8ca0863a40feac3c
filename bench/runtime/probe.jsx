// Timing marks shared by both pages (same method as ../shared/bench-baseline):
//   script-start    first statement of every emitted chunk (vite banner)
//   mount-start     before createRoot().render()
//   form-committed  layout effect of a sibling rendered after the form (its DOM is in the document)
//   form-painted    first task after the next animation frame following that commit
import { useLayoutEffect } from 'react';

export function FirstCommitProbe({ root }) {
  useLayoutEffect(() => {
    performance.mark('form-committed');
    window.__firstCommit = { controls: root.querySelectorAll('input,select,textarea').length };
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        performance.mark('form-painted');
        window.__ready = true;
      };
      ch.port2.postMessage(null);
    });
  }, [root]);
  return null;
}

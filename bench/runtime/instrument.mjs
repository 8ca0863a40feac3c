// In-page instrumentation, installed before any page script (the method of ../shared/bench-baseline/browser):
// keystroke → first task after the next animation frame; click → conditional field in DOM → next frame.
export function instrument() {
  const B = { keys: [], cur: null, waiters: [], events: [], longtasks: [], reveal: null };
  window.__bench = B;
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries())
        B.events.push({ name: e.name, start: e.startTime, duration: e.duration, id: e.interactionId });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {
    B.noEventTiming = true;
  }
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) B.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    B.noLongTask = true;
  }
  const post = (prio, fn) =>
    window.scheduler?.postTask ? scheduler.postTask(fn, { priority: prio }) : setTimeout(fn, 0);
  const afterNextFrame = (cb) =>
    requestAnimationFrame(() => {
      const raf = performance.now();
      post('user-blocking', () => {
        const after = performance.now();
        post('background', () => cb(raf, after, performance.now()));
      });
    });
  addEventListener(
    'keydown',
    (e) => {
      B.cur = { evTs: e.timeStamp, keydown: performance.now() };
    },
    true,
  );
  addEventListener(
    'input',
    () => {
      if (B.cur) B.cur.inStart = performance.now();
    },
    true,
  );
  addEventListener(
    'input',
    () => {
      const c = B.cur;
      if (!c) return;
      c.inEnd = performance.now();
      afterNextFrame((raf, after, settled) => {
        c.raf = raf;
        c.after = after;
        c.settled = settled;
        B.keys.push(c);
        B.cur = null;
        for (const f of B.waiters.splice(0)) f();
      });
    },
    false,
  );
  window.__waitKeys = (n) =>
    new Promise((res) => {
      const chk = () => (B.keys.length >= n ? res(B.keys.length) : B.waiters.push(chk));
      chk();
    });
  addEventListener(
    'click',
    (e) => {
      if (B.reveal && B.reveal.evTs == null) {
        B.reveal.evTs = e.timeStamp;
        B.reveal.click = performance.now();
      }
    },
    true,
  );
  window.__armReveal = (selector, wantPresent) => {
    const r = { evTs: null };
    B.reveal = r;
    window.__revealDone = new Promise((res) => {
      const ok = () => !!document.querySelector(selector) === wantPresent;
      const mo = new MutationObserver(() => {
        if (!ok()) return;
        mo.disconnect();
        r.dom = performance.now();
        afterNextFrame((raf, after, settled) => {
          r.raf = raf;
          r.after = after;
          r.settled = settled;
          res(r);
        });
      });
      mo.observe(document.body, { childList: true, subtree: true, attributes: true });
    });
  };
}

// Formwork's renderer on the large template: the template document and the record are fetched as JSON and the
// precompiled validator is imported from the same origin (as the staff app does), under `script-src 'self'`.
import { createRoot } from 'react-dom/client';
import { FormworkForm, loadCompiled } from '../../packages/runtime/src/renderer/index.ts';
import { FirstCommitProbe } from './probe.jsx';

const validatorUrl = new URL('./validator.js', location.href).href;

// Not top-level await: a bundler keeps modules a lazily loaded chunk shares with the page out of a page chunk that
// awaits at its top level (the staff app's chunks do not), which would make this page's bundle unlike the app's.
async function main() {
  // Everything the form needs is requested at once; loadCompiled's own import() then finds the module loaded.
  const [template, draft] = await Promise.all([
    fetch('./template.json').then((r) => r.json()),
    fetch('./large.draft.json').then((r) => r.json()),
    import(/* @vite-ignore */ validatorUrl),
  ]);
  const compiled = await loadCompiled(template, validatorUrl);
  const el = document.getElementById('root');
  performance.mark('mount-start');
  createRoot(el).render(
    <>
      <FormworkForm
        compiled={compiled}
        data={draft}
        onChange={(data) => {
          window.__lastChange = data;
        }}
        nextStage="review"
        onProceed={() => {}}
        now={() => '2026-11-22T12:00:00.000Z'}
      />
      <FirstCommitProbe root={el} />
    </>,
  );
}
main();

import { lazyPart } from '../../renderer/registry/lazyPart.js';

// Panels the record pages show only after something happens, downloaded then rather than with the page: the
// conflict panel (only when another device saved first: a 412), and the sign-off form (only when someone moves a
// record into a stage that needs one). If the download fails they say so where they would have been, with "try
// again"; the form and the autosave stay as they were (they are in the page's own chunk), so nothing typed is lost.

export const ConflictPanel = lazyPart(
  () => import('../autosave/ConflictPanel.js').then((m) => m.ConflictPanel),
  {
    loading: 'Another device saved this record too. Loading the choices…',
    failed:
      'Another device saved this record too, and the choices could not be loaded. Your answers are kept on this device. Check the connection, then',
  },
);

export const SignOffForm = lazyPart(() => import('./SignOffForm.js').then((m) => m.SignOffForm), {
  loading: 'Loading the sign-off…',
  failed: 'The sign-off could not be loaded. Your answers are saved. Check the connection, then',
});

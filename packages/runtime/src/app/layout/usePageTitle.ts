import { useEffect } from 'react';

/** Each page has its own title, so that screen readers, tabs and history say where the person is. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Formwork`;
  }, [title]);
}

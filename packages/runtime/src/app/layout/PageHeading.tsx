import { type ReactNode, useEffect, useRef } from 'react';
import { usePageTitle } from './usePageTitle.js';

export interface PageHeadingProps {
  children: ReactNode;
  /** The document title; defaults to the heading's text when it is a string. */
  title?: string;
  caption?: string;
}

/**
 * The page's one h1. It takes focus when the page opens, so that after a move within the app keyboard and
 * screen reader users start at the top of the new page, as they would after a full page load.
 */
export function PageHeading({ children, title, caption }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  usePageTitle(title ?? (typeof children === 'string' ? children : 'Formwork'));
  useEffect(() => {
    // Only after an in-app move: on first load the browser starts at the top anyway.
    if (document.body.dataset.fwNavigated === 'true') ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <>
      {caption ? <p className="fwa-caption">{caption}</p> : null}
      <h1 className="fwa-h1" ref={ref} tabIndex={-1}>
        {children}
      </h1>
    </>
  );
}

import { type ReactNode, useEffect, useRef } from 'react';
import { Link } from '../router/Link.js';
import { usePageTitle } from './usePageTitle.js';

export interface PageHeadingProps {
  children: ReactNode;
  /** The document title; defaults to the heading's text when it is a string. */
  title?: string;
  caption?: string;
  /** A link back to the home page above the heading (pages reached from home). */
  backHome?: boolean;
}

/**
 * The page's one h1. It takes focus when the page opens, so that after a move within the app keyboard and
 * screen reader users start at the top of the new page, as they would after a full page load.
 */
export function PageHeading({ children, title, caption, backHome }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  usePageTitle(title ?? (typeof children === 'string' ? children : 'Formwork'));
  useEffect(() => {
    // Only after an in-app move: on first load the browser starts at the top anyway.
    if (document.body.dataset.fwNavigated === 'true') ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <>
      {backHome ? (
        <Link className="fwa-back-link" to="/">
          Home
        </Link>
      ) : null}
      {caption ? <p className="fwa-caption">{caption}</p> : null}
      <h1 className="fwa-h1" ref={ref} tabIndex={-1}>
        {children}
      </h1>
    </>
  );
}

import { useEffect, useRef, type ReactNode } from 'react';

let firstPageShown = false;

interface PageProps {
  title: string;
  /** Words under the heading. */
  intro?: ReactNode;
  children: ReactNode;
  width?: 'narrow' | 'wide';
}

/**
 * One page: sets the document title and, after client-side navigation, moves focus to the
 * heading so that screen-reader and keyboard users start at the new content.
 */
export function Page({ title, intro, children, width = 'wide' }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Alany`;
  }, [title]);
  useEffect(() => {
    if (firstPageShown) heading.current?.focus();
    firstPageShown = true;
  }, []);
  return (
    <div className={`page page--${width}`}>
      <h1 className="page__title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {intro && <p className="page__intro">{intro}</p>}
      {children}
    </div>
  );
}

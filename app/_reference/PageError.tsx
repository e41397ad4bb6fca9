'use client';
/**
 * Fallback for a reference page whose data could not be read (usually the
 * store is unreachable). Says what happened without leaking details; "Try
 * again" re-renders the segment, or reloads the page without JavaScript.
 */
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export function PageError({ retry }: { retry: () => void }) {
  const pathname = usePathname() ?? '/';
  return (
    <div className="status-page" role="alert">
      <p className="status-code">Error</p>
      <h1>This page could not be loaded</h1>
      <p className="muted">The graph could not be read just now. The store may be restarting or unreachable; try again in a moment.</p>
      <p className="page-actions">
        <a
          className="button button-primary"
          href={pathname}
          onClick={(event) => {
            // With JavaScript, re-render in place; without it, the link reloads the page.
            event.preventDefault();
            retry();
          }}
        >
          Try again
        </a>
        <Link className="button" href="/">
          Open the explorer
        </Link>
      </p>
    </div>
  );
}

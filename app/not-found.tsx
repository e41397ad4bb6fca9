import Link from 'next/link';

export const metadata = { title: 'Not found' };

/** 404 for unknown routes and for notFound() from any page (e.g. an unknown actor id). */
export default function NotFound() {
  return (
    <div className="status-page">
      <p className="status-code">404</p>
      <h1>Nothing here</h1>
      <p className="muted">
        No actor, source or page matches this address. It may have been merged, renamed or deleted.
      </p>
      <p className="page-actions">
        <Link className="button button-primary" href="/">
          Open the explorer
        </Link>
        <Link className="button" href="/sources">
          Browse sources
        </Link>
      </p>
    </div>
  );
}

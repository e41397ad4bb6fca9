/**
 * HTTP caching of reads. A GET answer is a function of the store's version
 * (store-version.ts, read from the store), the request's URL (query,
 * variables, operation name), whether an admin asks, the media type and this
 * build's schema; its ETag is derived from exactly those. So:
 * - `If-None-Match` with the current tag gets 304 after one read of the store
 *   version, with nothing parsed or executed;
 * - any logged write, through this process or another one on the same store,
 *   changes every tag, so no replica confirms an answer another one's write
 *   made stale.
 * `Cache-Control: no-cache` lets browsers and proxies keep an answer but makes
 * them revalidate it on every use (a write can change it at any moment);
 * admin answers are also `private`. Only 200 answers without errors get a tag:
 * an error (an outage, a missing record that may be created next) is never
 * confirmed later. POST answers stay `no-store`: HTTP caches do not reuse them.
 */
import { createHash } from 'node:crypto';
import type { StoreVersion } from './store-version';

export const READ_CACHE_CONTROL = 'no-cache';
export const ADMIN_READ_CACHE_CONTROL = 'private, no-cache';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64url');

/** What, besides the store's version, decides a GET answer. */
export interface ReadRequest {
  /** The URL's query string: the operation and its variables. */
  search: string;
  admin: boolean;
  /** The Accept header, which picks the response's media type. */
  accept: string;
}

/** The ETags of answers under one schema: its digest is taken once, not per request. */
export function readEtags(schemaText: string): (version: StoreVersion, request: ReadRequest) => string {
  const schema = digest(schemaText);
  return (version, request) => {
    const parts = [schema, version.origin, version.count, request.admin ? 'admin' : 'anonymous', request.accept, request.search];
    return `W/"${version.count}-${digest(parts.join('\n')).slice(0, 22)}"`;
  };
}

/** The ETag of the answer to `request` at store version `version`. */
export function readEtag(version: StoreVersion, schemaText: string, request: ReadRequest): string {
  return readEtags(schemaText)(version, request);
}

/** Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for If-None-Match). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

/** The caching headers of a GET answer that may be reused after revalidation. */
export function readCacheHeaders(etag: string, admin: boolean): Record<string, string> {
  return { etag, 'cache-control': admin ? ADMIN_READ_CACHE_CONTROL : READ_CACHE_CONTROL, vary: 'Accept, Authorization' };
}

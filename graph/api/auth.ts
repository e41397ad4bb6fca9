/**
 * Who may write: a request carrying `Authorization: Bearer <token>` equal to
 * STEPPE_ADMIN_TOKEN. Tokens are compared as SHA-256 digests with
 * crypto.timingSafeEqual, so the comparison takes the same time whatever the
 * token's length or content.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { ForbiddenError, UnauthenticatedError } from '../core/errors';

/** What the request's credentials allow. */
export type AuthStatus =
  /** The bearer token matches the admin token. */
  | 'ADMIN'
  /** No Authorization header. */
  | 'ANONYMOUS'
  /** An Authorization header that is not the admin bearer token. */
  | 'INVALID_TOKEN'
  /** The server has no admin token: nobody may write. */
  | 'READ_ONLY_SERVER';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function tokensMatch(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** Reads the Authorization header against the configured admin token. */
export function authenticate(authorization: string | null | undefined, adminToken: string | undefined): AuthStatus {
  if (!adminToken) return 'READ_ONLY_SERVER';
  if (authorization === null || authorization === undefined || authorization.trim() === '') return 'ANONYMOUS';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return m && tokensMatch(m[1], adminToken) ? 'ADMIN' : 'INVALID_TOKEN';
}

/** Throws unless the request may write: FORBIDDEN on a read-only server, UNAUTHENTICATED without the right token. */
export function assertMayWrite(status: AuthStatus): void {
  switch (status) {
    case 'ADMIN':
      return;
    case 'READ_ONLY_SERVER':
      throw new ForbiddenError('This Steppe API is read-only: the server has no STEPPE_ADMIN_TOKEN configured, so mutations are disabled.');
    case 'ANONYMOUS':
      throw new UnauthenticatedError('Mutations need an "Authorization: Bearer <token>" header carrying the admin token.');
    case 'INVALID_TOKEN':
      throw new UnauthenticatedError('The Authorization header does not carry the admin bearer token.');
  }
}

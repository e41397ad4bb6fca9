/**
 * Who may write: a request carrying `Authorization: Bearer <token>` equal to
 * STEPPE_ADMIN_TOKEN or one of the named STEPPE_ADMIN_TOKENS. Tokens are compared as SHA-256 digests with
 * crypto.timingSafeEqual, so the comparison takes the same time whatever the
 * token's length or content.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AdminToken, SteppeConfig } from '../config';
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

/** Every admin token the server accepts; the single STEPPE_ADMIN_TOKEN writes as "api". */
export function adminTokensOf(config: Pick<SteppeConfig, 'adminToken' | 'adminTokens'>): AdminToken[] {
  return [...(config.adminToken ? [{ name: 'api', token: config.adminToken }] : []), ...(config.adminTokens ?? [])];
}

/** Reads the Authorization header against the admin tokens: the status, and for an admin the token's name. */
export function authenticateAs(authorization: string | null | undefined, tokens: readonly AdminToken[]): { status: AuthStatus; name: string | null } {
  if (!tokens.length) return { status: 'READ_ONLY_SERVER', name: null };
  if (authorization === null || authorization === undefined || authorization.trim() === '') return { status: 'ANONYMOUS', name: null };
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  let name: string | null = null;
  // Every token is compared, so the time taken does not tell which one (if any) matched.
  for (const t of tokens) if (m && tokensMatch(m[1], t.token) && name === null) name = t.name;
  return name === null ? { status: 'INVALID_TOKEN', name: null } : { status: 'ADMIN', name };
}

/** Reads the Authorization header against one admin token. */
export function authenticate(authorization: string | null | undefined, adminToken: string | undefined): AuthStatus {
  return authenticateAs(authorization, adminToken ? [{ name: 'api', token: adminToken }] : []).status;
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

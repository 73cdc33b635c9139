import type { FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './token.service.js';

/** The bearer token of an `Authorization: Bearer …` header, if any. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

/** The staff session token from its signed cookie, if the cookie is present and its signature holds. */
export function sessionToken(request: FastifyRequest): string | undefined {
  const raw = request.cookies?.[SESSION_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid ? (unsigned.value ?? undefined) : undefined;
}

/**
 * True when the request would be authenticated by the browser's session cookie: a browser attaches that cookie on its
 * own, also to requests another site makes it send, so such requests must prove they came from our own pages.
 * A bearer token is never sent by a browser on its own, so bearer requests need no such proof.
 */
export const authenticatesByCookie = (request: FastifyRequest) => bearerToken(request) === undefined && request.cookies?.[SESSION_COOKIE] !== undefined;

/**
 * What a CSRF token is bound to: the staff session cookie when there is one, so a token made for one session (an
 * attacker's own, say) is worthless in another; anonymous visitors share one binding.
 */
export const csrfBinding = (request: FastifyRequest): string => {
  const session = request.cookies?.[SESSION_COOKIE];
  return session ? `session:${session}` : 'anonymous';
};

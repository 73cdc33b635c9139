import type { FastifyRequest } from 'fastify';
import { authenticatesByCookie } from '../auth/request-credentials.js';

const CHANGES_STATE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const isJson = (request: FastifyRequest) => (request.headers['content-type'] ?? '').startsWith('application/json');

/**
 * Which requests must carry a CSRF token: every request that the staff session cookie would authenticate and that
 * changes something, API or page; and every page form post (the public forms too). JSON posts from anonymous clients
 * need none: a browser cannot send JSON to another origin without a CORS preflight, which this service never grants.
 */
export function needsCsrfToken(request: FastifyRequest): boolean {
  if (!CHANGES_STATE.has(request.method)) return false;
  if (authenticatesByCookie(request)) return true;
  return !request.url.startsWith('/api/') && !isJson(request);
}

/**
 * A reason to refuse a request the session cookie would authenticate because another site made the browser send it,
 * or null. `Sec-Fetch-Site` (sent by every current browser) must say the request came from our own origin or from the
 * person (a typed address, a bookmark); an `Origin` header must be ours. API reads are checked as well as changes, so a
 * link on another site cannot make a signed-in auditor's browser run (and log) an export. Pages may be linked to.
 */
export function crossSiteRefusal(request: FastifyRequest): string | null {
  if (!authenticatesByCookie(request)) return null;
  if (!request.url.startsWith('/api/') && !CHANGES_STATE.has(request.method)) return null;
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `a ${site} request`;
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== ownOrigin(request)) return `a request from ${origin === 'null' ? 'an opaque origin' : 'another origin'}`;
  return null;
}

/** This service's origin as the browser sees it (behind a proxy, from X-Forwarded-* when TRUST_PROXY is set). */
const ownOrigin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

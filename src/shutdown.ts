/** How long a draining process may take before it exits anyway. */
export const SHUTDOWN_GRACE_MS = 30_000;

/** What a cluster primary sends its API processes on SIGTERM or SIGINT. */
export const DRAIN_MESSAGE = 'pcc-triage:drain';

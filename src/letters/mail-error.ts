/**
 * A failed email in words that name nobody. A mail server's reply often quotes the recipient ("550 5.1.1
 * <name@example.org>: Recipient address rejected"), so the reply itself is kept only on the letter (`send_error`,
 * which erasure empties); logs and the queue's record of the failed job (kept in Redis for days, out of erasure's
 * reach) get nodemailer's codes: its error code, the server's reply code and the SMTP command it answered.
 */
export function mailErrorCodes(error: unknown): string {
  const { code, responseCode, command } = (error ?? {}) as { code?: unknown; responseCode?: unknown; command?: unknown };
  const parts = [
    typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : null,
    typeof responseCode === 'number' ? String(responseCode) : null,
    typeof command === 'string' && /^[A-Z ]{1,20}$/.test(command) ? `at ${command}` : null,
  ].filter((part): part is string => !!part);
  return parts.length ? parts.join(' ') : 'no error code';
}

/** What a letter job fails with: retried by the queue, shown on the failed-jobs page, and free of the recipient. */
export class LetterNotEmailedError extends Error {
  constructor(letterId: string, cause: unknown) {
    super(`Letter ${letterId} could not be emailed (${mailErrorCodes(cause)}); the mail server's reply is on the letter's page`);
    this.name = 'LetterNotEmailedError';
  }
}

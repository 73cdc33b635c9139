/** An error the API answers with a specific status; `code` is stable, for clients and logs. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503 = 400,
  ) {
    super(message);
  }
}

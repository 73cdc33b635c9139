export interface JsonResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function api<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: response.status, body, headers: response.headers };
}

export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await api<{ accessToken: string }>(baseUrl, 'POST', '/api/auth/login', { body: { email, password } });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.accessToken;
}

let counter = 0;
export function complaintBody(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    complainant: { name: `Test Person ${counter}`, email: `person${counter}.${Date.now()}@example.org` },
    subject: { role: 'pcc' },
    summary: 'The commissioner did not reply to my letters',
    details: 'I wrote to the commissioner three times and never had a reply, although her office promised one.',
    ...overrides,
  };
}

/** Polls until the case has a triage, or fails after the timeout. */
export async function waitForTriage(baseUrl: string, token: string, reference: string, timeoutMs = 15000): Promise<any> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const response = await api(baseUrl, 'GET', `/api/cases/${reference}`, { token });
    // As an outside client polls: the first answer with a triage must already carry its category and status.
    if (response.status === 200 && response.body.triage) return response.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`case ${reference} was not triaged within ${timeoutMs} ms`);
}

/** A browser without JavaScript: keeps cookies, follows redirects by hand, posts forms url-encoded. */
export class FormBrowser {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async get(path: string) {
    return this.request('GET', path);
  }

  async post(path: string, form: Record<string, string>) {
    return this.request('POST', path, new URLSearchParams(form).toString());
  }

  /** A form with files (multipart/form-data), as a browser sends one: each file a part with its name. */
  async postMultipart(path: string, form: Record<string, string>, files: Array<{ field: string; filename: string; content: Buffer; type?: string }>) {
    const data = new FormData();
    for (const [name, value] of Object.entries(form)) data.append(name, value);
    for (const file of files) data.append(file.field, new Blob([new Uint8Array(file.content)], { type: file.type ?? 'application/octet-stream' }), file.filename);
    const response = await fetch(`${this.baseUrl}${path}`, { method: 'POST', redirect: 'manual', body: data, headers: { ...this.headers, accept: 'text/html', cookie: this.cookieHeader() } });
    this.keep(response);
    return { status: response.status, html: await response.text(), url: response.url };
  }

  csrfOf(html: string): string {
    return html.match(/name="_csrf" value="([^"]*)"/)?.[1] ?? '';
  }

  private async request(method: string, path: string, body?: string): Promise<{ status: number; html: string; url: string }> {
    let url = `${this.baseUrl}${path}`;
    let response = await fetch(url, {
      method,
      redirect: 'manual',
      body,
      headers: { ...this.headers, accept: 'text/html', ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), cookie: this.cookieHeader() },
    });
    this.keep(response);
    for (let hops = 0; response.status >= 300 && response.status < 400 && hops < 5; hops++) {
      url = new URL(response.headers.get('location')!, url).href;
      response = await fetch(url, { redirect: 'manual', headers: { ...this.headers, accept: 'text/html', cookie: this.cookieHeader() } });
      this.keep(response);
    }
    return { status: response.status, html: await response.text(), url };
  }

  private keep(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1));
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

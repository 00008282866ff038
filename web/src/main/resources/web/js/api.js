// The JSON API as the pages use it: same-origin cookies, the CSRF header, RFC 9457 problems as errors.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)pando_csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

export async function api(method, path, body, extraHeaders = {}) {
  const headers = { Accept: 'application/json', ...extraHeaders };
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrfToken();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json || {});
  return json;
}

let current;

/** The signed-in account, or null. Asked once per page. */
export function me() {
  if (!current) {
    current = api('GET', '/api/v1/me').catch((error) => {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    });
  }
  return current;
}

/** Sends the visitor to sign in, coming back here afterwards. */
export function goSignIn() {
  const next = encodeURIComponent(location.pathname + location.search);
  location.assign(`/signin?next=${next}`);
}

/** A same-site path to continue to after signing in, never another site. */
export function nextPath() {
  const next = new URLSearchParams(location.search).get('next') || '/';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

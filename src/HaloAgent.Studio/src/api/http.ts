import type { ApiProblem, ValidationError } from './types';

/** An HTTP answer other than 2xx, with the server's problem body when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ApiProblem | null;

  constructor(status: number, problem: ApiProblem | null, fallback: string) {
    super(problem?.detail || problem?.title || fallback);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get validationErrors(): ValidationError[] {
    return this.problem?.errors ?? [];
  }

  /** The endpoint does not exist (yet) on this server. */
  get notFound(): boolean {
    return this.status === 404;
  }
}

export const CSRF_COOKIE = 'halo-csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Reads one cookie from a `document.cookie`-style string. */
export function readCookie(cookieString: string, name: string): string | null {
  for (const part of cookieString.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return part.slice(eq + 1).trim();
      }
    }
  }
  return null;
}

export interface HttpClientOptions {
  fetch?: typeof fetch;
  /** Returns the current cookie string; defaults to document.cookie in a browser. */
  cookies?: () => string;
  onUnauthorized?: UnauthorizedHandler;
}

/**
 * Called on any 401 with the refused path. Resolving `true` means the user signed in again: the request is sent once
 * more (the server refused it unread, so sending it again cannot do it twice), and its caller never sees the 401.
 */
export type UnauthorizedHandler = (path: string) => Promise<boolean> | void;

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Sent as is (string, FormData, Blob) instead of JSON. */
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
  /** Return the Response instead of parsing it (downloads). */
  raw?: boolean;
}

export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

export class HttpClient {
  private readonly options: HttpClientOptions;

  constructor(options: HttpClientOptions = {}) {
    this.options = options;
  }

  onUnauthorized?: UnauthorizedHandler;

  private cookieString(): string {
    if (this.options.cookies) return this.options.cookies();
    return typeof document !== 'undefined' ? document.cookie : '';
  }

  /** Headers for a request: JSON, and the CSRF token on state-changing methods. */
  headersFor(method: string, extra?: Record<string, string>, json = true): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (json) headers['Content-Type'] = 'application/json';
    if (UNSAFE.has(method.toUpperCase())) {
      const token = readCookie(this.cookieString(), CSRF_COOKIE);
      if (token) headers[CSRF_HEADER] = token;
    }
    return { ...headers, ...extra };
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const method = (options.method ?? 'GET').toUpperCase();
    const hasJson = options.body !== undefined && options.rawBody === undefined;
    const doFetch = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    // Headers are built per send: after signing in again the CSRF cookie is the new session's.
    const send = () => doFetch(withQuery(path, options.query), {
      method,
      credentials: 'same-origin',
      headers: this.headersFor(method, options.headers, hasJson),
      body: hasJson ? JSON.stringify(options.body) : options.rawBody,
      signal: options.signal,
    });
    let response = await send();
    if (response.status === 401 && (await (this.onUnauthorized ?? this.options.onUnauthorized)?.(path)) === true) {
      response = await send();
    }
    if (!response.ok) {
      let problem: ApiProblem | null = null;
      const text = await response.text().catch(() => '');
      if (text) {
        try {
          const parsed = JSON.parse(text);
          if (parsed && typeof parsed === 'object') problem = parsed as ApiProblem;
        } catch {
          problem = { status: response.status, title: response.statusText, detail: text.slice(0, 300) };
        }
      }
      throw new ApiError(response.status, problem, `${method} ${path} failed with ${response.status}`);
    }
    if (options.raw) return response as unknown as T;
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    if (!text) return undefined as T;
    const type = response.headers.get('content-type') ?? '';
    return (type.includes('json') || /^[[{"]/.test(text.trim()) ? JSON.parse(text) : text) as T;
  }

  get<T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) {
    return this.request<T>(path, { query, signal });
  }

  post<T>(path: string, body?: unknown, query?: RequestOptions['query']) {
    return this.request<T>(path, { method: 'POST', body, query });
  }

  put<T>(path: string, body?: unknown, query?: RequestOptions['query']) {
    return this.request<T>(path, { method: 'PUT', body, query });
  }

  delete<T>(path: string, query?: RequestOptions['query']) {
    return this.request<T>(path, { method: 'DELETE', query });
  }
}

/** The app's shared client. */
export const http = new HttpClient();

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Runs a call to an endpoint that may not exist on this server yet: 404 (and 405/501) give `fallback`. */
export async function optional<T>(call: Promise<T>, fallback: T): Promise<{ value: T; available: boolean }> {
  try {
    return { value: await call, available: true };
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405 || error.status === 501)) {
      return { value: fallback, available: false };
    }
    throw error;
  }
}

/**
 * A refused request's messages per field (ASP.NET's validation problem, field names camel-cased as the pages name
 * them); `''` holds a message that belongs to no field.
 */
export function problemFields(error: unknown): Record<string, string[]> {
  if (error instanceof ApiError) {
    const errors = (error.problem as unknown as { errors?: Record<string, string[]> } | null)?.errors;
    if (errors && !Array.isArray(errors) && Object.keys(errors).length > 0) {
      const out: Record<string, string[]> = {};
      for (const [key, messages] of Object.entries(errors)) {
        const field = key.length > 0 ? key.charAt(0).toLowerCase() + key.slice(1) : key;
        out[field] = [...(out[field] ?? []), ...messages];
      }
      return out;
    }
    return { '': [error.message] };
  }
  return { '': [error instanceof Error ? error.message : String(error)] };
}

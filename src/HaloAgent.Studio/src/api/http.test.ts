import { describe, expect, it } from 'vitest';
import { ApiError, CSRF_HEADER, HttpClient, readCookie, withQuery } from './http';

function fakeFetch(status = 200, body: unknown = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { fn, calls };
}

describe('API client', () => {
  it('sends the halo-csrf cookie as X-CSRF-Token on state-changing requests', async () => {
    const { fn, calls } = fakeFetch();
    const client = new HttpClient({ fetch: fn, cookies: () => 'a=1; halo-csrf=tok%2Ben; b=2' });
    await client.post('/api/flows/x/publish');
    await client.put('/api/flows/x/draft', { id: 'x' });
    await client.delete('/api/contacts/1');
    for (const call of calls) expect((call.init.headers as Record<string, string>)[CSRF_HEADER]).toBe('tok+en');
    expect(calls.every((c) => c.init.credentials === 'same-origin')).toBe(true);
  });

  it('does not send the token on GET, or when there is no cookie', async () => {
    const { fn, calls } = fakeFetch();
    await new HttpClient({ fetch: fn, cookies: () => 'halo-csrf=abc' }).get('/api/flows');
    await new HttpClient({ fetch: fn, cookies: () => '' }).post('/api/flows/validate', {});
    expect((calls[0].init.headers as Record<string, string>)[CSRF_HEADER]).toBeUndefined();
    expect((calls[1].init.headers as Record<string, string>)[CSRF_HEADER]).toBeUndefined();
  });

  it('turns problem answers into ApiError with validation errors; 401 calls onUnauthorized', async () => {
    const problem = { status: 422, title: 'The flow is not valid.', detail: 'invalid', errors: [{ nodeId: 'a', field: 'b', message: 'c' }] };
    const client = new HttpClient({ fetch: fakeFetch(422, problem).fn, cookies: () => '' });
    const error = (await client.post('/api/flows/x/publish').catch((e) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.validationErrors).toEqual(problem.errors);
    let unauthorized = 0;
    const auth = new HttpClient({ fetch: fakeFetch(401, {}).fn, cookies: () => '', onUnauthorized: () => { unauthorized++; } });
    await auth.get('/api/auth/me').catch(() => {});
    expect(unauthorized).toBe(1);
  });

  it('sends a request refused with 401 once more, with the new session\'s CSRF token, when the user signed in again', async () => {
    const calls: RequestInit[] = [];
    let cookie = 'halo-csrf=old';
    const fn = (async (_url: string, init: RequestInit) => {
      calls.push(init);
      return new Response(calls.length === 1 ? '{}' : '{"status":"preparing"}', { status: calls.length === 1 ? 401 : 200, headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof fetch;
    const refused: string[] = [];
    const client = new HttpClient({
      fetch: fn,
      cookies: () => cookie,
      onUnauthorized: async (path) => {
        refused.push(path);
        cookie = 'halo-csrf=new';
        return true;
      },
    });
    expect(await client.post('/api/orders/1/status', { status: 'preparing' })).toEqual({ status: 'preparing' });
    expect(refused).toEqual(['/api/orders/1/status']);
    expect(calls.map((c) => (c.headers as Record<string, string>)[CSRF_HEADER])).toEqual(['old', 'new']);
    expect(calls[1].body).toBe(calls[0].body);
  });

  it('sends a refused request only once more: a second 401, or a handler that does not sign in, reaches the caller', async () => {
    const { fn, calls } = fakeFetch(401, { status: 401, title: 'Unauthorized', detail: 'no session' });
    const again = new HttpClient({ fetch: fn, cookies: () => '', onUnauthorized: async () => true });
    expect(((await again.get('/api/orders').catch((e) => e)) as ApiError).status).toBe(401);
    expect(calls.length).toBe(2);
    const notSignedIn = new HttpClient({ fetch: fn, cookies: () => '', onUnauthorized: async () => false });
    expect(((await notSignedIn.get('/api/orders').catch((e) => e)) as ApiError).status).toBe(401);
    expect(calls.length).toBe(3);
  });

  it('builds query strings without empty values and reads cookies', () => {
    expect(withQuery('/api/instances', { flowId: 'a b', status: '', version: 2, x: undefined })).toBe('/api/instances?flowId=a+b&version=2');
    expect(readCookie('x=1;  halo-csrf = v ', 'halo-csrf')).toBe('v');
    expect(readCookie('x=1', 'halo-csrf')).toBeNull();
  });
});

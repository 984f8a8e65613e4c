import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('HTTP surface', () => {
  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('tags every response with a request id', async () => {
    const response = await fetch(`${server.url}/healthz`, {
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(response.headers.get('x-request-id')).toBe('trace-123');
    const fresh = await fetch(`${server.url}/healthz`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a request body over 1 MB with 413', async () => {
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ serverTime }',
        variables: { padding: 'x'.repeat(1024 * 1024) },
      }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('blocks cross-site simple requests (CSRF prevention)', async () => {
    const response = await fetch(
      `${server.graphqlUrl}?query=${encodeURIComponent('{ serverTime }')}`,
    );
    expect(response.status).toBe(400);
    const form = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { signOut { signedOut } }' }),
    });
    expect(form.status).toBe(400);
  });

  it('refuses documents that are too deep or too wide', async () => {
    const client = server.client();
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: serverTime`).join(' ');
    const wide = await client.request(`query { ${aliases} }`);
    expect(wide.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const unknown = await client.request(`query { nothingHere }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('returns no stack trace outside development', async () => {
    const result = await server.client().request(`query { nothingHere }`);
    expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|at .*\.js/);
  });
});

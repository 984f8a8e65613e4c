import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.js';

const GRACE_MS = 1500;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ ALANY_DRAIN_GRACE_MS: String(GRACE_MS) });
});
afterAll(async () => {
  await server?.stop();
});

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One request over `agent` (kept-alive sockets, like a proxy's); `slowBody` sends the body in two halves. */
function send(
  agent: http.Agent,
  method: string,
  path: string,
  body?: string,
  slowBody?: Promise<unknown>,
): Promise<Answer> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method,
        agent,
        headers: body
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
          : {},
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            connection: response.headers.connection,
            body: text,
          }),
        );
      },
    );
    request.on('error', reject);
    if (!body) return void request.end();
    if (!slowBody) return void request.end(body);
    request.write(body.slice(0, 10));
    void slowBody.then(() => request.end(body.slice(10)));
  });
}

const QUERY = JSON.stringify({ query: '{ __typename }' });

describe('draining on stop', () => {
  it('answers /readyz 503 through the grace period while serving, then closes connections, then the port', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    expect((await send(agent, 'GET', '/readyz')).status).toBe(200);

    const stopping = server.alany.stop();
    const stopAt = Date.now();
    await sleep(100);
    const ready = await send(agent, 'GET', '/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({ reason: 'shutting down' });
    expect((await send(agent, 'GET', '/healthz')).status).toBe(200);

    // Served as usual, on the same kept-alive connection.
    const during = await send(agent, 'POST', '/graphql', QUERY);
    expect(during.status).toBe(200);
    expect(JSON.parse(during.body)).toEqual({ data: { __typename: 'Query' } });
    expect(during.connection).not.toBe('close');

    // Begun in the grace period, answered after it: the answer closes its connection.
    const straddling = send(
      new http.Agent({ keepAlive: true }),
      'POST',
      '/graphql',
      QUERY,
      sleep(GRACE_MS + 300),
    );
    const late = await straddling;
    expect(Date.now() - stopAt).toBeGreaterThanOrEqual(GRACE_MS);
    expect(late.status).toBe(200);
    expect(late.connection).toBe('close');

    await stopping;
    await expect(send(new http.Agent(), 'GET', '/readyz')).rejects.toThrow(/ECONNREFUSED/);
    agent.destroy();
  });
});

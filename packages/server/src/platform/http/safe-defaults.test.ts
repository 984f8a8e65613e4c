import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import { ownerQuery, startTestServer, type TestServer } from '../../test/harness.js';
import { securityHeaders, serveWebClient } from './web-client.js';

/** A built web client as Vite leaves it: index.html and hashed assets. */
const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'alany-web-'));
fs.mkdirSync(path.join(webDist, 'assets'));
fs.writeFileSync(
  path.join(webDist, 'index.html'),
  '<!doctype html><html><head><script type="module" src="/assets/index-abc.js"></script></head><body><div id="root"></div></body></html>',
);
fs.writeFileSync(path.join(webDist, 'assets', 'index-abc.js'), 'export {};');

/** What `curl -I` shows: a HEAD request, as a browser asking for a page. */
const head = (url: string) => fetch(url, { method: 'HEAD', headers: { accept: 'text/html' } });

/** The Content-Security-Policy as a map of directive to its sources. */
function policy(header: string | null): Map<string, string[]> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

let server: TestServer;
/** The production headers, served by the same middleware (a second Alany is a second database). */
let production: http.Server;
let productionUrl: string;
beforeAll(async () => {
  server = await startTestServer({ ALANY_WEB_DIST: webDist });
  const app = express();
  app.use(securityHeaders(true));
  serveWebClient(app, webDist);
  production = http.createServer(app);
  await new Promise<void>((resolve) => production.listen(0, '127.0.0.1', resolve));
  productionUrl = `http://127.0.0.1:${(production.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => production?.close(resolve));
  fs.rmSync(webDist, { recursive: true, force: true });
});

describe('safe defaults over HTTP', () => {
  it('serves the web client under a strict CSP, unframeable, sending no Referer', async () => {
    for (const pathname of ['/', '/spaces/anything', '/report/some-office']) {
      const response = await head(`${server.url}${pathname}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = policy(response.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('style-src')).toEqual(["'self'"]);
      expect(csp.get('connect-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      // Not over plain HTTP in development and tests: a browser would remember it for a year.
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
    const report = await head(`${server.url}/report/some-office`);
    expect(report.headers.get('cache-control')).toBe('no-store');
    // The assets and the API carry them too.
    for (const pathname of ['/assets/index-abc.js', '/healthz']) {
      const response = await fetch(`${server.url}${pathname}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('tells browsers to keep to HTTPS in production', async () => {
    const response = await head(`${productionUrl}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=31536000\b/);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('answers /readyz with its status only, never the reason', async () => {
    const [last] = await ownerQuery<{ id: number; name: string; executed_at: Date }>(
      server,
      'delete from mikro_orm_migrations where id = (select max(id) from mikro_orm_migrations) returning *',
    );
    try {
      const response = await fetch(`${server.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'not ready' });
    } finally {
      await ownerQuery(
        server,
        'insert into mikro_orm_migrations (id, name, executed_at) values ($1, $2, $3)',
        [last!.id, last!.name, last!.executed_at],
      );
    }
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});

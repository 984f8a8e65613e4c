/**
 * The floor: a bare node:http handler that answers the thread page with one hand-written SQL
 * statement, as the same role and with the same row-level security settings as Alany, in one
 * round trip (begin; set_config; the statement; commit). The viewer comes from a trusted header.
 */
import http from 'node:http';
import pg from 'pg';
import { THREAD_PAGE_SQL } from './queries.js';
import { serveCommands } from './util.js';

const pool = new pg.Pool({ connectionString: process.env.BENCH_APP_URL, max: 20 });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const viewer = String(req.headers['x-bench-user'] ?? '');
    let threadId: string;
    let first: number;
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as {
        variables: { id: string; first: number };
      };
      threadId = body.variables.id;
      first = Math.min(100, Math.max(1, Math.trunc(Number(body.variables.first))));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!UUID.test(viewer) || !UUID.test(threadId)) {
      res.writeHead(400).end();
      return;
    }
    // Inlined after validation: the simple protocol runs the four statements in one round trip.
    const text =
      `begin; select set_config('app.user_id', '${viewer}', true), set_config('app.token_org_id', '', true), ` +
      `set_config('app.guest_participant_id', '', true); ` +
      THREAD_PAGE_SQL.replaceAll('$1', `'${threadId}'::uuid`).replaceAll('$2', String(first)) +
      '; commit';
    pool.query(text).then(
      (results) => {
        const page = (results as unknown as pg.QueryResult[])[2]!.rows[0]?.page ?? null;
        const json = `{"data":{"thread":${page === null ? 'null' : page}}}`;
        res.writeHead(200, { 'content-type': 'application/json' }).end(json);
      },
      (error: Error) => {
        res
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errors: [{ message: error.message }] }));
      },
    );
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.send?.({ ready: { url: `http://127.0.0.1:${address.port}/graphql` } });
});
serveCommands({});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
});

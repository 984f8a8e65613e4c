import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  code,
  ownerQuery,
  signedUpClient as signedUpClientOf,
  startTestServer,
  type TestServer,
} from '../harness.js';
import { buildTenant, type Tenant } from '../tenants.js';
import { Post } from '../../modules/discussions/discussions.entity.js';
import { OperationUnitOfWork } from '../../platform/database/unit-of-work.js';

const EDIT_POST = `mutation($input: EditPostInput!) { editPost(input: $input) { post { id body } } }`;

let server: TestServer;
let tenant: Tenant;
beforeAll(async () => {
  server = await startTestServer();
  tenant = await buildTenant(server, 'Wedge');
});
afterAll(async () => {
  await server?.stop();
});

/** The application role's connections to this test's database that sit in a transaction. */
const idleInTransaction = (server: TestServer) =>
  ownerQuery<{ state: string }>(
    server,
    `select state from pg_stat_activity
      where datname = current_database() and usename = 'alany_app' and state like 'idle in transaction%'`,
  );

describe('one person cannot take an instance down', () => {
  it('50 edits with a NUL character leave the pool whole: the next person signs in and posts at once', async () => {
    for (let i = 0; i < 50; i++) {
      const answer = await tenant.member.client.request(EDIT_POST, {
        input: { id: tenant.postId, body: `broken \u0000 text ${i}` },
      });
      expect(code(answer)).toBe('BAD_USER_INPUT');
    }
    expect(await idleInTransaction(server)).toEqual([]);

    const started = Date.now();
    const owner = server.client();
    await owner.ok(`mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }`, {
      input: { email: tenant.owner.email, password: tenant.owner.password },
    });
    const posted = await owner.ok(
      `mutation($input: CreatePostInput!) { createPost(input: $input) { post { id body } } }`,
      { input: { threadId: tenant.threadId, body: 'Still here.' } },
    );
    expect(posted.createPost.post.body).toBe('Still here.');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await idleInTransaction(server)).toEqual([]);
  });

  it('a commit that fails rolls back and gives its connection back to the pool', async () => {
    const { orm } = server.alany;
    // More failures than the pool has connections: each would otherwise keep one for ever.
    for (let i = 0; i < 25; i++) {
      const db = new OperationUnitOfWork(orm, () => ({ 'app.user_id': tenant.member.id }));
      await db.read(async (em) => {
        const post = await em.findOneOrFail(Post, tenant.postId);
        // Refused by PostgreSQL only when the change is flushed, at commit.
        post.body = 'refused \u0000 at commit';
      });
      await expect(db.finish(true)).rejects.toThrow();
    }
    expect(await idleInTransaction(server)).toEqual([]);
    const db = new OperationUnitOfWork(orm, () => ({}));
    const [row] = await db.read((em) => em.execute<Array<{ ok: number }>>('select 1 as ok'));
    await db.finish(true);
    expect(row?.ok).toBe(1);
  });
});

describe('a statement that aborts the operation transaction', () => {
  it('makes later reads fail visibly, and reports saved-looking changes as not saved', async () => {
    const { orm } = server.alany;
    const reader = new OperationUnitOfWork(orm, () => ({}));
    expect(await reader.read((em) => em.execute('select 1 as ok'))).toEqual([{ ok: 1 }]);
    await expect(reader.read((em) => em.execute('select 1 / 0'))).rejects.toThrow(/division/);
    // Not a silent empty answer: the sibling is told that it was not run.
    await expect(reader.read((em) => em.execute('select 1 as ok'))).rejects.toThrow(
      /earlier part of this request failed/,
    );
    await reader.finish(true);

    const writer = new OperationUnitOfWork(orm, () => ({}));
    await writer.write((em) => em.execute('select 1'));
    await expect(writer.read((em) => em.execute('select 1 / 0'))).rejects.toThrow();
    await expect(writer.finish(true)).rejects.toThrow(/nothing was saved/);
    expect(await idleInTransaction(server)).toEqual([]);

    // A failure a savepoint undid leaves the transaction usable.
    const recovered = new OperationUnitOfWork(orm, () => ({}));
    await expect(recovered.write((em) => em.execute('select 1 / 0'))).rejects.toThrow();
    expect(await recovered.read((em) => em.execute('select 1 as ok'))).toEqual([{ ok: 1 }]);
    await recovered.finish(true);
  });
});

describe('limits on the application role', () => {
  let tight: TestServer;
  beforeAll(async () => {
    tight = await startTestServer({
      ALANY_DB_STATEMENT_TIMEOUT_MS: '300',
      ALANY_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '600',
      ALANY_DB_POOL_ACQUIRE_TIMEOUT_MS: '400',
    });
  });
  afterAll(async () => {
    await tight?.stop();
  });

  it('statement_timeout and idle_in_transaction_session_timeout hold for alany_app', async () => {
    const db = new OperationUnitOfWork(tight.alany.orm, () => ({}));
    const [row] = await db.read((em) =>
      em.execute<Array<{ role: string; statement: string; idle: string }>>(
        `select current_user as role, current_setting('statement_timeout') as statement,
           current_setting('idle_in_transaction_session_timeout') as idle`,
      ),
    );
    expect(row).toEqual({ role: 'alany_app', statement: '300ms', idle: '600ms' });
    // Set on the role in this database too, for connections that do not send them.
    const [roleSettings] = await ownerQuery<{ setconfig: string[] }>(
      tight,
      `select setconfig from pg_db_role_setting
        where setrole = 'alany_app'::regrole
          and setdatabase = (select oid from pg_database where datname = current_database())`,
    );
    expect(roleSettings?.setconfig).toEqual(
      expect.arrayContaining(['statement_timeout=300', 'idle_in_transaction_session_timeout=600']),
    );
    const started = Date.now();
    await expect(db.read((em) => em.execute('select pg_sleep(5)'))).rejects.toThrow(
      /statement timeout/,
    );
    expect(Date.now() - started).toBeLessThan(2000);
    await db.finish(false);

    // A transaction left idle is ended by PostgreSQL, and its connection comes back.
    const idle = new OperationUnitOfWork(tight.alany.orm, () => ({}));
    await idle.read((em) => em.execute('select 1'));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await expect(idle.read((em) => em.execute('select 1'))).rejects.toThrow();
    await idle.finish(true).catch(() => undefined);
    expect(await idleInTransaction(tight)).toEqual([]);
  });

  it('a full pool answers quickly, and /healthz fails once it stays wedged', async () => {
    const { orm } = tight.alany;
    const healthz = () => fetch(`${tight.url}/healthz`).then((r) => r.status);
    expect(await healthz()).toBe(200);
    const { client } = await signedUpClientOf(tight);
    // Every connection of the pool taken by transactions that never end on their own.
    const holders = Array.from({ length: 20 }, () => new OperationUnitOfWork(orm, () => ({})));
    await Promise.all(holders.map((db) => db.read((em) => em.execute('select 1'))));

    const started = Date.now();
    const answer = await client.request(`query { viewer { id } }`);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(answer.status).toBe(503);
    expect(code(answer)).toBe('SERVICE_UNAVAILABLE');

    // Still waiting: max(statement, idle) + acquire = 1 s without a connection given back.
    const waiting = orm.em
      .fork()
      .execute('select 1')
      .catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const wedged = orm.em
      .fork()
      .execute('select 1')
      .catch(() => undefined);
    expect(await healthz()).toBe(503);
    await Promise.all(holders.map((db) => db.finish(false)));
    await Promise.all([waiting, wedged]);
    expect(await healthz()).toBe(200);
  });
});

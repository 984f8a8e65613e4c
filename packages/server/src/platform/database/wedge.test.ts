import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { code, ownerQuery, startTestServer, type TestServer } from '../../test/harness.js';
import { buildTenant, type Tenant } from '../../test/tenants.js';
import { Post } from '../../modules/discussions/discussions.entity.js';
import { OperationUnitOfWork } from './unit-of-work.js';

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

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedUpClient, startTestServer, statementsOf, type TestServer } from '../harness.js';
import { hashSecret } from '../../platform/auth/tokens.js';
import { beginSession } from '../../modules/accounts/accounts.service.js';
import {
  OperationUnitOfWork,
  settingsStatement,
  ShortUnitOfWork,
} from '../../platform/database/unit-of-work.js';

const VIEWER = `query { viewer { id } }`;
const SETTINGS = `select current_setting('app.user_id', true) as user_id,
  current_setting('app.token_org_id', true) as token_org_id,
  current_setting('app.guest_participant_id', true) as guest_participant_id`;

let server: TestServer;
let owner: pg.Client;
beforeAll(async () => {
  server = await startTestServer();
  owner = new pg.Client({ connectionString: server.db.ownerUrl });
  await owner.connect();
});
afterAll(async () => {
  await owner?.end();
  await server?.stop();
});

const secretOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);

describe('combined begin', () => {
  it("sets exactly the viewer's settings in the same statement as BEGIN, safely quoted", async () => {
    const settings = {
      'app.user_id': "it's \\ odd",
      'app.token_org_id': '',
      'app.guest_participant_id': 'g',
    };
    const db = new OperationUnitOfWork(server.alany.orm, () => settings);
    let seen: Record<string, unknown> | undefined;
    const sql = await statementsOf(server.alany.orm, async () => {
      [seen] = await db.read((em) => em.execute<Array<Record<string, unknown>>>(SETTINGS));
      await db.finish(true);
    });
    expect(seen).toEqual({ user_id: "it's \\ odd", token_org_id: '', guest_participant_id: 'g' });
    // BEGIN with the settings, the read, COMMIT.
    expect(sql).toHaveLength(3);
    expect(sql[0]).toBe(`BEGIN; ${settingsStatement(settings)}`);
    expect(sql[2]).toMatch(/^commit/i);
  });

  it('keeps the settings inside their transaction', async () => {
    const db = new ShortUnitOfWork(server.alany.orm, () => ({ 'app.user_id': 'someone' }));
    await db.read((em) => em.execute(SETTINGS));
    const after = new ShortUnitOfWork(server.alany.orm, () => ({}));
    const [row] = await after.read((em) => em.execute<Array<{ user_id: string | null }>>(SETTINGS));
    expect(row?.user_id ?? '').toBe('');
  });

  it("a session's begin sets that person as the viewer, and nobody for an unknown secret", async () => {
    const { client, user } = await signedUpClient(server);
    const known = new OperationUnitOfWork(server.alany.orm, () => ({}));
    const viewer = await beginSession(known, secretOf(client.cookie!));
    expect(viewer).toMatchObject({ kind: 'user', userId: user.id, locale: expect.any(String) });
    const [mine] = await known.read((em) => em.execute(SETTINGS));
    expect(mine).toEqual({ user_id: user.id, token_org_id: '', guest_participant_id: '' });
    await known.finish(true);

    const unknown = new OperationUnitOfWork(server.alany.orm, () => ({}));
    expect(await beginSession(unknown, 'not-a-session')).toEqual({ kind: 'anonymous' });
    const [nobody] = await unknown.read((em) => em.execute(SETTINGS));
    expect(nobody).toEqual({ user_id: '', token_org_id: '', guest_participant_id: '' });
    await unknown.finish(true);
  });
});

describe('sessions looked up in the operation transaction', () => {
  it('costs one round trip with BEGIN; a request without a session begins no transaction', async () => {
    const { client } = await signedUpClient(server);
    const signedIn = await statementsOf(server.alany.orm, () => client.ok(VIEWER));
    expect(signedIn[0]).toMatch(/^BEGIN; select .* from alany\.begin_session\(/);
    expect(signedIn.at(-1)).toMatch(/^commit/i);

    const anonymous = server.client();
    expect(
      await statementsOf(server.alany.orm, () => anonymous.ok(`query { __typename }`)),
    ).toEqual([]);
    expect(await statementsOf(server.alany.orm, () => anonymous.ok(VIEWER))).toEqual([]);
  });

  it('refuses a revoked or expired session on the very next request', async () => {
    const revoked = await signedUpClient(server);
    expect((await revoked.client.ok(VIEWER)).viewer.id).toBe(revoked.user.id);
    await owner.query(`update user_session set revoked_at = now() where token_hash = $1`, [
      hashSecret(secretOf(revoked.client.cookie!)),
    ]);
    expect((await revoked.client.ok(VIEWER)).viewer).toBeNull();

    const expired = await signedUpClient(server);
    expect((await expired.client.ok(VIEWER)).viewer.id).toBe(expired.user.id);
    await owner.query(
      `update user_session set expires_at = now() - interval '1 second' where token_hash = $1`,
      [hashSecret(secretOf(expired.client.cookie!))],
    );
    expect((await expired.client.ok(VIEWER)).viewer).toBeNull();
  });

  it('refreshes last_seen_at at most every five minutes', async () => {
    const { client } = await signedUpClient(server);
    const hash = hashSecret(secretOf(client.cookie!));
    const lastSeen = async () =>
      (
        await owner.query<{ at: Date }>(
          `select last_seen_at as at from user_session where token_hash = $1`,
          [hash],
        )
      ).rows[0]!.at.getTime();

    await owner.query(
      `update user_session set last_seen_at = now() - interval '1 minute' where token_hash = $1`,
      [hash],
    );
    const recent = await lastSeen();
    await client.ok(VIEWER);
    expect(await lastSeen()).toBe(recent);

    await owner.query(
      `update user_session set last_seen_at = now() - interval '10 minutes' where token_hash = $1`,
      [hash],
    );
    await client.ok(VIEWER);
    expect(await lastSeen()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('keeps bearer sessions and API tokens working', async () => {
    const { client, user } = await signedUpClient(server);
    const bearer = server.client({ authorization: `Bearer ${secretOf(client.cookie!)}` });
    expect((await bearer.ok(VIEWER)).viewer.id).toBe(user.id);
    const refused = await server
      .client({ authorization: 'Bearer alany_not-a-token' })
      .request(VIEWER);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppSchema } from '../platform/graphql/schema.js';
import {
  ownerQuery,
  startTestServer,
  until,
  type GraphQLResponse,
  type TestClient,
  type TestServer,
} from './harness.js';
import { addMember, buildTenant, person, type Tenant } from './tenants.js';
import { reportProof } from './report-proof.js';
import { features } from '../features.js';

/**
 * The cross-tenant isolation suite. Tenant B (its owner, and its API token) tries every
 * operation of the schema against tenant A and must fail or see nothing. A new operation
 * without a case here fails the suite. The second part repeats the attack in plain SQL as the
 * application role, which row-level security must stop on its own.
 */

let server: TestServer;
let a: Tenant;
let b: Tenant;

/**
 * The refusals of a signed-in attacker or an API token. `UNAUTHENTICATED` is not one of them: a
 * signed-in attacker told to sign in has lost its session, and every case after would pass
 * without attacking anything. Only a guest (no account) may be told to sign in.
 */
const DENIED = ['FORBIDDEN', 'NOT_FOUND'];
const deniedFor = (who = '') => (/guest/.test(who) ? [...DENIED, 'UNAUTHENTICATED'] : DENIED);

/** Every id of A's (people, organisation, content) and every text only A's content holds. */
function secretsOfA(): string[] {
  const ids = new Set<string>();
  const walk = (value: unknown, key: string) => {
    // The partner is another organisation; clients carry no ids of their own.
    if (['partner', 'readToken', 'guest', 'client'].includes(key)) return;
    if (typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(value)) ids.add(value);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(a, '');
  return [...ids, a.apiToken.secret, ...a.texts];
}

/** Nothing of A's in the whole answer, errors included. */
function expectNothingOfA(result: Pick<GraphQLResponse, 'data' | 'errors'>, label = '') {
  const answer = JSON.stringify({ data: result.data, errors: result.errors });
  for (const secret of secretsOfA())
    expect(answer.includes(secret), `${label} answer holds ${secret}: ${answer}`).toBe(false);
}

/** The data, or undefined when the attacker is refused outright (e.g. a guest asking for a network). */
async function okOrDenied(
  attacker: TestClient,
  query: string,
  variables: Record<string, unknown> = {},
  who = '',
) {
  const result = await attacker.request(query, variables);
  if (result.errors?.length) {
    expect(deniedFor(who), `${who} ${JSON.stringify(result.errors)}`).toContain(
      result.errors[0]?.extensions?.code,
    );
    expectNothingOfA(result, who);
    return undefined;
  }
  return result.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response shapes vary per case
}

function expectDenied(result: GraphQLResponse, label = '') {
  expect(
    result.errors?.[0]?.extensions?.code,
    `${label} ${JSON.stringify(result.errors)}`,
  ).toBeOneOf(deniedFor(label));
  expectNothingOfA(result, label);
}

/** The positive anchor of a read case: A's own reader gets the item (so a refusal below means something). */
async function expectAReads(
  reader: TestClient,
  who: string,
  query: string,
  variables: Record<string, unknown>,
  sees: (data: Record<string, any>) => void, // eslint-disable-line @typescript-eslint/no-explicit-any -- response shapes vary per case
) {
  const result = await reader.request(query, variables);
  expect(result.errors, `${who} reading its own`).toBeUndefined();
  sees(result.data as Record<string, unknown>);
}

/** Each attacker is who it claims to be: B's owner signed in, B's token and B's guest working. */
async function expectAttackersAreB() {
  const owner = await b.owner.client.request(`query { viewer { id } }`);
  expect(owner.data?.viewer?.id, `B owner's session: ${JSON.stringify(owner)}`).toBe(b.owner.id);
  const token = await b.readToken.request(`query { spaces(first: 100) { edges { node { id } } } }`);
  expect(
    token.data?.spaces.edges.map((e: { node: { id: string } }) => e.node.id),
    `B token: ${JSON.stringify(token)}`,
  ).toContain(b.privateSpaceId);
  const guest = await b.guest.request(`query($id: ID!) { event(id: $id) { id } }`, {
    id: b.event.id,
  });
  expect(guest.data?.event?.id, `B guest: ${JSON.stringify(guest)}`).toBe(b.event.id);
}

/** Runs the same attempt as B's owner, B's API token and B's event guest. */
async function asB(attempt: (attacker: TestClient, who: string) => Promise<void>) {
  await expectAttackersAreB();
  await attempt(b.owner.client, 'B owner');
  await attempt(b.readToken, 'B token');
  await attempt(b.guest, 'B guest');
}

interface TenantTable {
  name: string;
  columns: string[];
  rowLevelSecurity: boolean;
}

/**
 * Every table that holds tenant data, read from the catalogue: those with row-level security,
 * an `organisation_id` or a `user_id` column, and the people themselves. A new table is covered
 * without editing this suite.
 */
async function tenantTablesOf(owner: pg.Client): Promise<TenantTable[]> {
  const { rows } = await owner.query<{ name: string; columns: string[]; rls: boolean }>(
    `select c.relname as name, c.relrowsecurity as rls,
            array_agg(a.attname::text order by a.attnum) as columns
     from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
     group by c.relname, c.relrowsecurity order by 1`,
  );
  return rows
    .filter(
      (t) =>
        t.rls ||
        t.name === 'app_user' ||
        t.columns.includes('organisation_id') ||
        t.columns.includes('user_id'),
    )
    .map((t) => ({ name: t.name, columns: t.columns, rowLevelSecurity: t.rls }));
}

/** A's organisation, its spaces, networks and people: what makes a row A's. */
async function idsOfA(owner: pg.Client) {
  const one = async (sql: string) =>
    (await owner.query<{ id: string }>(sql, [a.organisation.id])).rows.map((r) => r.id);
  return {
    organisation: a.organisation.id,
    spaces: await one(`select id from space where organisation_id = $1`),
    networks: await one(`select id from network where organisation_id = $1`),
    users: await one(`select user_id as id from membership where organisation_id = $1`),
  };
}

/**
 * The condition that picks A's rows of a table, its ids written out (so that it reads no other
 * table, which row-level security could hide): the organisation's own, in its spaces or
 * networks, or its people's. Undefined when the table has no way to name A.
 */
function rowsOfA(table: TenantTable, ids: Awaited<ReturnType<typeof idsOfA>>) {
  const list = (values: string[]) => `array[${values.map((v) => `'${v}'`).join(',')}]::uuid[]`;
  const has = (column: string) => table.columns.includes(column);
  if (table.name === 'organisation') return `id = '${ids.organisation}'`;
  if (table.name === 'app_user') return `id = any(${list(ids.users)})`;
  const parts: string[] = [];
  if (has('organisation_id')) parts.push(`organisation_id = '${ids.organisation}'`);
  if (has('space_id')) parts.push(`space_id = any(${list(ids.spaces)})`);
  if (has('network_id')) parts.push(`network_id = any(${list(ids.networks)})`);
  if (!has('organisation_id') && has('user_id')) parts.push(`user_id = any(${list(ids.users)})`);
  return parts.length ? parts.join(' or ') : undefined;
}

/**
 * Stamps that A's own reads move (the positive anchors read as A's member and token): the only
 * columns left out of the comparison.
 */
const ACTIVITY_STAMPS: Record<string, string[]> = {
  user_session: ['last_seen_at'],
  api_token: ['last_used_at'],
};

/** Every row of A's in every tenant table, every column (bar the activity stamps above). */
async function snapshotOfA() {
  const owner = new pg.Client({ connectionString: server.db.ownerUrl });
  await owner.connect();
  try {
    const ids = await idsOfA(owner);
    const snapshot: Record<string, unknown> = {};
    for (const table of await tenantTablesOf(owner)) {
      const where = rowsOfA(table, ids);
      expect(where, `no way to tell A's rows of ${table.name}`).toBeDefined();
      const { rows } = await owner.query<{ row: Record<string, unknown> }>(
        `select to_jsonb(t) as row from ${table.name} t where ${where} order by to_jsonb(t)::text`,
      );
      for (const { row } of rows)
        for (const column of ACTIVITY_STAMPS[table.name] ?? []) delete row[column];
      snapshot[table.name] = rows.map((r) => r.row);
    }
    return snapshot;
  } finally {
    await owner.end();
  }
}

const cases: Record<string, () => Promise<void>> = {
  'Query.viewer': async () => {
    const data = await b.owner.client.ok(`query { viewer { id } }`);
    expect(data.viewer.id).toBe(b.owner.id);
    expect((await b.readToken.ok(`query { viewer { id } }`)).viewer).toBeNull();
  },
  'Mutation.verifyEmail': async () => {
    // Only the mailed link confirms an address: no id, no other tenant's token does.
    for (const attacker of [b.owner.client, b.readToken, b.guest]) {
      const result = await attacker.request(
        `mutation($input: VerifyEmailInput!) { verifyEmail(input: $input) { emailVerified } }`,
        { input: { token: a.owner.id } },
      );
      expect(result.errors?.[0]?.extensions?.code).toBeOneOf(['BAD_USER_INPUT', ...DENIED]);
      expect(result.data ?? null).toBeNull();
    }
  },
  'Mutation.resendVerificationEmail': async () => {
    // It mails the caller alone, and never another person's address.
    const own = await b.owner.client.request(`mutation { resendVerificationEmail { expiresAt } }`);
    expect(own.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ reason: 'ALREADY_VERIFIED' }),
    ]);
    for (const attacker of [b.readToken, b.guest])
      expectDenied(await attacker.request(`mutation { resendVerificationEmail { expiresAt } }`));
  },
  'Query.sessions': async () => {
    const mine = await a.owner.client.ok(`query { sessions { edges { node { id } } } }`);
    const theirs = await b.owner.client.ok(`query { sessions { edges { node { id } } } }`);
    const aIds = mine.sessions.edges.map((e: { node: { id: string } }) => e.node.id);
    for (const edge of theirs.sessions.edges) expect(aIds).not.toContain(edge.node.id);
    expectDenied(await b.readToken.request(`query { sessions { edges { node { id } } } }`));
  },
  'Query.serverTime': async () => {
    // Carries no tenant data: anyone may read the clock.
    expect(typeof (await b.readToken.ok(`query { serverTime }`)).serverTime).toBe('string');
  },
  'Query.organisation': async () => {
    // Profiles are a public directory; nothing inside the organisation is.
    await asB(async (attacker, who) => {
      const data = await okOrDenied(
        attacker,
        `query($slug: String!) { organisation(slug: $slug) { id name viewerRole viewerCan { update manageMembers readAuditLog } networks { id } } }`,
        { slug: a.organisation.slug },
        who,
      );
      if (!data) return;
      expect(data.organisation.viewerRole).toBeNull();
      expect(data.organisation.viewerCan).toEqual({
        update: false,
        manageMembers: false,
        readAuditLog: false,
      });
      expect(data.organisation.networks).toEqual([]);
    });
  },
  'Query.invitationPreview': async () => {
    // Public by design, to the holder of the link: A's link shows A's organisation and address
    // to whoever holds it; B, guessing (A's invitation id, or any string), sees nothing of A's.
    const PREVIEW = `query($t: String!) { invitationPreview(token: $t) { organisationName email } }`;
    const holder = await server.client().ok(PREVIEW, { t: a.invitationToken });
    expect(holder.invitationPreview.organisationName).toMatch(/Organisation$/);
    await asB(async (attacker, who) => {
      for (const token of [a.invitationId, 'x'.repeat(43)]) {
        const data = await okOrDenied(attacker, PREVIEW, { t: token }, who);
        if (data) expect(data.invitationPreview, who).toBeNull();
      }
    });
    const own = await b.owner.client.ok(PREVIEW, { t: b.invitationToken });
    expect(own.invitationPreview.organisationName).toMatch(/Organisation$/);
  },
  'Query.members': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `query($id: ID!) { members(organisationId: $id) { edges { node { id } } } }`,
          {
            id: a.organisation.id,
          },
        ),
        who,
      ),
    ),
  'Query.invitations': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `query($id: ID!) { invitations(organisationId: $id) { edges { node { id email } } } }`,
          {
            id: a.organisation.id,
          },
        ),
        who,
      ),
    ),
  'Query.network': async () => {
    const query = `query($slug: String!) { network(slug: $slug) { id name } }`;
    for (const [who, reader] of [
      ['A member', a.member.client],
      ['A token', a.readToken],
    ] as const)
      await expectAReads(reader, who, query, { slug: a.network.slug }, (data) =>
        expect(data.network, who).toEqual({ id: a.network.id, name: 'Alpha Network' }),
      );
    await asB(async (attacker, who) => {
      const data = await okOrDenied(attacker, query, { slug: a.network.slug }, who);
      if (!data) return;
      expect(data.network, who).toBeNull();
    });
  },
  'Query.networkInvitations': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `query($id: ID!) { networkInvitations(organisationId: $id) { id } }`,
          { id: a.organisation.id },
        ),
        who,
      ),
    ),
  'Query.spaces': async () =>
    asB(async (attacker, who) => {
      const aSpaces = [a.privateSpaceId, a.sharedSpaceId, a.networkSpaceId];
      for (const filter of [
        undefined,
        { organisationId: a.organisation.id },
        { networkId: a.network.id },
      ]) {
        const data = await okOrDenied(
          attacker,
          `query($filter: SpaceFilter) { spaces(filter: $filter, first: 100) { edges { node { id } } } }`,
          { filter },
          who,
        );
        if (!data) return;
        for (const edge of data.spaces.edges) expect(aSpaces).not.toContain(edge.node.id);
      }
    }),
  'Query.space': async () => {
    const query = `query($id: ID!) { space(id: $id) { id name } }`;
    const spaces = [a.privateSpaceId, a.sharedSpaceId, a.networkSpaceId];
    for (const [who, reader] of [
      ['A member', a.member.client],
      ['A token', a.readToken],
    ] as const)
      for (const id of spaces)
        await expectAReads(reader, who, query, { id }, (data) =>
          expect(data.space?.id, `${who} ${id}`).toBe(id),
        );
    await asB(async (attacker, who) => {
      for (const id of spaces) {
        expect((await okOrDenied(attacker, query, { id }, who))?.space ?? null, who).toBeNull();
      }
    });
  },
  'Query.apiTokens': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `query($id: ID!) { apiTokens(organisationId: $id) { edges { node { id } } } }`,
          {
            id: a.organisation.id,
          },
        ),
        who,
      ),
    ),
  'Query.auditEvents': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `query($id: ID!) { auditEvents(organisationId: $id) { edges { node { id } } } }`,
          {
            id: a.organisation.id,
          },
        ),
        who,
      ),
    ),

  'Mutation.signUp': async () => {
    const result = await server
      .client()
      .request(`mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }`, {
        input: {
          email: a.owner.email,
          password: 'another password',
          displayName: 'Impostor',
          locale: 'en',
        },
      });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  },
  'Mutation.signIn': async () => {
    const result = await b.owner.client.request(
      `mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }`,
      { input: { email: a.owner.email, password: 'not the password of A' } },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  },
  'Mutation.signOut': async () => {
    const other = server.client({ cookie: b.owner.client.cookie! });
    await other.ok(`mutation { signOut { signedOut } }`);
    expect((await a.owner.client.ok(`query { viewer { id } }`)).viewer.id).toBe(a.owner.id);
    // B signed out its own (copied) session; sign B back in for the remaining cases.
    await b.owner.client.ok(
      `mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }`,
      {
        input: { email: b.owner.email, password: b.owner.password },
      },
    );
  },
  'Mutation.updateProfile': async () => {
    await b.owner.client.ok(
      `mutation { updateProfile(input: { displayName: "B renamed" }) { user { id } } }`,
    );
    expectDenied(
      await b.readToken.request(
        `mutation { updateProfile(input: { displayName: "x" }) { user { id } } }`,
      ),
    );
  },
  'Mutation.changePassword': async () => {
    expectDenied(
      await b.readToken.request(
        `mutation { changePassword(input: { currentPassword: "x", newPassword: "yyyyyyyyyyyy" }) { user { id } } }`,
      ),
    );
  },
  'Mutation.revokeSession': async () => {
    const sessions = await a.owner.client.ok(`query { sessions { edges { node { id } } } }`);
    const id = sessions.sessions.edges[0].node.id;
    await asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { revokeSession(input: { id: $id }) { revokedSessionId } }`,
          { id },
        ),
        who,
      ),
    );
  },
  'Mutation.createOrganisation': async () => {
    const result = await b.owner.client.request(
      `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }`,
      { input: { name: 'Copycat', slug: a.organisation.slug, kind: 'NGO' } },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expectDenied(
      await b.readToken.request(
        `mutation { createOrganisation(input: { name: "Token org", slug: "token-org", kind: NGO }) { organisation { id } } }`,
      ),
    );
  },
  'Mutation.updateOrganisation': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { updateOrganisation(input: { id: $id, name: "Hijacked" }) { organisation { id } } }`,
          {
            id: a.organisation.id,
          },
        ),
        who,
      ),
    ),
  'Mutation.inviteMember': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!, $email: String!) { inviteMember(input: { organisationId: $id, email: $email, role: OWNER }) { invitation { id } } }`,
          { id: a.organisation.id, email: b.owner.email },
        ),
        who,
      ),
    ),
  'Mutation.acceptInvitation': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation { acceptInvitation(input: { token: "guessed-token-guessed-token-guessed" }) { membership { id } } }`,
        ),
        who,
      ),
    ),
  'Mutation.revokeInvitation': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { revokeInvitation(input: { id: $id }) { invitation { id } } }`,
          { id: a.invitationId },
        ),
        who,
      ),
    ),
  'Mutation.changeMemberRole': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { changeMemberRole(input: { membershipId: $id, role: OWNER }) { membership { id } } }`,
          {
            id: a.memberMembershipId,
          },
        ),
        who,
      ),
    ),
  'Mutation.removeMember': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { removeMember(input: { membershipId: $id }) { removedMembershipId } }`,
          {
            id: a.memberMembershipId,
          },
        ),
        who,
      ),
    ),
  'Mutation.leaveOrganisation': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { leaveOrganisation(input: { organisationId: $id }) { removedMembershipId } }`,
          {
            id: a.organisation.id,
          },
        ),
        who,
      ),
    ),
  'Mutation.createNetwork': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { createNetwork(input: { organisationId: $id, name: "Fake", slug: "fake-net-x" }) { network { id } } }`,
          { id: a.organisation.id },
        ),
        who,
      ),
    ),
  'Mutation.inviteOrganisationToNetwork': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!, $slug: String!) { inviteOrganisationToNetwork(input: { networkId: $id, organisationSlug: $slug }) { invitation { id } } }`,
          { id: a.network.id, slug: b.organisation.slug },
        ),
        who,
      ),
    ),
  'Mutation.acceptNetworkInvitation': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { acceptNetworkInvitation(input: { invitationId: $id }) { invitation { id } } }`,
          {
            id: a.pendingNetworkInvitationId,
          },
        ),
        who,
      ),
    ),
  'Mutation.leaveNetwork': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($n: ID!, $o: ID!) { leaveNetwork(input: { networkId: $n, organisationId: $o }) { network { id } } }`,
          {
            n: a.network.id,
            o: a.organisation.id,
          },
        ),
        who,
      ),
    ),
  'Mutation.createSpace': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { createSpace(input: { organisationId: $id, name: "Planted" }) { space { id } } }`,
          {
            id: a.organisation.id,
          },
        ),
        who,
      ),
    ),
  'Mutation.updateSpace': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { updateSpace(input: { id: $id, visibility: PUBLIC }) { space { id } } }`,
          {
            id: a.privateSpaceId,
          },
        ),
        who,
      ),
    ),
  'Mutation.shareSpace': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($s: ID!, $o: ID!) { shareSpace(input: { spaceId: $s, organisationId: $o }) { space { id } } }`,
          {
            s: a.privateSpaceId,
            o: b.organisation.id,
          },
        ),
        who,
      ),
    ),
  'Mutation.unshareSpace': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($s: ID!, $o: ID!) { unshareSpace(input: { spaceId: $s, organisationId: $o }) { space { id } } }`,
          {
            s: a.sharedSpaceId,
            o: a.partner.id,
          },
        ),
        who,
      ),
    ),
  'Mutation.createApiToken': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { createApiToken(input: { organisationId: $id, name: "Stolen" }) { secret } }`,
          {
            id: a.organisation.id,
          },
        ),
        who,
      ),
    ),
  'Mutation.revokeApiToken': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { revokeApiToken(input: { id: $id }) { apiToken { id } } }`,
          { id: a.apiToken.id },
        ),
        who,
      ),
    ),

  'Query.thread': async () => {
    const query = `query($id: ID!) { thread(id: $id) { id title unreadCount posts(first: 5) { edges { node { id reactions { count } } } } } }`;
    for (const [who, reader] of [
      ['A member', a.member.client],
      ['A token', a.readToken],
    ] as const)
      await expectAReads(reader, who, query, { id: a.threadId }, (data) => {
        expect(data.thread?.id, who).toBe(a.threadId);
        expect(data.thread.title, who).toContain(a.searchWord);
        expect(data.thread.posts.edges.length, who).toBeGreaterThan(0);
      });
    await asB(async (attacker, who) => {
      expect(
        (await okOrDenied(attacker, query, { id: a.threadId }, who))?.thread ?? null,
        who,
      ).toBeNull();
    });
  },
  'Query.threads': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `query($id: ID!) { threads(spaceId: $id) { edges { node { id unreadCount author { id } } } } }`,
          { id: a.privateSpaceId },
        ),
        who,
      ),
    ),
  'Query.search': async () => {
    const query = `query($q: String!) { search(query: $q) { edges { node { thread { id } } } } }`;
    const scopedQuery = `query($q: String!, $s: ID!) { search(query: $q, filter: { spaceId: $s }) { edges { node { kind thread { id } } } } }`;
    const vars = { q: a.searchWord, s: a.privateSpaceId };
    for (const [who, reader] of [
      ['A member', a.member.client],
      ['A token', a.readToken],
    ] as const) {
      await expectAReads(reader, who, query, vars, (data) =>
        expect(
          data.search.edges.map((e: { node: { thread?: { id: string } } }) => e.node.thread?.id),
          who,
        ).toContain(a.threadId),
      );
      await expectAReads(reader, who, scopedQuery, vars, (data) =>
        expect(data.search.edges.length, who).toBeGreaterThan(0),
      );
    }
    await asB(async (attacker, who) => {
      const data = await okOrDenied(attacker, query, vars, who);
      if (!data) return;
      expect(data.search.edges, who).toEqual([]);
      const scoped = await okOrDenied(attacker, scopedQuery, vars, who);
      if (!scoped) return;
      expect(scoped.search.edges, who).toEqual([]);
    });
  },
  'Query.moderationQueue': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `query($id: ID!) { moderationQueue(organisationId: $id) { edges { node { id } } } }`,
          { id: a.organisation.id },
        ),
        who,
      ),
    ),
  'Query.notifications': async () => {
    const data = await b.owner.client.ok(
      `query { notifications(first: 100) { edges { node { id threadId } } } }`,
    );
    for (const edge of data.notifications.edges) expect(edge.node.threadId).not.toBe(a.threadId);
    expectDenied(await b.readToken.request(`query { notifications { edges { node { id } } } }`));
  },
  'Query.unreadNotificationCount': async () => {
    expect(
      typeof (await b.owner.client.ok(`query { unreadNotificationCount }`)).unreadNotificationCount,
    ).toBe('number');
    expectDenied(await b.readToken.request(`query { unreadNotificationCount }`));
  },
  'Mutation.createThread': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { createThread(input: { spaceId: $id, title: "Planted", body: "x" }) { thread { id } } }`,
          {
            id: a.privateSpaceId,
          },
        ),
        who,
      ),
    ),
  'Mutation.updateThread': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { updateThread(input: { id: $id, title: "Defaced" }) { thread { id } } }`,
          { id: a.threadId },
        ),
        who,
      ),
    ),
  'Mutation.pinThread': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { pinThread(input: { id: $id, value: true }) { thread { id } } }`,
          { id: a.threadId },
        ),
        who,
      ),
    ),
  'Mutation.lockThread': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { lockThread(input: { id: $id, value: true }) { thread { id } } }`,
          { id: a.threadId },
        ),
        who,
      ),
    ),
  'Mutation.deleteThread': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { deleteThread(input: { id: $id }) { deletedId } }`,
          { id: a.threadId },
        ),
        who,
      ),
    ),
  'Mutation.markThreadRead': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { markThreadRead(input: { id: $id }) { thread { id } } }`,
          { id: a.threadId },
        ),
        who,
      ),
    ),
  'Mutation.createPost': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { createPost(input: { threadId: $id, body: "Planted" }) { post { id } } }`,
          { id: a.threadId },
        ),
        who,
      ),
    ),
  'Mutation.editPost': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { editPost(input: { id: $id, body: "Defaced" }) { post { id } } }`,
          { id: a.postId },
        ),
        who,
      ),
    ),
  'Mutation.deletePost': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { deletePost(input: { postId: $id }) { post { id } } }`,
          { id: a.postId },
        ),
        who,
      ),
    ),
  'Mutation.toggleReaction': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { toggleReaction(input: { postId: $id, reaction: LIKE }) { post { id } } }`,
          { id: a.postId },
        ),
        who,
      ),
    ),
  'Mutation.toggleThreadReaction': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { toggleThreadReaction(input: { threadId: $id, reaction: LIKE }) { thread { id } } }`,
          { id: a.threadId },
        ),
        who,
      ),
    ),
  'Mutation.flagPost': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { flagPost(input: { postId: $id, reason: "spam" }) { flag { id } } }`,
          { id: a.postId },
        ),
        who,
      ),
    ),
  'Mutation.hidePost': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { hidePost(input: { postId: $id }) { post { id } } }`,
          { id: a.postId },
        ),
        who,
      ),
    ),
  'Mutation.restorePost': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { restorePost(input: { postId: $id }) { post { id } } }`,
          { id: a.postId },
        ),
        who,
      ),
    ),
  'Mutation.markNotificationsRead': async () => {
    const owner = new pg.Client({ connectionString: server.db.ownerUrl });
    await owner.connect();
    const { rows } = await owner.query<{ id: string }>(
      `select id from notification where organisation_id = $1`,
      [a.organisation.id],
    );
    await owner.end();
    expect(rows.length).toBeGreaterThan(0);
    await b.owner.client.ok(
      `mutation($ids: [ID!]) { markNotificationsRead(input: { ids: $ids }) { unreadCount } }`,
      {
        ids: rows.map((r) => r.id),
      },
    );
    expectDenied(
      await b.readToken.request(`mutation { markNotificationsRead(input: {}) { unreadCount } }`),
    );
  },
  'Subscription.threadActivity': async () =>
    asB(async (attacker, who) => {
      const [result] = await firstEvents(
        attacker,
        `subscription($id: ID!) { threadActivity(threadId: $id) { kind } }`,
        { id: a.threadId },
      );
      expect(result?.errors?.[0]?.extensions?.code, who).toBeOneOf(deniedFor(who));
    }),
  'Subscription.spaceActivity': async () =>
    asB(async (attacker, who) => {
      const [result] = await firstEvents(
        attacker,
        `subscription($id: ID!) { spaceActivity(spaceId: $id) { kind } }`,
        {
          id: a.privateSpaceId,
        },
      );
      expect(result?.errors?.[0]?.extensions?.code, who).toBeOneOf(deniedFor(who));
    }),
  'Subscription.notificationAdded': async () => {
    // A's member and B's owner listen while A's owner mentions A's member: the member gets it,
    // B does not. B's own marker (its member mentions its owner afterwards) ends the wait.
    const listenFor = (client: TestClient) => {
      const ws = client.websocket();
      const received: Array<{ data?: { notificationAdded?: { id: string; threadId: string } } }> =
        [];
      const errors: unknown[] = [];
      const stop = ws.subscribe(
        { query: `subscription { notificationAdded { id threadId } }` },
        {
          next: (v) => void received.push(v as (typeof received)[number]),
          error: (e) => void errors.push(e),
          complete: () => undefined,
        },
      );
      return { received, errors, stop: async () => (stop(), await ws.dispose()) };
    };
    const mention = async (author: TestClient, threadId: string, target: TestClient) => {
      const handle = (await target.ok(`query { viewer { handle } }`)).viewer.handle;
      await author.ok(
        `mutation($input: CreatePostInput!) { createPost(input: $input) { post { id } } }`,
        { input: { threadId, body: `Ping @${handle}` } },
      );
    };
    const aMember = listenFor(a.member.client);
    const bOwner = listenFor(b.owner.client);
    try {
      await new Promise((resolve) => setTimeout(resolve, 300)); // both subscriptions registered
      await mention(a.owner.client, a.threadId, a.member.client);
      await until(() => aMember.received.length > 0, "A's member's notification");
      expect(aMember.received[0]?.data?.notificationAdded?.threadId).toBe(a.threadId);
      await mention(b.member.client, b.threadId, b.owner.client);
      await until(() => bOwner.received.length > 0, "B's own marker notification");
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Only B's own notification arrived, and nothing in it is A's.
      expect([...aMember.errors, ...bOwner.errors]).toEqual([]);
      expect(bOwner.received.map((r) => r.data?.notificationAdded?.threadId)).toEqual([b.threadId]);
      expectNothingOfA({ data: { received: bOwner.received }, errors: undefined }, 'B owner');
    } finally {
      await aMember.stop();
      await bOwner.stop();
    }
    const token = await firstEvents(b.readToken, `subscription { notificationAdded { id } }`, {});
    expect(token[0]?.errors?.[0]?.extensions?.code).toBeOneOf(DENIED);
  },

  'Query.event': async () => {
    const query = `query($id: ID!) { event(id: $id) { id title } }`;
    for (const [who, reader] of [
      ['A member', a.member.client],
      ['A guest', a.guest],
    ] as const)
      await expectAReads(reader, who, query, { id: a.event.id }, (data) =>
        expect(data.event, who).toEqual({ id: a.event.id, title: 'Alpha public dialogue' }),
      );
    await asB(async (attacker, who) => {
      expect(
        (await okOrDenied(attacker, query, { id: a.event.id }, who))?.event ?? null,
        who,
      ).toBeNull();
    });
  },
  'Query.eventByCode': async () => {
    // The code is the venue's invitation: whoever holds it sees the event's title, nothing inside
    // (EventPreview has no place, link, polls or registrations); the event itself stays hidden.
    const data = await b.owner.client.ok(
      `query($c: String!) { eventByCode(code: $c) { id title status } }`,
      { c: a.event.code },
    );
    expect(data.eventByCode.id).toBe(a.event.id);
    const event = await b.owner.client.ok(`query($id: ID!) { event(id: $id) { id } }`, {
      id: a.event.id,
    });
    expect(event.event).toBeNull();
  },
  'Query.events': async () => {
    const filtered = `query($o: ID) { events(filter: { organisationId: $o }) { id } }`;
    const all = `query { events(first: 200) { id } }`;
    for (const [who, reader] of [
      ['A member', a.member.client],
      ['A token', a.readToken],
    ] as const) {
      await expectAReads(reader, who, filtered, { o: a.organisation.id }, (data) =>
        expect(data.events, who).toEqual([{ id: a.event.id }]),
      );
      await expectAReads(reader, who, all, {}, (data) =>
        expect(
          data.events.map((e: { id: string }) => e.id),
          who,
        ).toContain(a.event.id),
      );
    }
    await asB(async (attacker, who) => {
      const data = await okOrDenied(attacker, filtered, { o: a.organisation.id }, who);
      if (!data) return;
      expect(data.events, who).toEqual([]);
      const every = await okOrDenied(attacker, all, {}, who);
      if (!every) return;
      expect(
        every.events.map((e: { id: string }) => e.id),
        who,
      ).not.toContain(a.event.id);
    });
  },
  'Query.questions': async () =>
    asB(async (attacker, who) => {
      const result = await attacker.request(
        `query($id: ID!) { questions(eventId: $id) { id body } }`,
        { id: a.event.id },
      );
      expectDenied(result, who);
    }),
  'Query.eventRegistrationsCsv': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(`query($id: ID!) { eventRegistrationsCsv(eventId: $id) }`, {
          id: a.event.id,
        }),
        who,
      ),
    ),
  'Mutation.createEvent': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($s: ID!) { createEvent(input: { spaceId: $s, title: "Planted", startsAt: "2030-01-01T10:00:00Z", endsAt: "2030-01-01T12:00:00Z" }) { event { id } } }`,
          { s: a.privateSpaceId },
        ),
        who,
      ),
    ),
  'Mutation.updateEvent': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { updateEvent(input: { id: $id, title: "Hijacked" }) { event { id } } }`,
          { id: a.event.id },
        ),
        who,
      ),
    ),
  'Mutation.publishEvent': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { publishEvent(input: { eventId: $id }) { event { id } } }`,
          { id: a.event.id },
        ),
        who,
      ),
    ),
  'Mutation.cancelEvent': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { cancelEvent(input: { eventId: $id }) { event { id } } }`,
          { id: a.event.id },
        ),
        who,
      ),
    ),
  'Mutation.registerForEvent': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { registerForEvent(input: { eventId: $id }) { registration { id } } }`,
          { id: a.event.id },
        ),
        who,
      ),
    ),
  'Mutation.cancelRegistration': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { cancelRegistration(input: { eventId: $id }) { registration { id } } }`,
          { id: a.event.id },
        ),
        who,
      ),
    ),
  'Mutation.joinEvent': async () => {
    // Joining needs A's code; a guessed one finds nothing.
    const result = await b.owner.client.request(
      `mutation { joinEvent(input: { code: "ZZZZZZ", displayName: "Spy" }) { participant { id } } }`,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  },
  'Mutation.askQuestion': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { askQuestion(input: { eventId: $id, body: "Planted?" }) { question { id } } }`,
          { id: a.event.id },
        ),
        who,
      ),
    ),
  'Mutation.upvoteQuestion': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { upvoteQuestion(input: { questionId: $id }) { question { id } } }`,
          { id: a.approvedQuestionId },
        ),
        who,
      ),
    ),
  'Mutation.removeUpvote': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { removeUpvote(input: { questionId: $id }) { question { id } } }`,
          { id: a.approvedQuestionId },
        ),
        who,
      ),
    ),
  'Mutation.moderateQuestion': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { moderateQuestion(input: { questionId: $id, action: APPROVE }) { question { id } } }`,
          {
            id: a.pendingQuestionId,
          },
        ),
        who,
      ),
    ),
  'Mutation.createPoll': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { createPoll(input: { eventId: $id, question: "Q", options: ["a", "b"] }) { poll { id } } }`,
          { id: a.event.id },
        ),
        who,
      ),
    ),
  'Mutation.openPoll': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { openPoll(input: { pollId: $id }) { poll { id } } }`,
          { id: a.pollId },
        ),
        who,
      ),
    ),
  'Mutation.closePoll': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { closePoll(input: { pollId: $id }) { poll { id } } }`,
          { id: a.pollId },
        ),
        who,
      ),
    ),
  'Mutation.votePoll': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { votePoll(input: { pollId: $id, optionIds: ["00000000-0000-4000-8000-000000000000"] }) { poll { id } } }`,
          {
            id: a.pollId,
          },
        ),
        who,
      ),
    ),
  'Subscription.eventUpdated': async () =>
    asB(async (attacker, who) => {
      const [result] = await firstEvents(
        attacker,
        `subscription($id: ID!) { eventUpdated(eventId: $id) { kind } }`,
        { id: a.event.id },
      );
      expect(result?.errors?.[0]?.extensions?.code, who).toBeOneOf(deniedFor(who));
    }),

  'Query.riskAssessments': async () => {
    const query = `query($o: ID) { riskAssessments(filter: { organisationId: $o }, first: 100) { edges { node { id } } } }`;
    // A's drafts stay with A's people: its API token sees published assessments only.
    for (const [who, reader] of [['A member', a.member.client]] as const)
      await expectAReads(reader, who, query, { o: a.organisation.id }, (data) =>
        expect(data.riskAssessments.edges, who).toEqual([{ node: { id: a.assessmentId } }]),
      );
    await asB(async (attacker, who) => {
      const data = await okOrDenied(attacker, query, { o: a.organisation.id }, who);
      if (!data) return;
      expect(data.riskAssessments.edges, who).toEqual([]);
    });
  },
  'Query.riskAssessment': async () => {
    const query = `query($id: ID!) { riskAssessment(id: $id) { id title } }`;
    // A's drafts stay with A's people: its API token sees published assessments only.
    for (const [who, reader] of [['A member', a.member.client]] as const)
      await expectAReads(reader, who, query, { id: a.assessmentId }, (data) =>
        expect(data.riskAssessment, who).toEqual({
          id: a.assessmentId,
          title: 'Alpha land allocation 2026',
        }),
      );
    await asB(async (attacker, who) => {
      const data = await okOrDenied(attacker, query, { id: a.assessmentId }, who);
      if (!data) return;
      expect(data.riskAssessment, who).toBeNull();
    });
  },
  'Query.riskSummary': async () =>
    asB(async (attacker, who) => {
      const data = await okOrDenied(
        attacker,
        `query($n: ID) { riskSummary(filter: { networkId: $n }) { assessments risks } }`,
        { n: a.network.id },
        who,
      );
      if (!data) return;
      expect(data.riskSummary).toEqual({ assessments: 0, risks: 0 });
    }),
  'Query.publicRiskAssessment': async () =>
    asB(async (attacker, who) => {
      const data = await okOrDenied(
        attacker,
        `query($id: ID!) { publicRiskAssessment(id: $id) { id } }`,
        { id: a.assessmentId },
        who,
      );
      if (!data) return;
      expect(data.publicRiskAssessment).toBeNull(); // not published
    }),
  'Query.riskAssessmentCsv': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(`query($id: ID!) { riskAssessmentCsv(id: $id) }`, {
          id: a.assessmentId,
        }),
        who,
      ),
    ),
  'Query.resources': async () =>
    asB(async (attacker, who) => {
      for (const filter of [
        { organisationId: a.organisation.id },
        { spaceId: a.privateSpaceId },
        { networkId: a.network.id },
        { query: a.searchWord },
      ]) {
        const data = await okOrDenied(
          attacker,
          `query($f: ResourceFilter) { resources(filter: $f, first: 100) { edges { node { id } } } }`,
          { f: filter },
          who,
        );
        if (!data) continue;
        expect(data.resources.edges, `${who} ${JSON.stringify(filter)}`).toEqual([]);
      }
    }),
  'Query.resource': async () => {
    const query = `query($id: ID!) { resource(id: $id) { id title } }`;
    for (const [who, reader] of [
      ['A member', a.member.client],
      ['A token', a.readToken],
    ] as const)
      await expectAReads(reader, who, query, { id: a.resourceId }, (data) =>
        expect(data.resource, who).toEqual({
          id: a.resourceId,
          title: 'Alpha procurement toolkit',
        }),
      );
    await asB(async (attacker, who) => {
      const data = await okOrDenied(attacker, query, { id: a.resourceId }, who);
      if (!data) return;
      expect(data.resource, who).toBeNull();
    });
  },
  'Mutation.createResource': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($s: ID!) { createResource(input: { spaceId: $s, title: "Planted", kind: DOCUMENT, language: EN }) { resource { id } } }`,
          { s: a.privateSpaceId },
        ),
        who,
      ),
    ),
  'Mutation.updateResource': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { updateResource(input: { id: $id, title: "Hijacked" }) { resource { id } } }`,
          { id: a.resourceId },
        ),
        who,
      ),
    ),
  'Mutation.deleteResource': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { deleteResource(input: { id: $id }) { deletedResourceId } }`,
          { id: a.resourceId },
        ),
        who,
      ),
    ),
  'Mutation.addResourceVersion': async () => {
    await asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { addResourceVersion(input: { resourceId: $id, url: "https://example.org/x" }) { version { id } } }`,
          { id: a.resourceId },
        ),
        who,
      ),
    );
    // B's owner cannot claim A's pending upload into B's own resource.
    const stolen = await b.owner.client.request(
      `mutation($r: ID!, $u: ID!) { addResourceVersion(input: { resourceId: $r, uploadId: $u }) { version { id } } }`,
      { r: b.resourceId, u: a.pendingUploadId },
    );
    expect(stolen.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(stolen.errors)).toMatch(/UPLOAD_NOT_FOUND/);
  },
  'Mutation.createRiskAssessment': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($s: ID!) { createRiskAssessment(input: { spaceId: $s, title: "Planted", subject: "X", sector: LAND }) { assessment { id } } }`,
          { s: a.privateSpaceId },
        ),
        who,
      ),
    ),
  'Mutation.updateRiskAssessment': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { updateRiskAssessment(input: { id: $id, title: "Hijacked" }) { assessment { id } } }`,
          { id: a.assessmentId },
        ),
        who,
      ),
    ),
  'Mutation.archiveRiskAssessment': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { archiveRiskAssessment(input: { id: $id }) { assessment { id } } }`,
          { id: a.assessmentId },
        ),
        who,
      ),
    ),
  'Mutation.publishRiskAssessment': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { publishRiskAssessment(input: { id: $id }) { assessment { id } } }`,
          { id: a.assessmentId },
        ),
        who,
      ),
    ),
  'Mutation.unpublishRiskAssessment': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { unpublishRiskAssessment(input: { id: $id }) { assessment { id } } }`,
          { id: a.assessmentId },
        ),
        who,
      ),
    ),
  'Mutation.addRisk': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { addRisk(input: { assessmentId: $id, title: "Planted", likelihood: 1, impact: 1 }) { risk { id } } }`,
          { id: a.assessmentId },
        ),
        who,
      ),
    ),
  'Mutation.updateRisk': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { updateRisk(input: { id: $id, likelihood: 1 }) { risk { id } } }`,
          { id: a.riskId },
        ),
        who,
      ),
    ),
  'Mutation.addMitigation': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { addMitigation(input: { riskId: $id, action: "x", dueDate: "2099-01-01" }) { mitigation { id } } }`,
          { id: a.riskId },
        ),
        who,
      ),
    ),
  'Mutation.setMitigationStatus': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { setMitigationStatus(input: { id: $id, status: DONE }) { mitigation { id } } }`,
          { id: a.mitigationId },
        ),
        who,
      ),
    ),

  'Query.reportingPage': async () => {
    // The reporting page is public by design: its intro and categories, nothing else.
    const data = await b.owner.client.ok(
      `query($s: String!) { reportingPage(organisationSlug: $s) { enabled categories } }`,
      { s: a.organisation.slug },
    );
    expect(data.reportingPage).toEqual({ enabled: true, categories: ['Bribery'] });
  },
  'Query.reportingSettings': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `query($o: ID!) { reportingSettings(organisationId: $o) { handlerUserIds } }`,
          { o: a.organisation.id },
        ),
        who,
      ),
    ),
  'Query.reportChallenge': async () => {
    // A puzzle for anyone: it names no organisation and opens nothing.
    const data = await b.owner.client.ok(`query { reportChallenge }`);
    expect(typeof data.reportChallenge).toBe('string');
  },
  'Query.reportByReceipt': async () => {
    // Without A's receipt, nothing: B's own receipt opens only B's report.
    const data = await b.owner.client.ok(
      `query($r: String!, $p: String!) { reportByReceipt(receipt: $r, proof: $p) { title } }`,
      { r: b.receipt, p: await reportProof(server.url) },
    );
    expect(data.reportByReceipt.title).toBe('Bravo report');
    const guessed = await b.owner.client.request(
      `query($p: String!) { reportByReceipt(receipt: "0000-0000-0000-0000", proof: $p) { title } }`,
      { p: await reportProof(server.url) },
    );
    expect(guessed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  },
  'Query.reports': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `query($o: ID!) { reports(organisationId: $o) { edges { node { id body } } } }`,
          { o: a.organisation.id },
        ),
        who,
      ),
    ),
  'Query.reportHandlers': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `query($o: ID!) { reportHandlers(organisationId: $o) { handlers changes { added } } }`,
          { o: a.organisation.id },
        ),
        who,
      ),
    ),
  'Query.report': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(`query($id: ID!) { report(id: $id) { body } }`, { id: a.reportId }),
        who,
      ),
    ),
  'Mutation.configureReporting': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($input: ConfigureReportingInput!) { configureReporting(input: $input) { enabled } }`,
          {
            input: {
              organisationId: a.organisation.id,
              enabled: true,
              handlerUserIds: [b.owner.id],
            },
          },
        ),
        who,
      ),
    ),
  'Mutation.submitReport': async () => {
    // Filing a report into A is what the form is for; it gives B no way to read A's reports.
    const result = await b.owner.client.request(
      `mutation($input: SubmitReportInput!) { submitReport(input: $input) { receipt } }`,
      {
        input: {
          organisationSlug: a.organisation.slug,
          category: 'Nope',
          title: 'x',
          body: 'y',
          proof: await reportProof(server.url),
        },
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  },
  'Mutation.replyToReport': async () => {
    const result = await b.owner.client.request(
      `mutation($p: String!) { replyToReport(input: { receipt: "0000-0000-0000-0000", body: "Planted", proof: $p }) { status } }`,
      { p: await reportProof(server.url) },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  },
  'Mutation.setReportStatus': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { setReportStatus(input: { id: $id, status: DISMISSED }) { id } }`,
          { id: a.reportId },
        ),
        who,
      ),
    ),
  'Mutation.messageReporter': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!) { messageReporter(input: { id: $id, body: "Hi" }) { id } }`,
          { id: a.reportId },
        ),
        who,
      ),
    ),
  'Mutation.assignReport': async () =>
    asB(async (attacker, who) =>
      expectDenied(
        await attacker.request(
          `mutation($id: ID!, $h: ID) { assignReport(input: { id: $id, handlerUserId: $h }) { id } }`,
          { id: a.reportId, h: b.owner.id },
        ),
        who,
      ),
    ),
  'Subscription.reportActivity': async () =>
    asB(async (attacker, who) => {
      const [result] = await firstEvents(
        attacker,
        `subscription($o: ID!) { reportActivity(organisationId: $o) { kind } }`,
        { o: a.organisation.id },
      );
      expect(result?.errors?.[0]?.extensions?.code, who).toBeOneOf(deniedFor(who));
    }),

  'Subscription.serverTimeTicked': async () => {
    // The clock carries no tenant data; the point is that a token's socket works and sees only the tick.
    const ws = b.readToken.websocket();
    try {
      const tick = await new Promise<unknown>((resolve, reject) => {
        const stop = ws.subscribe(
          { query: 'subscription { serverTimeTicked }' },
          {
            next: (value) => {
              stop();
              resolve(value);
            },
            error: reject,
            complete: () => undefined,
          },
        );
      });
      expect(JSON.stringify(tick)).toMatch(/serverTimeTicked/);
    } finally {
      await ws.dispose();
    }
  },
};

/**
 * Tables whose rows anyone may read: an organisation's reporting page (intro, categories), and
 * the organisation's profile (the public directory).
 */
const PUBLIC_BY_DESIGN = ['reporting_config', 'organisation'];

const CASES_WHERE_A_ACTS = new Set(['Subscription.notificationAdded']);

type SubscriptionResult = {
  data?: unknown;
  errors?: Array<{ extensions?: Record<string, unknown> }>;
};

/** The first result (or the error) of a subscription, or nothing after a short wait. */
async function firstEvents(
  client: TestClient,
  query: string,
  variables: Record<string, unknown>,
): Promise<SubscriptionResult[]> {
  const ws = client.websocket();
  try {
    return await new Promise<SubscriptionResult[]>((resolve) => {
      const timer = setTimeout(() => resolve([]), 1500);
      ws.subscribe(
        { query, variables },
        {
          next: (value) => {
            clearTimeout(timer);
            resolve([value as SubscriptionResult]);
          },
          error: (error) => {
            clearTimeout(timer);
            resolve([
              {
                errors: Array.isArray(error) ? error : [{ extensions: { code: 'SOCKET_CLOSED' } }],
              },
            ]);
          },
          complete: () => undefined,
        },
      );
    });
  } finally {
    await ws.dispose();
  }
}

beforeAll(async () => {
  server = await startTestServer();
  a = await buildTenant(server, 'Alpha');
  b = await buildTenant(server, 'Bravo');
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('cross-tenant isolation through the API', () => {
  it('has a case for every query, mutation and subscription in the schema', async () => {
    const schema = await buildAppSchema(features.resolvers);
    const operations = (['Query', 'Mutation', 'Subscription'] as const).flatMap((root) => {
      const type =
        root === 'Query'
          ? schema.getQueryType()
          : root === 'Mutation'
            ? schema.getMutationType()
            : schema.getSubscriptionType();
      return Object.keys(type?.getFields() ?? {}).map((field) => `${root}.${field}`);
    });
    const missing = operations.filter((operation) => !(operation in cases));
    expect(missing, 'operations without an isolation case').toEqual([]);
    const stale = Object.keys(cases).filter((name) => !operations.includes(name));
    expect(stale, 'cases for operations that no longer exist').toEqual([]);
  });

  it('tenant B cannot read or change anything of tenant A through any operation', async () => {
    const run = async (operation: string, attack: () => Promise<void>) => {
      try {
        await attack();
      } catch (error) {
        throw new Error(`isolation case ${operation} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
    };
    const before = await snapshotOfA();
    for (const [operation, attack] of Object.entries(cases)) {
      if (!CASES_WHERE_A_ACTS.has(operation)) await run(operation, attack);
    }
    expect(await snapshotOfA()).toEqual(before);
    // These need A itself to act (post a mention) while B listens, so they run after the comparison.
    for (const operation of CASES_WHERE_A_ACTS) await run(operation, cases[operation]!);
  }, 120_000);

  it('a shared live answer shows no subscriber a hidden post that only another subscriber may read', async () => {
    // A's member wrote a post that a moderator hid; two replies deep, a thread update is
    // answered once for every subscriber alike in rights: the member who wrote it must not be
    // the one the others' answer is executed as.
    const reader = await person(server, 'Alpha Reader');
    await addMember(server, a.owner, a.organisation.id, reader);
    const create = `mutation($input: CreatePostInput!) { createPost(input: $input) { post { id } } }`;
    const hidden = (
      await a.member.client.ok(create, { input: { threadId: a.threadId, body: 'Alpha secret' } })
    ).createPost.post.id as string;
    await a.owner.client.ok(
      `mutation($id: ID!) { hidePost(input: { postId: $id, reason: "Hidden" }) { post { id } } }`,
      { id: hidden },
    );
    const parent = (
      await a.owner.client.ok(create, {
        input: { threadId: a.threadId, body: 'Reply', replyToPostId: hidden },
      })
    ).createPost.post.id as string;
    const query = `subscription($id: ID!) { threadActivity(threadId: $id) { post { replyTo { replyTo { id body bodyHtml } } } } }`;
    const sockets = [a.member.client.websocket(), reader.client.websocket()];
    const received: unknown[][] = [[], []];
    try {
      for (const [i, ws] of sockets.entries()) {
        ws.subscribe(
          { query, variables: { id: a.threadId } },
          {
            next: (value) => received[i]!.push(value),
            error: (error) => received[i]!.push(error),
            complete: () => undefined,
          },
        );
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      await a.owner.client.ok(create, {
        input: { threadId: a.threadId, body: 'Deeper', replyToPostId: parent },
      });
      const end = Date.now() + 10_000;
      while (received.some((list) => list.length === 0) && Date.now() < end)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(received[1]).toEqual([
        {
          data: {
            threadActivity: {
              post: { replyTo: { replyTo: { id: hidden, body: null, bodyHtml: null } } },
            },
          },
        },
      ]);
      expect(JSON.stringify(received[1])).not.toContain('Alpha secret');
    } finally {
      for (const ws of sockets) await ws.dispose();
    }
  });

  it("only A's case handlers download A's report files over HTTP", async () => {
    const download = (headers: Record<string, string> = {}) =>
      fetch(`${server.url}/report-attachments/${a.attachmentId}`, { headers });
    // B's owner is a case handler too, of B: another organisation's file is not found.
    const asBHandler = await download({ cookie: b.owner.client.cookie! });
    expect(asBHandler.status).toBe(404);
    expect(await asBHandler.text()).not.toContain('Alpha ledger');
    expect((await download({ authorization: `Bearer ${b.apiToken.secret}` })).status).toBe(401);
    expect((await download()).status).toBe(401);
    // A's member is in the organisation but is no case handler.
    expect((await download({ cookie: a.member.client.cookie! })).status).toBe(404);
    const asAHandler = await download({ cookie: a.owner.client.cookie! });
    expect(asAHandler.status).toBe(200);
    expect(await asAHandler.text()).toBe('Alpha ledger');
  });

  it("an API token reads its own organisation's spaces and nothing else", async () => {
    const data = await a.readToken.ok(
      `query { spaces(first: 100) { edges { node { id organisation { id } } } } }`,
    );
    const ids = data.spaces.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toEqual(
      expect.arrayContaining([a.privateSpaceId, a.sharedSpaceId, a.networkSpaceId]),
    );
    for (const edge of data.spaces.edges) {
      expect([a.organisation.id]).toContain(edge.node.organisation.id);
    }
  });
});

describe('cross-tenant isolation of the file endpoints', () => {
  it("B, its token, its guest and strangers get 404 for A's file; only A's members download it", async () => {
    const path = `/files/${a.versionId}`;
    for (const [who, client] of [
      ['B owner', b.owner.client],
      ['B token', b.readToken],
      ['B guest', b.guest],
      ['anonymous', server.client()],
    ] as const) {
      const response = await client.fetch(path);
      expect(response.status, who).toBe(404);
      expect(await response.text(), who).not.toContain('toolkit text');
    }
    const own = await a.member.client.fetch(path);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('Alpha toolkit text');
  });

  it('only signed-in people upload, and never by a cross-site form', async () => {
    for (const [who, client] of [
      ['B token', b.readToken],
      ['B guest', b.guest],
      ['anonymous', server.client()],
    ] as const) {
      const response = await client.upload('x.txt', 'planted');
      expect(response.status, who).toBe(401);
    }
    const forged = await b.owner.client.upload('x.txt', 'forged', {});
    expect(forged.status).toBe(400);
  });
});

describe('cross-tenant isolation in the database (row-level security alone)', () => {
  async function asAppRole<T>(
    settings: Record<string, string>,
    work: (client: pg.Client) => Promise<T>,
  ): Promise<T> {
    const client = new pg.Client({ connectionString: server.db.appUrl });
    await client.connect();
    try {
      await client.query('begin');
      for (const [key, value] of Object.entries(settings)) {
        await client.query('select set_config($1, $2, true)', [key, value]);
      }
      return await work(client);
    } finally {
      await client.query('rollback').catch(() => undefined);
      await client.end();
    }
  }

  async function tenantTables(): Promise<string[]> {
    const owner = new pg.Client({ connectionString: server.db.ownerUrl });
    await owner.connect();
    try {
      const { rows } = await owner.query<{ table_name: string }>(
        `select table_name from information_schema.columns
         where table_schema = 'public' and column_name = 'organisation_id' order by 1`,
      );
      return rows.map((row) => row.table_name);
    } finally {
      await owner.end();
    }
  }

  it('forces row-level security on every table that carries organisation_id', async () => {
    const owner = new pg.Client({ connectionString: server.db.ownerUrl });
    await owner.connect();
    try {
      const tables = await tenantTables();
      expect(tables.length).toBeGreaterThanOrEqual(10);
      const { rows } = await owner.query<{
        relname: string;
        relrowsecurity: boolean;
        relforcerowsecurity: boolean;
      }>(
        `select relname, relrowsecurity, relforcerowsecurity from pg_class
         where relname = any($1) and relnamespace = 'public'::regnamespace`,
        [[...tables, 'organisation']],
      );
      for (const row of rows)
        expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
      const role = await owner.query(
        `select rolbypassrls, rolsuper from pg_roles where rolname = 'alany_app'`,
      );
      expect(role.rows[0]).toEqual({ rolbypassrls: false, rolsuper: false });
      const owned = await owner.query(
        `select count(*)::int as n from pg_class where relowner = (select oid from pg_roles where rolname = 'alany_app')`,
      );
      expect(owned.rows[0].n).toBe(0);
    } finally {
      await owner.end();
    }
  });

  const viewers = () => ({
    "B's owner": { 'app.user_id': b.owner.id, 'app.token_org_id': '' },
    "B's API token": { 'app.user_id': '', 'app.token_org_id': b.organisation.id },
    nobody: { 'app.user_id': '', 'app.token_org_id': '' },
  });

  /** The guest participant of a tenant's event (the id the guest's requests set). */
  const guestOf = async (tenant: Tenant) =>
    (
      await ownerQuery<{ id: string }>(
        server,
        `select id from event_participant where event_id = $1 and guest_token_hash is not null`,
        [tenant.event.id],
      )
    )[0]!.id;

  it("as the application role, B sees no row of A's in any tenant table, and A's own people do", async () => {
    const owner = new pg.Client({ connectionString: server.db.ownerUrl });
    await owner.connect();
    let tables: TenantTable[];
    let ids: Awaited<ReturnType<typeof idsOfA>>;
    const count = (client: pg.Client, table: TenantTable) =>
      client
        .query<{
          n: number;
        }>(`select count(*)::int as n from ${table.name} where ${rowsOfA(table, ids)}`)
        .then((r) => r.rows[0]!.n);
    try {
      tables = (await tenantTablesOf(owner)).filter(
        (t) => t.rowLevelSecurity && !PUBLIC_BY_DESIGN.includes(t.name),
      );
      ids = await idsOfA(owner);
      expect(tables.length).toBeGreaterThanOrEqual(30);
      // Every protected table holds rows of A's, or counting them as B below proves nothing.
      const empty = [];
      for (const table of tables) if ((await count(owner, table)) === 0) empty.push(table.name);
      expect(empty, "tenant tables without a row of A's (seed them in buildTenant)").toEqual([]);
    } finally {
      await owner.end();
    }
    const attackers = {
      ...viewers(),
      "B's guest": {
        'app.user_id': '',
        'app.token_org_id': '',
        'app.guest_participant_id': await guestOf(b),
      },
    };
    for (const [who, settings] of Object.entries(attackers)) {
      await asAppRole(settings, async (client) => {
        for (const table of tables)
          expect(await count(client, table), `${who} reading ${table.name}`).toBe(0);
      });
    }
    // The policies are not simply closed: one of A's own (owner, member, token or guest) reads
    // A's rows of every table, as the same application role.
    const readers: Array<Record<string, string>> = [
      { 'app.user_id': a.owner.id, 'app.token_org_id': '' },
      { 'app.user_id': a.member.id, 'app.token_org_id': '' },
      { 'app.user_id': '', 'app.token_org_id': a.organisation.id },
      { 'app.user_id': '', 'app.token_org_id': '', 'app.guest_participant_id': await guestOf(a) },
    ];
    const unread = [];
    for (const table of tables) {
      let seen = false;
      for (const settings of readers) {
        seen = await asAppRole(settings, async (client) => (await count(client, table)) > 0);
        if (seen) break;
      }
      if (!seen) unread.push(table.name);
    }
    expect(unread, "tables where none of A's own reads A's rows").toEqual([]);
  });

  it("as the application role, B can neither change nor delete A's rows, nor plant its own", async () => {
    for (const [who, settings] of Object.entries(viewers())) {
      await asAppRole(settings, async (client) => {
        const changes = [
          [`update organisation set name = 'Hijacked' where id = $1`, [a.organisation.id]],
          [`update membership set role = 'MEMBER' where organisation_id = $1`, [a.organisation.id]],
          [`delete from membership where organisation_id = $1`, [a.organisation.id]],
          [
            `update space set visibility = 'PUBLIC' where organisation_id = $1`,
            [a.organisation.id],
          ],
          [`delete from space where organisation_id = $1`, [a.organisation.id]],
          [
            `update api_token set revoked_at = now() where organisation_id = $1`,
            [a.organisation.id],
          ],
          [`update invitation set role = 'OWNER' where organisation_id = $1`, [a.organisation.id]],
          [`delete from network_membership where network_id = $1`, [a.network.id]],
          [
            `update resource set title = 'Hijacked' where organisation_id = $1`,
            [a.organisation.id],
          ],
          [`delete from resource where organisation_id = $1`, [a.organisation.id]],
          [
            `update resource_version set note = 'x' where organisation_id = $1`,
            [a.organisation.id],
          ],
          [`delete from file_upload where user_id = $1`, [a.owner.id]],
          [
            `update question_vote_count set votes = votes + 1 where organisation_id = $1`,
            [a.organisation.id],
          ],
          [`delete from question_vote_count where organisation_id = $1`, [a.organisation.id]],
        ] as const;
        for (const [sql, params] of changes) {
          // Either the policies hide every target row, or the privilege is not there at all.
          await client.query('savepoint attempt');
          const outcome = await client.query(sql, [...params]).then(
            (result) => result.rowCount,
            (error: Error) => (/permission denied/.test(error.message) ? 'denied' : error.message),
          );
          await client.query('rollback to savepoint attempt');
          expect([0, 'denied'], `${who}: ${sql}`).toContain(outcome);
        }
        for (const [sql, params] of [
          [
            `insert into membership (id, organisation_id, user_id, role, created_at) values (gen_random_uuid(), $1, $2, 'OWNER', now())`,
            [a.organisation.id, b.owner.id],
          ],
          [
            `insert into space_participant (id, space_id, organisation_id, created_at) values (gen_random_uuid(), $1, $2, now())`,
            [a.privateSpaceId, b.organisation.id],
          ],
          [
            `insert into resource (id, organisation_id, space_id, title, kind, language, created_by, created_at, updated_at)
             values (gen_random_uuid(), $1, $2, 'Planted', 'DOCUMENT', 'EN', $3, now(), now())`,
            [a.organisation.id, a.privateSpaceId, b.owner.id],
          ],
          [
            `insert into resource_version (id, organisation_id, space_id, resource_id, number, url, created_by, created_at)
             values (gen_random_uuid(), $1, $2, $3, 99, 'https://planted.example', $4, now())`,
            [a.organisation.id, a.privateSpaceId, a.resourceId, b.owner.id],
          ],
          [
            `insert into file_upload (id, user_id, storage_key, file_name, size_bytes, media_type, sha256, created_at)
             values (gen_random_uuid(), $1, 'uploads/planted', 'x', 1, 'text/plain', repeat('a', 64), now())`,
            [a.owner.id],
          ],
          [
            `insert into network_membership (id, network_id, organisation_id, joined_at) values (gen_random_uuid(), $1, $2, now())`,
            [a.network.id, b.organisation.id],
          ],
          [
            // A question's vote count moves only with its votes.
            `insert into question_vote_count (question_id, organisation_id, space_id, event_id, votes)
             select id, organisation_id, space_id, event_id, 1000 from question where id = $1`,
            [a.pendingQuestionId],
          ],
          [
            // A guest may only come in through the join code, never by inserting itself.
            `insert into event_participant (id, organisation_id, space_id, event_id, user_id, guest_token_hash, display_name, created_at)
             values (gen_random_uuid(), $1, $2, $3, null, 'planted', 'Spy', now())`,
            [a.organisation.id, a.privateSpaceId, a.event.id],
          ],
        ] as const) {
          await client.query('savepoint attempt');
          await expect(client.query(sql, [...params]), `${who}: ${sql}`).rejects.toThrow(
            /row-level security|permission denied/,
          );
          await client.query('rollback to savepoint attempt');
        }
        // The audit log is append-only for the application role, whoever asks.
        await client.query('savepoint attempt');
        await expect(client.query(`delete from audit_event`)).rejects.toThrow(/permission denied/);
        await client.query('rollback to savepoint attempt');
      });
    }
  });

  it('the database alone keeps an owner, and an invitation cannot be bent into a higher role', async () => {
    const client = new pg.Client({ connectionString: server.db.appUrl });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(
        `select set_config('app.user_id', $1, true), set_config('app.token_org_id', '', true)`,
        [a.owner.id],
      );
      const removed = await client.query(
        `delete from membership where organisation_id = $1 and user_id = $2`,
        [a.organisation.id, a.owner.id],
      );
      expect(removed.rowCount).toBe(1);
      await expect(client.query('commit')).rejects.toThrow(/would have no owner/);

      await client.query('begin');
      await client.query(
        `select set_config('app.user_id', $1, true), set_config('app.token_org_id', '', true)`,
        [a.member.id],
      );
      await expect(client.query(`update invitation set role = 'OWNER'`)).rejects.toThrow(
        /permission denied/,
      );
      await client.query('rollback');
    } finally {
      await client.end();
    }
    const members = await a.owner.client.ok(
      `query($id: ID!) { members(organisationId: $id) { edges { node { role } } } }`,
      { id: a.organisation.id },
    );
    expect(members.members.edges.map((e: { node: { role: string } }) => e.node.role)).toContain(
      'OWNER',
    );
  });

  it("as the application role, nobody casts or takes back a vote on A's questions without an A guest's token", async () => {
    const owner = new pg.Client({ connectionString: server.db.ownerUrl });
    await owner.connect();
    const hashes = await owner
      .query<{ event_id: string; id: string; guest_token_hash: string }>(
        `select event_id, id, guest_token_hash from event_participant
         where event_id = any($1::uuid[]) and guest_token_hash is not null order by created_at`,
        [[a.event.id, b.event.id]],
      )
      .finally(() => owner.end());
    const bGuest = hashes.rows.find((row) => row.event_id === b.event.id)!;
    const aGuest = hashes.rows.find((row) => row.event_id === a.event.id)!;
    const countsOfA = () =>
      ownerQuery<{ question_id: string; votes: number; rows: number }>(
        server,
        `select c.question_id, c.votes, (select count(*)::int from question_vote v where v.question_id = c.question_id) as rows
         from question_vote_count c where c.organisation_id = $1 order by 1`,
        [a.organisation.id],
      );
    const countsBefore = await countsOfA();
    expect(countsBefore.map((row) => row.question_id)).toContain(a.approvedQuestionId);
    const attackers = {
      ...viewers(),
      "B's guest": { 'app.guest_participant_id': bGuest.id, 'app.user_id': '' },
      // Naming A's guest in the settings is no proof: the vote wants the token's hash.
      "A's guest named in the settings": { 'app.guest_participant_id': aGuest.id },
    };
    for (const [who, settings] of Object.entries(attackers)) {
      await asAppRole(settings, async (client) => {
        for (const question of [a.approvedQuestionId, a.pendingQuestionId]) {
          for (const upvote of [true, false]) {
            for (const hash of [null, bGuest.guest_token_hash, 'f'.repeat(64)]) {
              const { rows } = await client.query<{ outcome: string; changed: number | null }>(
                'select outcome, changed from alany.cast_vote($1, $2, $3)',
                [question, upvote, hash],
              );
              expect(rows, `${who}: cast_vote(${question}, ${upvote}, ${hash})`).toEqual([
                { outcome: 'NO_PARTICIPANT', changed: null },
              ]);
            }
            const batch = await client.query<{ outcome: string }>(
              'select outcome from alany.cast_votes($1::uuid[], $2::boolean[], $3::text[])',
              [
                [question, question],
                [upvote, upvote],
                [bGuest.guest_token_hash, null],
              ],
            );
            expect(
              batch.rows.map((row) => row.outcome),
              `${who}: cast_votes`,
            ).toEqual(['NO_PARTICIPANT', 'NO_PARTICIPANT']);
          }
        }
      });
    }
    // Nor by writing the table directly, whoever the settings name: only the function writes it.
    for (const settings of Object.values(attackers)) {
      await asAppRole(settings, async (client) => {
        await client.query('savepoint attempt');
        await expect(
          client.query(
            `insert into question_vote (question_id, participant_id, organisation_id, space_id, event_id, created_at)
             values ($1, $2, $3, $4, $5, now())`,
            [a.approvedQuestionId, aGuest.id, a.organisation.id, a.privateSpaceId, a.event.id],
          ),
        ).rejects.toThrow(/permission denied/);
        await client.query('rollback to savepoint attempt');
        await expect(client.query('delete from question_vote')).rejects.toThrow(
          /permission denied/,
        );
      });
    }
    // The proof works (the function is not simply closed): with A's guest's token hash the vote
    // is cast, here inside a transaction that is rolled back.
    await asAppRole({}, async (client) => {
      const { rows } = await client.query<{ outcome: string; changed: number; votes: number }>(
        'select outcome, changed, votes from alany.cast_vote($1, true, $2)',
        [a.approvedQuestionId, aGuest.guest_token_hash],
      );
      expect(rows[0]?.outcome).toBe('OK');
      const before = countsBefore.find((row) => row.question_id === a.approvedQuestionId)!;
      expect(rows[0]?.votes).toBe(before.votes + rows[0]!.changed);
    });
    // A's counts are where they were, and exact.
    const countsAfter = await countsOfA();
    expect(countsAfter).toEqual(countsBefore);
    for (const row of countsAfter) expect(row.votes, row.question_id).toBe(row.rows);
  });

  it('the application role may not create temporary tables', async () => {
    const owner = await ownerQuery<{ app: boolean; everyone: boolean }>(
      server,
      `select has_database_privilege('alany_app', current_database(), 'TEMPORARY') as app,
              has_database_privilege('public', current_database(), 'TEMPORARY') as everyone`,
    );
    expect(owner).toEqual([{ app: false, everyone: false }]);
    await asAppRole({ 'app.user_id': b.owner.id }, async (client) => {
      await expect(
        client.query(`create temp table membership (organisation_id uuid, user_id uuid)`),
      ).rejects.toThrow(/permission denied to create temporary tables/);
    });
  });

  it("a temporary table named like a policy's table steers no security-definer function", async () => {
    // Even were TEMPORARY granted back, the functions search pg_temp last: the temporary
    // `membership` and `event_participant` are never read in place of the real ones.
    const db = (await ownerQuery<{ name: string }>(server, 'select current_database() as name'))[0]!
      .name;
    const [aGuest] = await ownerQuery<{ id: string }>(
      server,
      `select id from event_participant where event_id = $1 and guest_token_hash is not null`,
      [a.event.id],
    );
    await ownerQuery(server, `grant temporary on database ${db} to alany_app`);
    try {
      await asAppRole({ 'app.user_id': b.owner.id, 'app.token_org_id': '' }, async (client) => {
        await client.query(
          `create temp table membership (id uuid, organisation_id uuid, user_id uuid, role member_role, created_at timestamptz)`,
        );
        await client.query(
          `insert into pg_temp.membership values (gen_random_uuid(), $1, $2, 'OWNER', now())`,
          [a.organisation.id, b.owner.id],
        );
        const orgs = await client.query<{ ids: string[] }>(
          'select alany.viewer_org_ids()::text[] as ids',
        );
        expect(orgs.rows[0]?.ids).not.toContain(a.organisation.id);
        expect(orgs.rows[0]?.ids).toContain(b.organisation.id);
        const spaces = await client.query(
          `select count(*)::int as n from space where organisation_id = $1`,
          [a.organisation.id],
        );
        expect(spaces.rows[0].n).toBe(0);

        // A vote as A's guest, proved by a hash the attacker planted in its own table.
        await client.query(
          `create temp table event_participant (id uuid, organisation_id uuid, space_id uuid, event_id uuid, user_id uuid, guest_token_hash text, display_name text, created_at timestamptz)`,
        );
        await client.query(
          `insert into pg_temp.event_participant values ($1, $2, $3, $4, null, 'planted', 'Spy', now())`,
          [aGuest!.id, a.organisation.id, a.privateSpaceId, a.event.id],
        );
        const batch = await client.query<{ outcome: string }>(
          'select outcome from alany.cast_votes($1::uuid[], $2::boolean[], $3::text[])',
          [[a.approvedQuestionId], [true], ['planted']],
        );
        expect(batch.rows.map((row) => row.outcome)).toEqual(['NO_PARTICIPANT']);
      });
    } finally {
      await ownerQuery(server, `revoke temporary on database ${db} from alany_app`);
    }
  });

  it("as the application role, A's own owner does see A's rows (the policies are not simply closed)", async () => {
    await asAppRole({ 'app.user_id': a.owner.id, 'app.token_org_id': '' }, async (client) => {
      const spaces = await client.query(
        `select count(*)::int as n from space where organisation_id = $1`,
        [a.organisation.id],
      );
      expect(spaces.rows[0].n).toBe(3);
      const audit = await client.query(
        `select count(*)::int as n from audit_event where organisation_id = $1`,
        [a.organisation.id],
      );
      expect(audit.rows[0].n).toBeGreaterThan(5);
    });
  });
});

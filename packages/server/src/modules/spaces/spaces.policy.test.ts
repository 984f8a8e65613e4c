import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { Context } from '../../platform/graphql/context.js';
import { RequestCache } from '../../platform/graphql/loaders.js';
import { ShortUnitOfWork, type DatabaseSettings } from '../../platform/database/unit-of-work.js';
import { ownerQuery, startTestServer, type TestServer } from '../../test/harness.js';
import {
  buildTenant,
  createOrganisation,
  person,
  type Person,
  type Tenant,
} from '../../test/tenants.js';
import { SpaceVisibility } from './spaces.entity.js';
import { mayReadSpace } from './spaces.policy.js';

/*
 * "Who may read a space" is written twice: in TypeScript (spaces.policy.ts, the application's
 * wall) and in SQL (`alany.readable_space_ids()`, row-level security's). Neither relies on the
 * other, so this proves they give the same answer for every kind of space and every kind of
 * viewer. The SQL runs as the application role with the viewer's settings, as the isolation
 * suite does; the TypeScript runs with the viewer's context, reading the viewer's reach as a
 * request does.
 */

let server: TestServer;
let a: Tenant;
/** The owner of B, an organisation in A's network. */
let peer: Person;
/** The owner of C, an organisation in a network of its own. */
let farAway: Person;
/** Signed in, in no organisation. */
let outsider: Person;
let spaces: Array<{
  id: string;
  organisationId: string;
  visibility: SpaceVisibility;
  networkId: string | null;
  name: string;
}>;

const CREATE_SPACE = `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`;
const SHARE_SPACE = `mutation($input: ShareSpaceInput!) { shareSpace(input: $input) { space { id } } }`;

async function createSpace(
  owner: Person,
  organisationId: string,
  name: string,
  visibility: SpaceVisibility,
  networkId?: string,
): Promise<string> {
  return (
    await owner.client.ok(CREATE_SPACE, { input: { organisationId, name, visibility, networkId } })
  ).createSpace.space.id as string;
}

async function createNetwork(owner: Person, organisationId: string, label: string) {
  return (
    await owner.client.ok(
      `mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { network { id } } }`,
      {
        input: {
          organisationId,
          name: `${label} Network`,
          slug: `${label}-${Date.now().toString(36)}`,
        },
      },
    )
  ).createNetwork.network.id as string;
}

beforeAll(async () => {
  server = await startTestServer();
  // A: private, shared (with its partner) and network spaces, an API token and an event guest.
  a = await buildTenant(server, 'Policy');
  await createSpace(a.owner, a.organisation.id, 'A public', SpaceVisibility.PUBLIC);

  // B joins A's network; it has a space of every visibility and shares a private one with A.
  peer = await person(server, 'Peer Owner');
  const b = await createOrganisation(peer, 'Peer');
  const invitation = await a.owner.client.ok(
    `mutation($input: InviteOrganisationToNetworkInput!) { inviteOrganisationToNetwork(input: $input) { invitation { id } } }`,
    { input: { networkId: a.network.id, organisationSlug: b.slug } },
  );
  await peer.client.ok(
    `mutation($id: ID!) { acceptNetworkInvitation(input: { invitationId: $id }) { invitation { acceptedAt } } }`,
    { id: invitation.inviteOrganisationToNetwork.invitation.id },
  );
  await createSpace(peer, b.id, 'B private', SpaceVisibility.ORGANISATION);
  await createSpace(peer, b.id, 'B public', SpaceVisibility.PUBLIC);
  await createSpace(peer, b.id, 'B network', SpaceVisibility.NETWORK, a.network.id);
  const bSharedWithA = await createSpace(
    peer,
    b.id,
    'B shared with A',
    SpaceVisibility.ORGANISATION,
  );
  await peer.client.ok(SHARE_SPACE, {
    input: { spaceId: bSharedWithA, organisationId: a.organisation.id },
  });

  // C, in another network: every visibility, and a private space shared with B.
  farAway = await person(server, 'Far Owner');
  const c = await createOrganisation(farAway, 'Far');
  const cNetwork = await createNetwork(farAway, c.id, 'far');
  await createSpace(farAway, c.id, 'C private', SpaceVisibility.ORGANISATION);
  await createSpace(farAway, c.id, 'C public', SpaceVisibility.PUBLIC);
  await createSpace(farAway, c.id, 'C network', SpaceVisibility.NETWORK, cNetwork);
  const cSharedWithB = await createSpace(
    farAway,
    c.id,
    'C shared with B',
    SpaceVisibility.ORGANISATION,
  );
  await farAway.client.ok(SHARE_SPACE, {
    input: { spaceId: cSharedWithB, organisationId: b.id },
  });

  outsider = await person(server, 'Outsider');
  spaces = (
    await ownerQuery<{
      id: string;
      organisation_id: string;
      visibility: SpaceVisibility;
      network_id: string | null;
      name: string;
    }>(server, `select id, organisation_id, visibility, network_id, name from space order by name`)
  ).map((row) => ({
    id: row.id,
    organisationId: row.organisation_id,
    visibility: row.visibility,
    networkId: row.network_id,
    name: row.name,
  }));
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

/** The settings a request's transaction carries for this viewer (as `settingsFor` in app.ts). */
function settingsOf(viewer: Viewer): DatabaseSettings {
  return {
    'app.user_id': viewer.kind === 'user' ? viewer.userId : '',
    'app.token_org_id': viewer.kind === 'apiToken' ? viewer.organisationId : '',
    'app.guest_participant_id': viewer.kind === 'guest' ? viewer.participantId : '',
  };
}

/** What `alany.readable_space_ids()` answers this viewer, as the application role. */
async function readableInSql(viewer: Viewer): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: server.db.appUrl });
  await client.connect();
  try {
    await client.query('begin');
    for (const [key, value] of Object.entries(settingsOf(viewer)))
      await client.query('select set_config($1, $2, true)', [key, value]);
    const { rows } = await client.query<{ id: string }>(
      'select unnest(alany.readable_space_ids()) as id',
    );
    return new Set(rows.map((row) => row.id));
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end();
  }
}

/**
 * What the policy answers this viewer, space by space, with a context of its own: its reach is
 * read through the same unit of work and request cache a GraphQL operation uses. The policy
 * uses only `viewer`, `db` and `loaders` of a context.
 */
async function readableInTypeScript(viewer: Viewer): Promise<Set<string>> {
  const context = {
    viewer,
    db: new ShortUnitOfWork(server.alany.orm, () => settingsOf(viewer)),
    loaders: new RequestCache(),
  } as unknown as Context;
  const readable = new Set<string>();
  for (const space of spaces) if (await mayReadSpace(context, space)) readable.add(space.id);
  return readable;
}

describe('who may read a space', () => {
  it('is the same in the policy and in alany.readable_space_ids(), for every viewer and space', async () => {
    const guest = await ownerQuery<{ id: string }>(
      server,
      `select id from event_participant where event_id = $1 and guest_token_hash is not null`,
      [a.event.id],
    );
    const user = (who: Person): Viewer => ({
      kind: 'user',
      userId: who.id,
      sessionId: '',
      locale: 'en',
    });
    const viewers: Record<string, Viewer> = {
      "A's owner": user(a.owner),
      "A's member": user(a.member),
      "B's owner (A's network peer)": user(peer),
      "C's owner (another network)": user(farAway),
      'a signed-in outsider': user(outsider),
      'signed out': { kind: 'anonymous' },
      "A's API token": {
        kind: 'apiToken',
        tokenId: a.apiToken.id,
        organisationId: a.organisation.id,
        scopes: ['READ', 'WRITE'],
      },
      "A's event guest": {
        kind: 'guest',
        participantId: guest[0]!.id,
        eventId: a.event.id,
        tokenHash: '',
      },
    };
    const names = new Map(spaces.map((space) => [space.id, space.name]));
    const named = (ids: Set<string>) => [...ids].map((id) => names.get(id) ?? id).sort();
    // Every kind of space is there: private, shared, network and public, in A, B and C.
    for (const visibility of Object.values(SpaceVisibility))
      expect(spaces.some((space) => space.visibility === visibility)).toBe(true);
    const answers: Record<string, string[]> = {};
    for (const [who, viewer] of Object.entries(viewers)) {
      const typescript = named(await readableInTypeScript(viewer));
      expect(typescript, who).toEqual(named(await readableInSql(viewer)));
      answers[who] = typescript;
    }
    // Both sides agreeing is not enough if both were wrong: the answers are the rule's.
    const publics = ['A public', 'B public', 'C public'];
    const aOwn = [
      'A public',
      'Policy network space',
      'Policy private space',
      'Policy shared space',
    ];
    expect(answers["A's owner"]).toEqual(
      [...aOwn, 'B network', 'B public', 'B shared with A', 'C public'].sort(),
    );
    expect(answers["A's member"]).toEqual(answers["A's owner"]);
    expect(answers["A's API token"]).toEqual(answers["A's owner"]);
    expect(answers["B's owner (A's network peer)"]).toEqual(
      [
        'A public',
        'Policy network space',
        'B private',
        'B public',
        'B network',
        'B shared with A',
        'C public',
        'C shared with B',
      ].sort(),
    );
    expect(answers["C's owner (another network)"]).toEqual(
      ['A public', 'B public', 'C private', 'C public', 'C network', 'C shared with B'].sort(),
    );
    for (const who of ['a signed-in outsider', 'signed out', "A's event guest"])
      expect(answers[who], who).toEqual(publics);
  });

  it('is the same in alany.user_can_read_space(), the rule for someone else (mentions)', async () => {
    const owner = new pg.Client({ connectionString: server.db.ownerUrl });
    await owner.connect();
    try {
      for (const who of [a.owner, a.member, peer, farAway, outsider]) {
        const { rows } = await owner.query<{ id: string }>(
          `select s.id from space s where alany.user_can_read_space($1, s.id)`,
          [who.id],
        );
        const viewer: Viewer = { kind: 'user', userId: who.id, sessionId: '', locale: 'en' };
        expect(new Set(rows.map((row) => row.id))).toEqual(await readableInTypeScript(viewer));
      }
    } finally {
      await owner.end();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { addMember, createOrganisation, person, type Person } from '../../test/tenants.js';

// Issue #26.11: the audit log names people and things, not their ids.

let server: TestServer;
let owner: Person;
let member: Person;
let organisationId: string;

const AUDIT = `query($id: ID!) { auditEvents(organisationId: $id, first: 50) { edges { node {
  action data target { key kind id name } references { key kind id name } } } } }`;

type Reference = { key: string; kind: string; id: string; name: string | null };
type Entry = {
  action: string;
  data: Record<string, unknown>;
  target: Reference | null;
  references: Reference[];
};

beforeAll(async () => {
  server = await startTestServer();
  owner = await person(server, 'Audit Owner');
  member = await person(server, 'Ержан Аудитов');
  organisationId = (await createOrganisation(owner, 'AuditNames')).id;
  await addMember(server, owner, organisationId, member);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('audit entries name what they refer to', () => {
  it('gives names for the people, invitations and spaces an entry holds ids of', async () => {
    const memberId = (await member.client.ok(`query { viewer { id } }`)).viewer.id as string;
    const membershipId = (
      await owner.client.ok(
        `query($id: ID!) { members(organisationId: $id, first: 10) { edges { node { id user { id } } } } }`,
        { id: organisationId },
      )
    ).members.edges.find((e: { node: { user: { id: string } } }) => e.node.user.id === memberId)
      .node.id as string;
    await owner.client.ok(
      `mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { membership { id } } }`,
      { input: { membershipId, role: 'MODERATOR' } },
    );
    await owner.client.ok(
      `mutation($id: ID!) { createSpace(input: { organisationId: $id, name: "Сатып алу мониторингі", visibility: ORGANISATION }) { space { id } } }`,
      { id: organisationId },
    );

    const entries = (await owner.client.ok(AUDIT, { id: organisationId })).auditEvents.edges.map(
      (e: { node: Entry }) => e.node,
    ) as Entry[];
    const entry = (action: string) => entries.find((e) => e.action === action)!;

    const accepted = entry('invitation.accepted');
    expect(accepted.target).toMatchObject({ kind: 'MEMBERSHIP', name: 'Ержан Аудитов' });
    expect(accepted.references).toEqual([
      {
        key: 'invitationId',
        kind: 'INVITATION',
        id: accepted.data.invitationId,
        name: member.email.toLowerCase(),
      },
    ]);

    const changed = entry('member.role_changed');
    expect(changed.references).toEqual([
      { key: 'userId', kind: 'PERSON', id: memberId, name: 'Ержан Аудитов' },
    ]);

    const space = entry('space.created');
    expect(space.target).toMatchObject({ kind: 'SPACE', name: 'Сатып алу мониторингі' });
    expect(space.references).toEqual([]);
  });
});

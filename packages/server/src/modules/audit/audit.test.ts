import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { Factories, MemberRole, type OrganisationWithMembers } from '../../test/factories.js';
import { updateOrganisation } from '../organisations/index.js';
import { recordAudit } from './audit.service.js';

const AUDIT = `query($organisationId: ID!, $first: Int!, $after: String) {
  auditEvents(organisationId: $organisationId, first: $first, after: $after) {
    edges { node { action targetType targetId actor { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface AuditNode {
  action: string;
  targetType: string;
  targetId: string | null;
  actor: { id: string } | null;
}

describe('audit log', () => {
  let server: TestServer;
  let make: Factories;
  let tenant: OrganisationWithMembers;
  let other: OrganisationWithMembers;

  beforeAll(async () => {
    server = await startTestServer();
    make = new Factories(server);
    tenant = await make.organisation({ roles: [MemberRole.ADMIN, MemberRole.MODERATOR] });
    other = await make.organisation();
  });
  afterAll(() => server?.stop());

  const log = async (first = 50, after?: string) =>
    (
      await make
        .client(tenant.owner)
        .ok(AUDIT, { organisationId: tenant.organisation.id, first, after })
    ).auditEvents as {
      edges: Array<{ node: AuditNode }>;
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };

  it('records changes with their actor, newest first, and pages through them', async () => {
    const admin = tenant.members[0]!;
    await updateOrganisation(make.as(admin), { id: tenant.organisation.id, city: 'Astana' });
    const entries = (await log()).edges.map((edge) => edge.node);
    expect(entries[0]).toEqual({
      action: 'organisation.updated',
      targetType: 'Organisation',
      targetId: tenant.organisation.id,
      actor: { id: admin.id },
    });
    // Creating the organisation and each accepted invitation came before, oldest last.
    expect(entries.at(-1)).toMatchObject({
      action: 'organisation.created',
      actor: { id: tenant.owner.id },
    });
    expect(entries.filter((entry) => entry.action === 'invitation.accepted')).toHaveLength(2);

    const firstPage = await log(2);
    expect(firstPage.edges).toHaveLength(2);
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const rest = await log(50, firstPage.pageInfo.endCursor);
    expect([...firstPage.edges, ...rest.edges].map((edge) => edge.node)).toEqual(entries);
  });

  it('only admins read the log; members are refused, outsiders told it is not there', async () => {
    const variables = { organisationId: tenant.organisation.id, first: 5 };
    const moderator = await make.client(tenant.members[1]!).request(AUDIT, variables);
    expect(moderator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const outsider = await make.client(other.owner).request(AUDIT, variables);
    expect(outsider.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const anonymous = await server.client().request(AUDIT, variables);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Another organisation's log holds nothing of this one.
    const theirs = await make
      .client(other.owner)
      .ok(AUDIT, { organisationId: other.organisation.id, first: 50 });
    const targets = theirs.auditEvents.edges.map((edge: { node: AuditNode }) => edge.node.targetId);
    expect(targets).not.toContain(tenant.organisation.id);
  });

  it('is append-only and takes entries only from inside the organisation', async () => {
    // The application's role may add entries but never change or remove them.
    const change = make
      .as(tenant.owner)
      .db.write((em) =>
        em.execute(`update audit_event set action = 'rewritten' where organisation_id = ?`, [
          tenant.organisation.id,
        ]),
      );
    await expect(change).rejects.toThrow(/permission denied/);
    const removal = make
      .as(tenant.owner)
      .db.write((em) =>
        em.execute(`delete from audit_event where organisation_id = ?`, [tenant.organisation.id]),
      );
    await expect(removal).rejects.toThrow(/permission denied/);

    // An outsider cannot write into another organisation's log, even by going around the service.
    const forged = make.as(other.owner).db.write(async (em) => {
      recordAudit(em, make.as(other.owner), {
        organisationId: tenant.organisation.id,
        action: 'organisation.updated',
        targetType: 'Organisation',
        targetId: tenant.organisation.id,
      });
      await em.flush();
    });
    await expect(forged).rejects.toThrow(/row-level security/);
    expect((await log()).edges.map((edge) => edge.node.action)).not.toContain('rewritten');
  });
});

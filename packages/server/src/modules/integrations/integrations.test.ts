import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerQuery, startTestServer, type TestServer } from '../../test/harness.js';
import { Factories, MemberRole, type OrganisationWithMembers } from '../../test/factories.js';
import { ApiTokenScope } from './integrations.entity.js';
import { createApiToken, listApiTokens, revokeApiToken } from './integrations.service.js';

/** An error's GraphQL code and, for field errors, its reason. */
async function refusal(promise: Promise<unknown>): Promise<{ code: unknown; reason?: unknown }> {
  try {
    await promise;
  } catch (error) {
    const extensions = (error as { extensions?: Record<string, unknown> }).extensions ?? {};
    const fields = extensions.fields as Array<{ reason: string }> | undefined;
    return { code: extensions.code, reason: fields?.[0]?.reason };
  }
  throw new Error('expected a refusal, got an answer');
}

const MEMBERS = `query($organisationId: ID!) { members(organisationId: $organisationId, first: 10) { edges { node { id role } } } }`;

describe('API tokens', () => {
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

  it('admins create tokens (READ always included, the secret once); others are refused', async () => {
    const admin = tenant.members[0]!;
    const { apiToken, secret } = await createApiToken(make.as(admin), {
      organisationId: tenant.organisation.id,
      name: '  Media dashboard ',
      scopes: [ApiTokenScope.WRITE],
    });
    expect(apiToken.name).toBe('Media dashboard');
    expect([...apiToken.scopes].sort()).toEqual([ApiTokenScope.READ, ApiTokenScope.WRITE]);
    expect(secret.startsWith(apiToken.tokenPrefix)).toBe(true);
    // Only the secret's hash is kept.
    const [stored] = await ownerQuery<{ token_hash: string }>(
      server,
      'select token_hash from api_token where id = $1',
      [apiToken.id],
    );
    expect(stored?.token_hash).not.toContain(secret);

    const input = {
      organisationId: tenant.organisation.id,
      name: 'Refused',
      scopes: [ApiTokenScope.READ],
    };
    expect((await refusal(createApiToken(make.as(tenant.members[1]!), input))).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(createApiToken(make.as(other.owner), input))).code).toBe('NOT_FOUND');
    expect((await refusal(createApiToken(make.context(), input))).code).toBe('UNAUTHENTICATED');
    expect(
      await refusal(
        createApiToken(make.as(tenant.owner), { ...input, expiresAt: new Date(Date.now() - 1000) }),
      ),
    ).toEqual({ code: 'BAD_USER_INPUT', reason: 'IN_THE_PAST' });

    const listed = await listApiTokens(make.as(tenant.owner), tenant.organisation.id, {
      first: 10,
    });
    expect(listed.edges.map((edge) => edge.node.id)).toContain(apiToken.id);
    expect(
      (await refusal(listApiTokens(make.as(other.owner), tenant.organisation.id, { first: 10 })))
        .code,
    ).toBe('NOT_FOUND');

    const [audit] = await ownerQuery<{ action: string }>(
      server,
      `select action from audit_event where target_id = $1`,
      [apiToken.id],
    );
    expect(audit?.action).toBe('api_token.created');
  });

  it('a token acts for its organisation only, within its scopes, until it is revoked', async () => {
    const { apiToken, secret } = await createApiToken(make.as(tenant.owner), {
      organisationId: tenant.organisation.id,
      name: 'Reader',
      scopes: [ApiTokenScope.READ],
    });
    const integrator = server.client({ authorization: `Bearer ${secret}` });
    const own = await integrator.ok(MEMBERS, { organisationId: tenant.organisation.id });
    expect(own.members.edges).toHaveLength(3);
    // Another organisation's members are not there for it.
    const foreign = await integrator.request(MEMBERS, { organisationId: other.organisation.id });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // A signed-in-only mutation is refused to a token.
    const create = await integrator.request(
      `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }`,
      { input: { organisationId: tenant.organisation.id, name: 'Escalation' } },
    );
    expect(create.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Revoking: not for outsiders or members below admin (the token is not there for them).
    expect((await refusal(revokeApiToken(make.as(other.owner), apiToken.id))).code).toBe(
      'NOT_FOUND',
    );
    expect((await refusal(revokeApiToken(make.as(tenant.members[1]!), apiToken.id))).code).toBe(
      'NOT_FOUND',
    );
    const revoked = await revokeApiToken(make.as(tenant.members[0]!), apiToken.id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    // Revoking again changes nothing and logs nothing more.
    await revokeApiToken(make.as(tenant.owner), apiToken.id);
    const logged = await ownerQuery<{ action: string }>(
      server,
      `select action from audit_event where target_id = $1 and action = 'api_token.revoked'`,
      [apiToken.id],
    );
    expect(logged).toHaveLength(1);

    const after = await integrator.request(MEMBERS, { organisationId: tenant.organisation.id });
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('an expired token is refused', async () => {
    const { apiToken, secret } = await createApiToken(make.as(tenant.owner), {
      organisationId: tenant.organisation.id,
      name: 'Short-lived',
      scopes: [ApiTokenScope.READ],
      expiresAt: new Date(Date.now() + 60_000),
    });
    await ownerQuery(
      server,
      `update api_token set expires_at = now() - interval '1 second' where id = $1`,
      [apiToken.id],
    );
    const integrator = server.client({ authorization: `Bearer ${secret}` });
    const answer = await integrator.request(MEMBERS, { organisationId: tenant.organisation.id });
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { ANONYMOUS, type Viewer } from '../platform/auth/viewer.js';
import { SESSION_COOKIE } from '../platform/auth/cookies.js';
import { MemoryRateLimiter } from '../platform/auth/rate-limit.js';
import { Sealer } from '../platform/crypto/sealer.js';
import { ShortUnitOfWork, type DatabaseSettings } from '../platform/database/unit-of-work.js';
import type { Context } from '../platform/graphql/context.js';
import { RequestCache } from '../platform/graphql/loaders.js';
import { Mailer } from '../platform/mail/mailer.js';
import { createFileStorage, localStorageDirectory } from '../platform/storage/index.js';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logging.js';
import { LocaleCode, signUp, verifyEmail } from '../modules/accounts/index.js';
import {
  acceptInvitation,
  createOrganisation,
  inviteMember,
  MemberRole,
  OrganisationKind,
  type Organisation,
} from '../modules/organisations/index.js';
import { createNetwork, type Network } from '../modules/networks/index.js';
import { createSpace, SpaceVisibility, type Space } from '../modules/spaces/index.js';
import { createThread, type Thread } from '../modules/discussions/index.js';
import { TestClient, type TestServer } from './harness.js';
import { invitationTokenFrom, latestEmail, verificationTokenFor } from './tenants.js';

/**
 * Test data built through the services, the way a request builds it: each call runs with a fresh
 * context for its viewer (its own request cache, its own short transactions carrying the viewer
 * for row-level security), so rules, audit entries and mails happen as in production — only the
 * HTTP round trip is skipped. For tests about the API itself, `src/test/tenants.ts` builds the
 * same things through GraphQL.
 */

/** A person with an account, and what a test needs to act as them (service or API). */
export interface Someone {
  id: string;
  email: string;
  displayName: string;
  /** What an @mention of them says. */
  handle: string;
  viewer: Viewer;
  /** The session's secret: `client()` sends it as the browser's cookie would. */
  sessionSecret: string;
}

export interface OrganisationWithMembers {
  organisation: Organisation;
  owner: Someone;
  /** One per requested role, in the order asked for. */
  members: Someone[];
}

let counter = 0;

function settingsFor(viewer: Viewer): DatabaseSettings {
  return {
    'app.user_id': viewer.kind === 'user' ? viewer.userId : '',
    'app.token_org_id': viewer.kind === 'apiToken' ? viewer.organisationId : '',
    'app.guest_participant_id': viewer.kind === 'guest' ? viewer.participantId : '',
  };
}

export class Factories {
  private readonly mailer: Mailer;
  private readonly sealer = new Sealer(randomBytes(32));
  private readonly rateLimiter = new MemoryRateLimiter();
  private readonly config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://unused' });

  constructor(readonly server: TestServer) {
    // The server's own mailbox folder: `latestEmail` (tenants.ts) finds these mails as it finds
    // the server's.
    this.mailer = new Mailer(
      createLogger('silent'),
      undefined,
      'Alany <test@alany.kz>',
      path.join(server.dataDir, 'mail'),
    );
  }

  /**
   * A context like a request's, for `viewer`: service calls made with it go through the same
   * rules and row-level security as the API's. A new one per call, as each request has its own.
   */
  context(viewer: Viewer = ANONYMOUS): Context {
    const context: Context = {
      requestId: randomUUID(),
      transport: 'http',
      logger: createLogger('silent'),
      config: this.config,
      viewer,
      db: new ShortUnitOfWork(this.server.alany.orm, () => settingsFor(context.viewer)),
      pubsub: this.server.alany.pubsub,
      rateLimiter: this.rateLimiter,
      mailer: this.mailer,
      sealer: this.sealer,
      storage: createFileStorage({
        kind: 'local',
        directory: localStorageDirectory(this.server.dataDir),
      }),
      publicUrl: this.server.url,
      clientAddress: `factory-${randomUUID()}`,
      userAgent: 'factories',
      sessionCookie: {
        set: () => undefined,
        clear: () => undefined,
      },
      loaders: new RequestCache(),
    };
    return context;
  }

  /** A context acting as `someone`. */
  as(someone: Someone): Context {
    return this.context(someone.viewer);
  }

  /** An API client signed in as `someone` (their session's cookie), for the odd API check. */
  client(someone: Someone): TestClient {
    const client = this.server.client();
    client.cookie = `${SESSION_COOKIE}=${someone.sessionSecret}`;
    return client;
  }

  /** A person who signed up (`signUp`) and, unless `verified: false`, confirmed their address. */
  async person(name?: string, options: { verified?: boolean } = {}): Promise<Someone> {
    counter += 1;
    const displayName = name ?? `Person ${counter}`;
    const email = `factory${counter}.${Date.now()}@example.kz`;
    let sessionSecret = '';
    const context = this.context();
    context.sessionCookie = {
      set: (secret) => {
        sessionSecret = secret;
      },
      clear: () => undefined,
    };
    const user = await signUp(context, {
      email,
      password: 'correct horse battery',
      displayName,
      locale: LocaleCode.en,
    });
    if (options.verified !== false) {
      await verifyEmail(this.context(), await verificationTokenFor(this.server, email));
    }
    return {
      id: user.id,
      email,
      displayName,
      handle: user.handle,
      viewer: context.viewer,
      sessionSecret,
    };
  }

  /**
   * An organisation `owner` (a new person unless given) created, with a member per role in
   * `roles`, each invited by the owner and accepting the mailed invitation.
   */
  async organisation(
    options: { owner?: Someone; roles?: MemberRole[]; name?: string } = {},
  ): Promise<OrganisationWithMembers> {
    const owner = options.owner ?? (await this.person('Owner'));
    counter += 1;
    const organisation = await createOrganisation(this.as(owner), {
      name: options.name ?? `Organisation ${counter}`,
      slug: `org-${counter}-${Date.now()}`,
      kind: OrganisationKind.NGO,
      description: '',
      city: 'Almaty',
      country: 'KZ',
    });
    const members: Someone[] = [];
    for (const role of options.roles ?? []) {
      const member = await this.person(`${role} of ${organisation.name}`);
      await this.addMember(organisation, owner, member, role);
      members.push(member);
    }
    return { organisation, owner, members };
  }

  /** `inviter` invites `member` as `role`; `member` accepts the link from the mail. */
  async addMember(
    organisation: Organisation,
    inviter: Someone,
    member: Someone,
    role: MemberRole,
  ): Promise<void> {
    await inviteMember(this.as(inviter), {
      organisationId: organisation.id,
      email: member.email,
      role,
    });
    const mail = await latestEmail(this.server, member.email);
    if (!mail) throw new Error(`no invitation mailed to ${member.email}`);
    await acceptInvitation(this.as(member), invitationTokenFrom(mail.text_body));
  }

  async network(by: Someone, organisationId: string, name?: string): Promise<Network> {
    counter += 1;
    return createNetwork(this.as(by), {
      organisationId,
      name: name ?? `Network ${counter}`,
      slug: `net-${counter}-${Date.now()}`,
      description: '',
    });
  }

  async space(
    by: Someone,
    organisationId: string,
    options: { name?: string; visibility?: SpaceVisibility; networkId?: string } = {},
  ): Promise<Space> {
    counter += 1;
    return createSpace(this.as(by), {
      organisationId,
      name: options.name ?? `Space ${counter}`,
      description: '',
      visibility: options.visibility ?? SpaceVisibility.ORGANISATION,
      networkId: options.networkId ?? null,
    });
  }

  async thread(
    by: Someone,
    spaceId: string,
    options: { title?: string; body?: string; tags?: string[] } = {},
  ): Promise<Thread> {
    counter += 1;
    return createThread(this.as(by), {
      spaceId,
      title: options.title ?? `Thread ${counter}`,
      body: options.body ?? 'The first post.',
      tags: options.tags ?? [],
    });
  }
}

export { MemberRole, SpaceVisibility };

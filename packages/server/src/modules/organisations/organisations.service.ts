import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { BadUserInput, forbidden, notFound } from '../../platform/graphql/errors.js';
import { enforce, LIMITS } from '../../platform/auth/rate-limit.js';
import {
  afterCursor,
  decodeCursor,
  toConnection,
  type Connection,
  type PageArgs,
} from '../../platform/graphql/pagination.js';
import { recordAudit } from '../audit/index.js';
import { normaliseEmail, requireVerified, userEmail } from '../accounts/index.js';
import { Invitation, Membership, MemberRole, Organisation } from './organisations.entity.js';
import type {
  ChangeMemberRoleInput,
  CreateOrganisationInput,
  InviteMemberInput,
  UpdateOrganisationInput,
} from './organisations.inputs.js';
import {
  findForAdmin,
  forgetViewerMemberships,
  mayAssign,
  requireAdmin,
  requireMember,
} from './organisations.policy.js';
import { invitationEmail } from './invitation.mail.js';

export const INVITATION_DAYS = 7;
const RESERVED_SLUGS = new Set([
  'admin',
  'api',
  'graphql',
  'new',
  'settings',
  'report',
  'e',
  'files',
]);

const clean = (text: string) => text.normalize('NFC').trim();

// Importers that still reach these here (spaces, discussions) move to `index.ts`.
export {
  organisationColumns,
  organisationLoader,
  primeOrganisation,
} from './organisations.reads.js';

export async function createOrganisation(
  context: Context,
  input: CreateOrganisationInput,
): Promise<Organisation> {
  const { userId } = requireUser(context);
  const slug = input.slug.trim();
  if (RESERVED_SLUGS.has(slug)) {
    throw BadUserInput.field('slug', 'SLUG_TAKEN', 'This address is reserved; choose another.');
  }
  const slugTaken = () =>
    BadUserInput.field('slug', 'SLUG_TAKEN', 'This address is taken; choose another.');
  try {
    return await context.db.write(async (em) => {
      if (await em.count(Organisation, { slug })) throw slugTaken();
      const organisation = em.create(Organisation, {
        name: clean(input.name),
        slug,
        kind: input.kind,
        description: clean(input.description),
        city: clean(input.city),
        country: clean(input.country),
        createdBy: userId,
      });
      await em.flush();
      em.create(Membership, { organisationId: organisation.id, userId, role: MemberRole.OWNER });
      // The owner exists before the log entry: the log takes entries only from inside.
      await em.flush();
      recordAudit(em, context, {
        organisationId: organisation.id,
        action: 'organisation.created',
        targetType: 'Organisation',
        targetId: organisation.id,
        data: { slug },
      });
      await em.flush();
      forgetViewerMemberships(context);
      return organisation;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw slugTaken();
    throw error;
  }
}

export async function updateOrganisation(
  context: Context,
  input: UpdateOrganisationInput,
): Promise<Organisation> {
  await requireAdmin(context, input.id);
  return context.db.write(async (em) => {
    const organisation = await em.findOne(Organisation, { id: input.id });
    if (!organisation) throw notFound('The organisation');
    const changed: string[] = [];
    for (const key of ['name', 'description', 'city', 'country'] as const) {
      const value = input[key];
      if (value !== undefined && value !== null) {
        organisation[key] = clean(value);
        changed.push(key);
      }
    }
    if (input.kind) {
      organisation.kind = input.kind;
      changed.push('kind');
    }
    recordAudit(em, context, {
      organisationId: organisation.id,
      action: 'organisation.updated',
      targetType: 'Organisation',
      targetId: organisation.id,
      data: { changed },
    });
    await em.flush();
    return organisation;
  });
}

export async function listMembers(
  context: Context,
  organisationId: string,
  page: PageArgs,
): Promise<Connection<Membership>> {
  await requireMember(context, organisationId);
  const after = decodeCursor(page.after);
  const rows = await context.db.read((em) =>
    em.find(
      Membership,
      { organisationId, ...afterCursor(after, 'createdAt', 'asc') },
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit: page.first + 1 },
    ),
  );
  return toConnection(rows, page.first, (m) => ({ at: m.createdAt, id: m.id }), Boolean(after));
}

export async function listViewerMemberships(
  context: Context,
  page: PageArgs,
): Promise<Connection<Membership>> {
  const { userId } = requireUser(context);
  const after = decodeCursor(page.after);
  const rows = await context.db.read((em) =>
    em.find(
      Membership,
      { userId, ...afterCursor(after, 'createdAt', 'asc') },
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit: page.first + 1 },
    ),
  );
  return toConnection(rows, page.first, (m) => ({ at: m.createdAt, id: m.id }), Boolean(after));
}

export async function listInvitations(
  context: Context,
  organisationId: string,
  pendingOnly: boolean,
  page: PageArgs,
): Promise<Connection<Invitation>> {
  await requireAdmin(context, organisationId);
  const after = decodeCursor(page.after);
  const rows = await context.db.read((em) =>
    em.find(
      Invitation,
      {
        organisationId,
        ...(pendingOnly
          ? { acceptedAt: null, revokedAt: null, expiresAt: { $gt: new Date() } }
          : {}),
        ...afterCursor(after),
      },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: page.first + 1 },
    ),
  );
  return toConnection(rows, page.first, (i) => ({ at: i.createdAt, id: i.id }), Boolean(after));
}

export async function inviteMember(
  context: Context,
  input: InviteMemberInput,
): Promise<Invitation> {
  const { userId } = requireUser(context);
  const actorRole = await requireAdmin(context, input.organisationId);
  if (!mayAssign(actorRole, input.role)) {
    throw BadUserInput.field(
      'role',
      'ROLE_TOO_HIGH',
      `As ${actorRole} you cannot invite someone as ${input.role}.`,
    );
  }
  await enforce(
    context.rateLimiter,
    LIMITS.invitePerOrganisation,
    `invite:${input.organisationId}`,
  );
  const email = normaliseEmail(input.email);
  const secret = newSecret();
  return context.db.write(async (em) => {
    const organisation = await em.findOneOrFail(Organisation, { id: input.organisationId });
    const alreadyMember = await em.execute<{ exists: boolean }[]>(
      `select exists (select 1 from membership m join app_user u on u.id = m.user_id
         where m.organisation_id = ? and u.email = ?) as exists`,
      [organisation.id, email],
    );
    if (alreadyMember[0]?.exists) {
      throw BadUserInput.field('email', 'ALREADY_MEMBER', 'This person is a member already.');
    }
    // A new invitation replaces any pending one for the same address.
    await em.nativeUpdate(
      Invitation,
      { organisationId: organisation.id, email, acceptedAt: null, revokedAt: null },
      { revokedAt: new Date() },
    );
    const invitation = em.create(Invitation, {
      organisationId: organisation.id,
      email,
      role: input.role,
      tokenHash: hashSecret(secret),
      invitedBy: userId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
    });
    recordAudit(em, context, {
      organisationId: organisation.id,
      action: 'invitation.created',
      targetType: 'Invitation',
      targetId: invitation.id,
      data: { email, role: input.role },
    });
    await em.flush();
    const inviter = await em.execute<{ display_name: string }[]>(
      'select display_name from app_user where id = ?',
      [userId],
    );
    const link = `${context.publicUrl}/invitations/accept?token=${encodeURIComponent(secret)}`;
    const { subject, text } = invitationEmail(
      organisation.name,
      inviter[0]?.display_name ?? 'Alany',
      link,
      input.role,
      INVITATION_DAYS,
    );
    await context.mailer.queue(em, context.db, {
      to: email,
      subject,
      text,
      kind: 'invitation',
      organisationId: organisation.id,
      // The outbox keeps the mail without the live secret (only its hash is on the invitation).
      secrets: [secret],
    });
    return invitation;
  });
}

interface InvitationRow {
  id: string;
  organisation_id: string;
  email: string;
  role: MemberRole;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}…@${domain}`;
}

/**
 * The invitation behind a link, for the page a signed-out invitee lands on: the organisation's
 * name and the invited address, nothing else, and only while the invitation can be accepted.
 * The token is a long random secret (only its hash is stored), so holding it is the permission;
 * the per-address limit keeps the look-up from being a cheap oracle all the same.
 */
export async function invitationPreview(
  context: Context,
  token: string,
): Promise<{ organisationName: string; email: string } | null> {
  await enforce(
    context.rateLimiter,
    LIMITS.invitationPreviewPerClient,
    `invitation-preview:${context.clientAddress}`,
  );
  const secret = token.trim();
  if (!secret || secret.length > 200) return null;
  return context.db.read(async (em) => {
    // Row-level security hides invitations from everyone but the organisation's admins: the
    // definer function answers for the one matching hash, as acceptInvitation does.
    const [row] = await em.execute<InvitationRow[]>('select * from alany.invitation_by_hash(?)', [
      hashSecret(secret),
    ]);
    if (!row || row.revoked_at || row.accepted_at) return null;
    if (new Date(row.expires_at).getTime() <= Date.now()) return null;
    // Organisation profiles are a public directory (see organisationBySlug).
    const organisation = await em.findOne(Organisation, { id: row.organisation_id });
    return organisation ? { organisationName: organisation.name, email: row.email } : null;
  });
}

export async function acceptInvitation(context: Context, token: string): Promise<Membership> {
  const { userId } = requireUser(context);
  await enforce(context.rateLimiter, LIMITS.acceptInvitation, `accept-invitation:${userId}`);
  // Whoever saw the link could have signed up with the invitee's address: only a confirmed
  // address is the invitee's.
  await requireVerified(context, 'accept an invitation');
  return context.db.write(async (em) => {
    // The invitee is not a member yet and row-level security hides the invitation from anyone
    // else: a definer function answers for the one matching secret hash.
    const [row] = await em.execute<InvitationRow[]>('select * from alany.invitation_by_hash(?)', [
      hashSecret(token),
    ]);
    if (!row) throw notFound('The invitation');
    const invitationError = (reason: string, message: string) =>
      BadUserInput.field('token', reason, message);
    if (row.revoked_at)
      throw invitationError(
        'INVITATION_REVOKED',
        'This invitation was withdrawn. Ask for a new one.',
      );
    if (row.accepted_at)
      throw invitationError('INVITATION_USED', 'This invitation has been used already.');
    if (new Date(row.expires_at).getTime() <= Date.now()) {
      throw invitationError(
        'INVITATION_EXPIRED',
        'This invitation has expired. Ask for a new one.',
      );
    }
    const email = await userEmail(em, userId);
    if (email !== row.email) {
      throw forbidden(
        `This invitation was sent to ${maskEmail(row.email)}. Sign in with that address to accept it.`,
      );
    }
    if (await em.count(Membership, { organisationId: row.organisation_id, userId })) {
      throw invitationError('ALREADY_MEMBER', 'You are a member of this organisation already.');
    }
    const updated = await em.nativeUpdate(
      Invitation,
      { id: row.id, acceptedAt: null, revokedAt: null },
      { acceptedAt: new Date(), acceptedBy: userId },
    );
    if (updated !== 1)
      throw invitationError('INVITATION_USED', 'This invitation has been used already.');
    const membership = em.create(Membership, {
      organisationId: row.organisation_id,
      userId,
      role: row.role,
    });
    // The member exists before the log entry: the log takes entries only from inside.
    await em.flush();
    recordAudit(em, context, {
      organisationId: row.organisation_id,
      action: 'invitation.accepted',
      targetType: 'Membership',
      targetId: membership.id,
      data: { invitationId: row.id, role: row.role },
    });
    await em.flush();
    forgetViewerMemberships(context);
    return membership;
  });
}

export async function revokeInvitation(context: Context, id: string): Promise<Invitation> {
  return context.db.write(async (em) => {
    const { row: invitation } = await findForAdmin(context, em, Invitation, id, 'The invitation');
    if (invitation.acceptedAt)
      throw BadUserInput.field(
        'id',
        'INVITATION_USED',
        'This invitation has been accepted already.',
      );
    if (!invitation.revokedAt) {
      invitation.revokedAt = new Date();
      recordAudit(em, context, {
        organisationId: invitation.organisationId,
        action: 'invitation.revoked',
        targetType: 'Invitation',
        targetId: invitation.id,
        data: { email: invitation.email },
      });
      await em.flush();
    }
    return invitation;
  });
}

/** Locks the organisation's owners so that two concurrent changes cannot leave it without one. */
async function lockOwners(em: EntityManager, organisationId: string): Promise<number> {
  const rows = await em.execute<{ id: string }[]>(
    `select id from membership where organisation_id = ? and role = 'OWNER' for update`,
    [organisationId],
  );
  return rows.length;
}

const lastOwner = (field: string) =>
  BadUserInput.field(
    field,
    'LAST_OWNER',
    'An organisation needs at least one owner: make someone else an owner first.',
  );

async function membershipForAdmin(context: Context, em: EntityManager, membershipId: string) {
  const { row: membership, role: actorRole } = await findForAdmin(
    context,
    em,
    Membership,
    membershipId,
    'The member',
  );
  return { membership, actorRole };
}

export async function changeMemberRole(
  context: Context,
  input: ChangeMemberRoleInput,
): Promise<Membership> {
  requireUser(context);
  return context.db.write(async (em) => {
    const { membership, actorRole } = await membershipForAdmin(context, em, input.membershipId);
    if (!mayAssign(actorRole, membership.role) || !mayAssign(actorRole, input.role)) {
      throw BadUserInput.field(
        'role',
        'ROLE_TOO_HIGH',
        `As ${actorRole} you can manage roles up to ${actorRole === MemberRole.OWNER ? 'OWNER' : 'ADMIN'} only.`,
      );
    }
    if (membership.role === input.role) return membership;
    if (
      membership.role === MemberRole.OWNER &&
      (await lockOwners(em, membership.organisationId)) <= 1
    ) {
      throw lastOwner('role');
    }
    const from = membership.role;
    membership.role = input.role;
    recordAudit(em, context, {
      organisationId: membership.organisationId,
      action: 'member.role_changed',
      targetType: 'Membership',
      targetId: membership.id,
      data: { userId: membership.userId, from, to: input.role },
    });
    await em.flush();
    return membership;
  });
}

export async function removeMember(context: Context, membershipId: string): Promise<string> {
  const { userId } = requireUser(context);
  return context.db.write(async (em) => {
    const { membership, actorRole } = await membershipForAdmin(context, em, membershipId);
    if (membership.userId === userId) {
      throw BadUserInput.field(
        'membershipId',
        'USE_LEAVE',
        'To leave the organisation yourself, use "Leave".',
      );
    }
    if (!mayAssign(actorRole, membership.role)) {
      throw forbidden(`As ${actorRole} you cannot remove a member who is ${membership.role}.`);
    }
    if (
      membership.role === MemberRole.OWNER &&
      (await lockOwners(em, membership.organisationId)) <= 1
    ) {
      throw lastOwner('membershipId');
    }
    recordAudit(em, context, {
      organisationId: membership.organisationId,
      action: 'member.removed',
      targetType: 'Membership',
      targetId: membership.id,
      data: { userId: membership.userId, role: membership.role },
    });
    await em.flush();
    em.remove(membership);
    await em.flush();
    return membership.id;
  });
}

export async function leaveOrganisation(context: Context, organisationId: string): Promise<string> {
  const { userId } = requireUser(context);
  await requireMember(context, organisationId);
  return context.db.write(async (em) => {
    const membership = await em.findOneOrFail(Membership, { organisationId, userId });
    if (membership.role === MemberRole.OWNER && (await lockOwners(em, organisationId)) <= 1) {
      throw lastOwner('organisationId');
    }
    // Written while still a member: the log's insert rule sees the actor in the organisation.
    recordAudit(em, context, {
      organisationId,
      action: 'member.left',
      targetType: 'Membership',
      targetId: membership.id,
      data: { userId, role: membership.role },
    });
    await em.flush();
    em.remove(membership);
    await em.flush();
    forgetViewerMemberships(context);
    return membership.id;
  });
}

import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { forbidden } from '../../platform/graphql/errors.js';
import { requireVerified } from '../accounts/index.js';
import {
  requireAdmin,
  requireMember,
  requireOwner,
  type MemberRole,
} from '../organisations/index.js';
import { ReportHandler } from './reports.entity.js';
import { passGate, type ReportingAction } from './reports.gate.js';

/**
 * Who may do what with integrity reports. Anyone may report, anonymously, through the gate;
 * only the designated case handlers read reports; admins configure reporting; only an owner
 * decides who the handlers are.
 */

/**
 * Every anonymous reporting request passes the gate (reports.gate.ts). Such a request reaches
 * here only over HTTP, where app.ts resolved no session for it and replaced the client's
 * address with the day's pseudonym; over a live connection (opened with a cookie) it is refused.
 */
/** What signs the proof-of-work challenges: the same on every instance with the same key. */
export const challengeSecret = (context: Pick<Context, 'sealer'>) =>
  context.sealer.lookup('alany report challenge v1');

export async function gateReporting(
  context: Pick<Context, 'reporting' | 'clientAddress' | 'rateLimiter' | 'sealer'>,
  action: ReportingAction,
  proof: string | undefined | null,
): Promise<void> {
  if (!context.reporting)
    throw forbidden('Send reports over HTTP on their own, not over a live connection.');
  await passGate(
    context.rateLimiter,
    challengeSecret(context),
    action,
    context.clientAddress,
    proof,
  );
}

/** Only the organisation's case handlers; other admins get FORBIDDEN, outsiders NOT_FOUND. */
export async function requireHandler(context: Context, organisationId: string): Promise<string> {
  const { userId } = requireUser(context);
  await requireMember(context, organisationId);
  const handler = await context.db.read((em) =>
    em.count(ReportHandler, { organisationId, userId }),
  );
  if (!handler)
    throw forbidden("Only the organisation's designated case handlers can read reports.");
  await requireVerified(context, 'act as a case handler');
  return userId;
}

/** Admins turn reporting on and off and set its page; outsiders get NOT_FOUND. */
export function requireConfigureReporting(
  context: Context,
  organisationId: string,
): Promise<MemberRole> {
  return requireAdmin(context, organisationId);
}

/** Who reads every report, past ones included, is an owner's decision, never an admin's. */
export async function requireChangeHandlers(
  context: Context,
  organisationId: string,
): Promise<void> {
  await requireOwner(context, organisationId).catch((error: unknown) => {
    throw (error as { extensions?: { code?: string } }).extensions?.code === 'FORBIDDEN'
      ? forbidden('Only an owner of the organisation can change who the case handlers are.')
      : error;
  });
}

import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { AppError } from '../../platform/graphql/errors.js';
import { isVerified } from './accounts.reads.js';

/**
 * Who may do what with accounts. A person acts on their own account only (every service reads
 * the viewer's own id); what other features need from here is whether an address is confirmed.
 */

/** FORBIDDEN (reason EMAIL_NOT_VERIFIED) unless the signed-in person's address is confirmed. */
export async function requireVerified(context: Context, toDo: string): Promise<void> {
  const { userId } = requireUser(context);
  if (!(await isVerified(context, userId)))
    throw new AppError(
      'FORBIDDEN',
      `Confirm your e-mail address before you ${toDo}: open the link we sent you, or ask for a new one.`,
      { reason: 'EMAIL_NOT_VERIFIED' },
    );
}

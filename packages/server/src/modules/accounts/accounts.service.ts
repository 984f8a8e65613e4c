import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { decoyHash, hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import { credential, type Viewer } from '../../platform/auth/viewer.js';
import { sqlLiteral, type OperationUnitOfWork } from '../../platform/database/unit-of-work.js';
import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { announceRevoked } from '../../platform/graphql/socket-credentials.js';
import { BadUserInput, notFound, rateLimited } from '../../platform/graphql/errors.js';
import {
  enforce,
  hashedKey,
  LIMITS,
  type Limit,
  type RateLimiter,
} from '../../platform/auth/rate-limit.js';
import {
  afterCursor,
  decodeCursor,
  toConnection,
  type Connection,
  type PageArgs,
} from '../../platform/graphql/pagination.js';
import { Session, User, type LocaleCode } from './accounts.entity.js';
import { sendVerification } from './email-verification.js';
import type {
  ChangePasswordInput,
  SignInInput,
  SignUpInput,
  UpdateProfileInput,
} from './accounts.inputs.js';

export const SESSION_DAYS = 30;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** Trimmed, NFKC and lower-cased, so `Aigerim@Example.kz ` and `aigerim@example.kz` are one account. */
export function normaliseEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

function cleanDisplayName(name: string): string {
  const cleaned = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!cleaned) throw BadUserInput.field('displayName', 'REQUIRED', 'Enter a display name.');
  return cleaned;
}

const wrongCredentials = () =>
  BadUserInput.field('password', 'WRONG_CREDENTIALS', 'The e-mail address or password is wrong.');

async function openSession(em: EntityManager, context: Context, user: User): Promise<void> {
  const secret = newSecret();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  const session = em.create(Session, {
    user,
    tokenHash: hashSecret(secret),
    userAgent: context.userAgent?.slice(0, 255) ?? null,
    expiresAt,
  });
  await em.flush();
  context.sessionCookie.set(secret, expiresAt);
  // The rest of this request acts as the person who just signed in.
  context.viewer = { kind: 'user', userId: user.id, sessionId: session.id, locale: user.locale };
}

export const HANDLE_PATTERN = /^[\p{L}\p{N}_.]{2,30}$/u;

/** A free handle derived from the display name: `Айгерим Сейт` → `айгеримсейт`, then `айгеримсейт2`… */
export async function freeHandle(em: EntityManager, displayName: string): Promise<string> {
  const base = (
    displayName
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}_.]+/gu, '') || 'member'
  ).slice(0, 24);
  const stem = base.length >= 2 ? base : `${base}_member`;
  const taken = new Set(
    (
      await em.execute<{ handle: string }[]>(
        `select handle from app_user where handle ilike ? || '%'`,
        [stem],
      )
    ).map((row) => row.handle.toLowerCase()),
  );
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n += 1) if (!taken.has(`${stem}${n}`)) return `${stem}${n}`;
}

export async function signUp(context: Context, input: SignUpInput): Promise<User> {
  const email = normaliseEmail(input.email);
  const displayName = cleanDisplayName(input.displayName);
  const emailTaken = () =>
    BadUserInput.field(
      'email',
      'EMAIL_TAKEN',
      'An account with this e-mail address exists already.',
    );
  // Before argon2: every signUp field of a request counts, aliases included.
  await enforce(context.rateLimiter, LIMITS.signUpPerClient, `sign-up:${context.clientAddress}`);
  const passwordHash = await hashPassword(input.password);
  try {
    return await context.db.write(async (em) => {
      if (await em.count(User, { email })) throw emailTaken();
      const handle = await freeHandle(em, displayName);
      const user = em.create(User, {
        email,
        displayName,
        handle,
        passwordHash,
        locale: input.locale,
      });
      await em.flush();
      await openSession(em, context, user);
      // The address counts once its owner follows the mailed link (issue #18.7).
      await sendVerification(em, context, user);
      return user;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw emailTaken();
    throw error;
  }
}

const count = (limiter: RateLimiter, limit: Limit, key: string) =>
  limiter.hit(key, limit.points, limit.windowSeconds);

/**
 * Wrong passwords lock out the client that sent them, for that account; they never lock out the
 * owner on another client. Past the account's own budget (many clients guessing), only a client
 * that has not failed for this account may still try: each guesser gets one try per window.
 * Attempts are counted before the password is checked (concurrent guesses cannot slip past the
 * count) and given back when it was right.
 */
export async function signIn(context: Context, input: SignInInput): Promise<User> {
  const email = normaliseEmail(input.email);
  const limiter = context.rateLimiter;
  const account = `sign-in:account:${hashedKey(email)}`;
  const accountClient = `${account}:${context.clientAddress}`;
  await enforce(limiter, LIMITS.signInPerClient, `sign-in:client:${context.clientAddress}`);
  const mine = await count(limiter, LIMITS.signInFailuresPerAccountClient, accountClient);
  if (!mine.allowed) throw rateLimited(mine.retryAfter);
  const all = await count(limiter, LIMITS.signInFailuresPerAccount, account);
  // `mine` counts this attempt: more than one means this client has failed here before.
  if (!all.allowed && mine.counted > 1) throw rateLimited(all.retryAfter);
  const user = await context.db.write(async (em) => {
    const found = await em.findOne(User, { email }, { populate: ['passwordHash'] });
    // Verify against a decoy when there is no such account, so both answers take as long.
    const matches = await verifyPassword(
      found?.passwordHash ?? (await decoyHash()),
      input.password,
    );
    if (!found || !matches) return null;
    await openSession(em, context, found);
    return found;
  });
  if (!user) throw wrongCredentials();
  await Promise.all([
    limiter.reset(accountClient),
    limiter.refund(
      account,
      LIMITS.signInFailuresPerAccount.points,
      LIMITS.signInFailuresPerAccount.windowSeconds,
    ),
  ]);
  return user;
}

export async function signOut(context: Context): Promise<boolean> {
  const viewer = context.viewer;
  context.sessionCookie.clear();
  context.viewer = { kind: 'anonymous' };
  if (viewer.kind !== 'user') return false;
  await context.db.write((em) =>
    em.nativeUpdate(Session, { id: viewer.sessionId, revokedAt: null }, { revokedAt: new Date() }),
  );
  // Sockets opened with this session (other tabs, other instances) end with it.
  announceRevoked(context, [credential.session(viewer.sessionId)]);
  return true;
}

export async function viewerUser(context: Context): Promise<User | null> {
  const viewer = context.viewer;
  if (viewer.kind !== 'user') return null;
  return context.db.read((em) => em.findOne(User, { id: viewer.userId }));
}

export async function updateProfile(context: Context, input: UpdateProfileInput): Promise<User> {
  const { userId } = requireUser(context);
  return context.db.write(async (em) => {
    const user = await em.findOneOrFail(User, { id: userId });
    if (input.displayName !== undefined && input.displayName !== null) {
      user.displayName = cleanDisplayName(input.displayName);
    }
    if (input.locale) user.locale = input.locale as LocaleCode;
    if (input.handle !== undefined && input.handle !== null) {
      const handle = input.handle.normalize('NFKC').trim().replace(/^@/, '');
      if (!HANDLE_PATTERN.test(handle)) {
        throw BadUserInput.field(
          'handle',
          'INVALID_FORMAT',
          'Use 2 to 30 letters, digits, dots or underscores.',
        );
      }
      const clash = await em.count(User, {
        handle: { $ilike: handle.replace(/[\\%_]/g, '\\$&') },
        id: { $ne: userId },
      });
      if (clash)
        throw BadUserInput.field('handle', 'HANDLE_TAKEN', 'This handle is taken; choose another.');
      user.handle = handle;
    }
    await em.flush();
    return user;
  });
}

/** Changing the password signs out every other session: whoever knew the old one is out. */
export async function changePassword(context: Context, input: ChangePasswordInput): Promise<User> {
  const { userId, sessionId } = requireUser(context);
  await enforce(context.rateLimiter, LIMITS.changePassword, `change-password:${userId}`);
  const newHash = await hashPassword(input.newPassword);
  return context.db.write(async (em) => {
    const user = await em.findOneOrFail(User, { id: userId }, { populate: ['passwordHash'] });
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw BadUserInput.field(
        'currentPassword',
        'WRONG_PASSWORD',
        'The current password is wrong.',
      );
    }
    user.passwordHash = newHash;
    await em.flush();
    const revoked = await em.execute<Array<{ id: string }>>(
      `update user_session set revoked_at = now()
       where user_id = ? and id <> ? and revoked_at is null
       returning id`,
      [userId, sessionId],
    );
    announceRevoked(
      context,
      revoked.map((row) => credential.session(row.id)),
    );
    return user;
  });
}

export async function listSessions(context: Context, page: PageArgs): Promise<Connection<Session>> {
  const { userId } = requireUser(context);
  const after = decodeCursor(page.after);
  const rows = await context.db.read((em) =>
    em.find(
      Session,
      { user: userId, revokedAt: null, expiresAt: { $gt: new Date() }, ...afterCursor(after) },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: page.first + 1 },
    ),
  );
  return toConnection(rows, page.first, (s) => ({ at: s.createdAt, id: s.id }), Boolean(after));
}

export async function revokeSession(context: Context, id: string): Promise<string> {
  const { userId } = requireUser(context);
  const revoked = await context.db.write((em) =>
    em.nativeUpdate(Session, { id, user: userId, revokedAt: null }, { revokedAt: new Date() }),
  );
  if (revoked === 0) throw notFound('The session');
  announceRevoked(context, [credential.session(id)]);
  if (context.viewer.kind === 'user' && context.viewer.sessionId === id)
    context.sessionCookie.clear();
  return id;
}

/**
 * Resolves a session secret to its viewer. Runs before the request's transaction; sessions are
 * not tenant data. `lastSeenAt` is refreshed at most every five minutes to keep reads read-only.
 */
export function sessionAuthenticator(db: { em: () => EntityManager }) {
  return async (secret: string): Promise<Viewer> => {
    const em = db.em();
    const session = await em.findOne(
      Session,
      { tokenHash: hashSecret(secret), revokedAt: null, expiresAt: { $gt: new Date() } },
      { populate: ['user'] },
    );
    if (!session) return { kind: 'anonymous' };
    if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await em.nativeUpdate(Session, { id: session.id }, { lastSeenAt: new Date() });
    }
    return {
      kind: 'user',
      userId: session.user.id,
      sessionId: session.id,
      locale: session.user.locale,
      expiresAt: session.expiresAt,
    };
  };
}

/**
 * The session lookup folded into the operation's `BEGIN` (one round trip, no cache: a revoked
 * session is refused on the very next request). `alany.begin_session` sets the transaction's
 * viewer itself, exactly as `settingsFor` would, and refreshes `last_seen_at` at most every five
 * minutes. An unknown, expired or revoked session is anonymous, as with `sessionAuthenticator`.
 */
export async function beginSession(db: OperationUnitOfWork, secret: string): Promise<Viewer> {
  const [row] = await db.beginWith(
    `select viewer_user_id, viewer_session_id, viewer_locale from alany.begin_session(${sqlLiteral(hashSecret(secret))})`,
  );
  if (!row) return { kind: 'anonymous' };
  return {
    kind: 'user',
    userId: String(row.viewer_user_id),
    sessionId: String(row.viewer_session_id),
    locale: row.viewer_locale as LocaleCode,
  };
}

// Importers that still reach these here move to `index.ts`.
export { authorColumns, primeAuthors, userEmail, userLoader } from './accounts.reads.js';

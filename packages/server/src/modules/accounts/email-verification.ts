import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, InputType, ObjectType } from 'type-graphql';
import { MaxLength, MinLength } from 'class-validator';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { BadUserInput, rateLimited } from '../../platform/graphql/errors.js';
import { User, type LocaleCode } from './accounts.entity.js';
import { isVerified } from './accounts.reads.js';

/** How long a confirmation link works; a new one (resend) replaces it. */
export const VERIFICATION_HOURS = 48;
/** Confirmation mails one account may ask for again, per hour. */
export const RESENDS_PER_HOUR = 3;
/** Confirmation links one client address may follow, per hour. */
export const FOLLOWS_PER_HOUR = 300;

@InputType()
export class VerifyEmailInput {
  @Field({ description: 'The secret from the confirmation link.' })
  @MinLength(1, { message: 'The link is incomplete.' })
  @MaxLength(200, { message: 'The link is not a confirmation link.' })
  token!: string;
}

@ObjectType()
export class VerifyEmailPayload {
  @Field({ description: 'True: the address is confirmed (now or before).' })
  emailVerified!: boolean;
}

@ObjectType()
export class ResendVerificationEmailPayload {
  @Field(() => Date, { description: 'When the new link stops working.' })
  expiresAt!: Date;
}

const MAILS: Record<LocaleCode, (link: string) => { subject: string; text: string }> = {
  kk: (link) => ({
    subject: 'Alany: электрондық поштаңызды растаңыз',
    text: [
      'Сәлеметсіз бе! Alany-де тіркелгеніңіз үшін рахмет.',
      `Бұл мекенжай сіздікі екенін растау үшін сілтемені ашыңыз (${VERIFICATION_HOURS} сағат жарамды, бір рет қолданылады):`,
      link,
      '',
      'Растамайынша шақыруларды қабылдай алмайсыз. Егер тіркелмеген болсаңыз, бұл хатты елемеңіз.',
    ].join('\n'),
  }),
  ru: (link) => ({
    subject: 'Alany: подтвердите адрес электронной почты',
    text: [
      'Здравствуйте! Спасибо за регистрацию в Alany.',
      `Чтобы подтвердить, что этот адрес ваш, откройте ссылку (действует ${VERIFICATION_HOURS} часов, однократно):`,
      link,
      '',
      'Пока адрес не подтверждён, принимать приглашения нельзя. Если вы не регистрировались, просто проигнорируйте это письмо.',
    ].join('\n'),
  }),
  en: (link) => ({
    subject: 'Alany: confirm your e-mail address',
    text: [
      'Hello! Thank you for signing up to Alany.',
      `To confirm that this address is yours, open this link (valid for ${VERIFICATION_HOURS} hours, single use):`,
      link,
      '',
      'Until you confirm it you cannot accept invitations. If you did not sign up, you can ignore this e-mail.',
    ].join('\n'),
  }),
};

/**
 * Gives `user` a new confirmation link (replacing any earlier one) and mails it in their
 * language, in the caller's transaction. Only the secret's hash is stored; the outbox keeps the
 * mail without it (`secrets`).
 */
export async function sendVerification(
  em: EntityManager,
  context: Context,
  user: User,
): Promise<Date> {
  const secret = newSecret();
  user.verificationTokenHash = hashSecret(secret);
  user.verificationSentAt = new Date();
  await em.flush();
  const link = `${context.publicUrl}/verify-email?token=${encodeURIComponent(secret)}`;
  const { subject, text } = MAILS[user.locale](link);
  await context.mailer.queue(em, context.db, {
    to: user.email,
    subject,
    text,
    kind: 'email-verification',
    organisationId: null,
    secrets: [secret],
  });
  return new Date(user.verificationSentAt.getTime() + VERIFICATION_HOURS * 3600_000);
}

const invalidLink = () =>
  BadUserInput.field(
    'token',
    'INVALID_VERIFICATION_LINK',
    'This confirmation link is not valid (used, replaced by a newer one, or mistyped).',
  );

/**
 * Follows a confirmation link. Anyone holding the link may follow it (it proves the mailbox,
 * whichever browser opens it); it works once and only within VERIFICATION_HOURS.
 */
export async function verifyEmail(context: Context, token: string): Promise<VerifyEmailPayload> {
  // The secret cannot be guessed; the limit only keeps one client from hammering the table.
  const limit = await context.rateLimiter.hit(
    `verify-email:${context.clientAddress}`,
    FOLLOWS_PER_HOUR,
    3600,
  );
  if (!limit.allowed) throw rateLimited(limit.retryAfter);
  return context.db.write(async (em) => {
    const user = await em.findOne(User, { verificationTokenHash: hashSecret(token) });
    if (!user) throw invalidLink();
    const sentAt = user.verificationSentAt?.getTime() ?? 0;
    if (sentAt + VERIFICATION_HOURS * 3600_000 <= Date.now())
      throw BadUserInput.field(
        'token',
        'VERIFICATION_LINK_EXPIRED',
        'This confirmation link has expired. Sign in and ask for a new one.',
      );
    user.emailVerifiedAt ??= new Date();
    user.verificationTokenHash = null;
    await em.flush();
    return { emailVerified: true };
  });
}

/** A new confirmation link for the signed-in person, at most RESENDS_PER_HOUR an hour. */
export async function resendVerification(
  context: Context,
): Promise<ResendVerificationEmailPayload> {
  const { userId } = requireUser(context);
  if (await isVerified(context, userId))
    throw BadUserInput.field(
      'email',
      'ALREADY_VERIFIED',
      'Your e-mail address is confirmed already.',
    );
  const limit = await context.rateLimiter.hit(
    `resend-verification:${userId}`,
    RESENDS_PER_HOUR,
    3600,
  );
  if (!limit.allowed) throw rateLimited(limit.retryAfter);
  return context.db.write(async (em) => {
    const user = await em.findOneOrFail(User, { id: userId });
    return { expiresAt: await sendVerification(em, context, user) };
  });
}

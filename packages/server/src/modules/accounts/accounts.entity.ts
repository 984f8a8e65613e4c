import { randomUUID } from 'node:crypto';
import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  type Opt,
} from '@mikro-orm/postgresql';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LOCALES, type Locale } from '../../platform/auth/viewer.js';

export enum LocaleCode {
  kk = 'kk',
  ru = 'ru',
  en = 'en',
}
registerEnumType(LocaleCode, {
  name: 'Locale',
  description: 'Kazakh, Russian or English.',
});
// The GraphQL enum and the platform's list must agree.
export const localeCodes: readonly Locale[] = LOCALES;

@Entity({ tableName: 'app_user' })
@ObjectType('User', { simpleResolvers: true, description: 'A person with an Alany account.' })
export class User {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  /** Stored normalised (trimmed, NFKC, lower-case); unique. Shown only to its owner. */
  @Property({ type: 'text', unique: true })
  email!: string;

  @Property({ type: 'text' })
  @Field()
  displayName!: string;

  /** For @mentions: letters of any script, digits, dots and underscores; unique, case-insensitive. */
  @Property({ type: 'text', unique: true })
  @Field({ description: 'Used to @mention the person.' })
  handle!: string;

  @Property({ type: 'text', lazy: true, hidden: true })
  passwordHash!: string;

  @Enum({ items: () => LocaleCode, nativeEnumName: 'locale' })
  @Field(() => LocaleCode)
  locale!: LocaleCode;

  /** When the person followed the confirmation link mailed to `email`; null until then. */
  @Property({ type: 'timestamptz', nullable: true })
  emailVerifiedAt?: Date | null;

  /** SHA-256 of the pending confirmation link's secret; the secret itself is never stored. */
  @Property({ type: 'text', nullable: true, unique: true, lazy: true, hidden: true })
  verificationTokenHash?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  verificationSentAt?: Date | null;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

@Entity({ tableName: 'user_session' })
@ObjectType('Session', { simpleResolvers: true, description: 'A signed-in browser or device.' })
export class Session {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  @Index()
  user!: User;

  /** SHA-256 of the cookie's secret; the secret itself is never stored. */
  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'The browser that signed in, as it named itself.',
  })
  userAgent?: string | null;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  lastSeenAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  @Field()
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}

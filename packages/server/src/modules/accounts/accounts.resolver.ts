import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../platform/graphql/context.js';
import { Public, SignedIn } from '../../platform/graphql/authorization.js';
import { ConnectionType, PageArgs } from '../../platform/graphql/pagination.js';
import { Session, User } from './accounts.entity.js';
import {
  AuthPayload,
  ChangePasswordInput,
  RevokeSessionInput,
  RevokeSessionPayload,
  SignInInput,
  SignOutPayload,
  SignUpInput,
  UpdateProfileInput,
  UserPayload,
} from './accounts.inputs.js';
import * as accounts from './accounts.service.js';
import * as verification from './email-verification.js';
import {
  ResendVerificationEmailPayload,
  VerifyEmailInput,
  VerifyEmailPayload,
} from './email-verification.js';

const SessionConnection = ConnectionType(Session, 'Session');

@Resolver(() => User)
export class AccountsResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in person, or null.' })
  @Public()
  viewer(@Ctx() context: Context): Promise<User | null> {
    return accounts.viewerUser(context);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The account's e-mail address; only its owner sees it.",
  })
  email(@Root() user: User, @Ctx() context: Context): string | null {
    return context.viewer.kind === 'user' && context.viewer.userId === user.id ? user.email : null;
  }

  @Query(() => SessionConnection, { description: "The viewer's active sessions, newest first." })
  @SignedIn()
  sessions(@Args() page: PageArgs, @Ctx() context: Context) {
    return accounts.listSessions(context, page);
  }

  @Mutation(() => AuthPayload, { description: 'Creates an account and signs in.' })
  @Public()
  async signUp(@Arg('input') input: SignUpInput, @Ctx() context: Context): Promise<AuthPayload> {
    return { user: await accounts.signUp(context, input) };
  }

  @Mutation(() => AuthPayload, {
    description: 'Signs in with e-mail and password (sets the session cookie).',
  })
  @Public()
  async signIn(@Arg('input') input: SignInInput, @Ctx() context: Context): Promise<AuthPayload> {
    return { user: await accounts.signIn(context, input) };
  }

  @Mutation(() => SignOutPayload, { description: 'Ends the current session.' })
  @Public()
  async signOut(@Ctx() context: Context): Promise<SignOutPayload> {
    return { signedOut: await accounts.signOut(context) };
  }

  @Mutation(() => UserPayload)
  @SignedIn()
  async updateProfile(
    @Arg('input') input: UpdateProfileInput,
    @Ctx() context: Context,
  ): Promise<UserPayload> {
    return { user: await accounts.updateProfile(context, input) };
  }

  @Mutation(() => UserPayload, {
    description: 'Changes the password and signs out every other session.',
  })
  @SignedIn()
  async changePassword(
    @Arg('input') input: ChangePasswordInput,
    @Ctx() context: Context,
  ): Promise<UserPayload> {
    return { user: await accounts.changePassword(context, input) };
  }

  @Mutation(() => RevokeSessionPayload)
  @SignedIn()
  async revokeSession(
    @Arg('input') input: RevokeSessionInput,
    @Ctx() context: Context,
  ): Promise<RevokeSessionPayload> {
    return { revokedSessionId: await accounts.revokeSession(context, input.id) };
  }
}

@Resolver(() => Session)
export class SessionResolver {
  @FieldResolver(() => Boolean, { description: 'Whether this is the session making the request.' })
  current(@Root() session: Session, @Ctx() context: Context): boolean {
    return context.viewer.kind === 'user' && context.viewer.sessionId === session.id;
  }
}

/** Proving that an account's e-mail address is its owner's. */
@Resolver(() => User)
export class EmailVerificationResolver {
  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Whether the address is confirmed (the e-mailed link was followed); only its owner sees it.',
  })
  emailVerified(@Root() user: User, @Ctx() context: Context): boolean | null {
    return context.viewer.kind === 'user' && context.viewer.userId === user.id
      ? !!user.emailVerifiedAt
      : null;
  }

  @Mutation(() => VerifyEmailPayload, {
    description: 'Confirms an e-mail address with the secret from the mailed link.',
  })
  @Public()
  verifyEmail(
    @Arg('input') input: VerifyEmailInput,
    @Ctx() context: Context,
  ): Promise<VerifyEmailPayload> {
    return verification.verifyEmail(context, input.token);
  }

  @Mutation(() => ResendVerificationEmailPayload, {
    description: 'Mails the signed-in person a new confirmation link (a few times an hour).',
  })
  @SignedIn()
  resendVerificationEmail(@Ctx() context: Context): Promise<ResendVerificationEmailPayload> {
    return verification.resendVerification(context);
  }
}

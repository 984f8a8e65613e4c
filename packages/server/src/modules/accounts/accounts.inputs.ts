import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsOptional, Length, MaxLength, MinLength } from 'class-validator';
import { IdField, IsEmailAddress } from '../../platform/graphql/validators.js';
import { LocaleCode, User } from './accounts.entity.js';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

@InputType()
export class SignUpInput {
  @Field()
  @MaxLength(254, { message: 'An e-mail address has at most 254 characters.' })
  @IsEmailAddress()
  email!: string;

  @Field()
  @MinLength(PASSWORD_MIN, { message: `A password needs at least ${PASSWORD_MIN} characters.` })
  @MaxLength(PASSWORD_MAX, { message: `A password has at most ${PASSWORD_MAX} characters.` })
  password!: string;

  @Field()
  @Length(1, 80, { message: 'A display name has 1 to 80 characters.' })
  displayName!: string;

  @Field(() => LocaleCode, { defaultValue: LocaleCode.en })
  locale!: LocaleCode;
}

@InputType()
export class SignInInput {
  @Field()
  @MaxLength(254, { message: 'An e-mail address has at most 254 characters.' })
  email!: string;

  @Field()
  @MaxLength(PASSWORD_MAX, { message: `A password has at most ${PASSWORD_MAX} characters.` })
  password!: string;
}

@InputType()
export class UpdateProfileInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 80, { message: 'A display name has 1 to 80 characters.' })
  displayName?: string;

  @Field(() => LocaleCode, { nullable: true })
  @IsOptional()
  locale?: LocaleCode;

  @Field({ nullable: true, description: 'The @handle others mention you with.' })
  @IsOptional()
  @MaxLength(31, { message: 'A handle has at most 30 characters.' })
  handle?: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @MaxLength(PASSWORD_MAX, { message: `A password has at most ${PASSWORD_MAX} characters.` })
  currentPassword!: string;

  @Field()
  @MinLength(PASSWORD_MIN, { message: `A password needs at least ${PASSWORD_MIN} characters.` })
  @MaxLength(PASSWORD_MAX, { message: `A password has at most ${PASSWORD_MAX} characters.` })
  newPassword!: string;
}

@InputType()
export class RevokeSessionInput {
  @IdField()
  id!: string;
}

@ObjectType()
export class AuthPayload {
  @Field(() => User)
  user!: User;
}

@ObjectType()
export class SignOutPayload {
  @Field()
  signedOut!: boolean;
}

@ObjectType()
export class UserPayload {
  @Field(() => User)
  user!: User;
}

@ObjectType()
export class RevokeSessionPayload {
  @Field(() => ID)
  revokedSessionId!: string;
}

import { Field, InputType, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length } from 'class-validator';
import { IdField } from '../../platform/graphql/validators.js';
import { ApiToken, ApiTokenScope } from './integrations.entity.js';

@InputType()
export class CreateApiTokenInput {
  @IdField()
  organisationId!: string;

  @Field({ description: 'What the token is for, e.g. "Media dashboard".' })
  @Length(1, 80, { message: 'A name has 1 to 80 characters.' })
  name!: string;

  @Field(() => [ApiTokenScope], {
    defaultValue: [ApiTokenScope.READ],
    description: 'READ, or READ and WRITE.',
  })
  @ArrayMaxSize(2)
  scopes!: ApiTokenScope[];

  @Field(() => Date, { nullable: true, description: 'When it stops working; never if omitted.' })
  @IsOptional()
  expiresAt?: Date | null;
}

@ObjectType()
export class CreateApiTokenPayload {
  @Field(() => ApiToken)
  apiToken!: ApiToken;

  @Field({
    description: 'The secret, shown this once: send it as `Authorization: Bearer <secret>`.',
  })
  secret!: string;
}

@ObjectType()
export class ApiTokenPayload {
  @Field(() => ApiToken)
  apiToken!: ApiToken;
}

@InputType()
export class RevokeApiTokenInput {
  @IdField()
  id!: string;
}

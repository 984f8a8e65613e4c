import { randomUUID } from 'node:crypto';
import { ArrayType, Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/postgresql';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum ApiTokenScope {
  READ = 'READ',
  WRITE = 'WRITE',
}
registerEnumType(ApiTokenScope, { name: 'ApiTokenScope' });

@Entity({ tableName: 'api_token' })
@ObjectType('ApiToken', {
  simpleResolvers: true,
  description:
    "An integrator's credential for one organisation. The secret is shown once, at creation.",
})
export class ApiToken {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'text' })
  @Field()
  name!: string;

  @Property({ type: 'text', hidden: true })
  tokenHash!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The first characters of the secret, to recognise it.' })
  tokenPrefix!: string;

  @Property({ type: ArrayType })
  @Field(() => [ApiTokenScope])
  scopes!: ApiTokenScope[];

  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  lastUsedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  revokedAt?: Date | null;
}

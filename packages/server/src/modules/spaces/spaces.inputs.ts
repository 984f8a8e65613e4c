import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { IdField } from '../../platform/graphql/validators.js';
import { Space, SpaceVisibility } from './spaces.entity.js';

@InputType()
export class CreateSpaceInput {
  @IdField()
  organisationId!: string;

  @Field()
  @Length(2, 120, { message: 'A name has 2 to 120 characters.' })
  name!: string;

  @Field({ defaultValue: '' })
  @MaxLength(2000, { message: 'A description has at most 2000 characters.' })
  description!: string;

  @Field(() => SpaceVisibility, { defaultValue: SpaceVisibility.ORGANISATION })
  visibility!: SpaceVisibility;

  @Field(() => ID, {
    nullable: true,
    description: 'Required for NETWORK visibility: a network the organisation is in.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid id.' })
  networkId?: string | null;
}

@InputType()
export class UpdateSpaceInput {
  @IdField()
  id!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 120, { message: 'A name has 2 to 120 characters.' })
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'A description has at most 2000 characters.' })
  description?: string;

  @Field(() => SpaceVisibility, { nullable: true })
  @IsOptional()
  visibility?: SpaceVisibility;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid id.' })
  networkId?: string | null;
}

@InputType()
export class ShareSpaceInput {
  @IdField()
  spaceId!: string;

  @Field(() => ID, { description: 'The organisation to share with (or stop sharing with).' })
  @IsUUID('all', { message: 'Not a valid id.' })
  organisationId!: string;
}

@InputType()
export class SpaceFilter {
  @Field(() => ID, { nullable: true, description: 'Spaces owned by this organisation.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid id.' })
  organisationId?: string;

  @Field(() => ID, { nullable: true, description: 'Spaces attached to this network.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid id.' })
  networkId?: string;

  @Field(() => SpaceVisibility, { nullable: true })
  @IsOptional()
  visibility?: SpaceVisibility;
}

@ObjectType()
export class SpacePayload {
  @Field(() => Space)
  space!: Space;
}

@ObjectType()
export class SpaceViewerCan {
  @Field({ description: 'Rename, describe, change visibility.' })
  update!: boolean;

  @Field({ description: 'Share with other organisations.' })
  share!: boolean;

  @Field({
    description:
      'Start threads and add resources: members of the organisations with access (not PUBLIC readers).',
  })
  contribute!: boolean;
}

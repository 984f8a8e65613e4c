import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { IdField } from '../../platform/graphql/validators.js';
import { TagsRule } from '../../platform/text/tags.js';
import { ConnectionType } from '../../platform/graphql/pagination.js';
import { Resource, ResourceKind, ResourceLanguage, ResourceVersion } from './resources.entity.js';

export const MAX_URL_LENGTH = 2000;

export enum ResourceOrder {
  NEWEST = 'NEWEST',
  RECENTLY_UPDATED = 'RECENTLY_UPDATED',
}
registerEnumType(ResourceOrder, { name: 'ResourceOrder' });

@InputType()
export class CreateResourceInput {
  @IdField()
  spaceId!: string;

  @Field()
  @Length(1, 200, { message: 'A title has 1 to 200 characters.' })
  title!: string;

  @Field({ defaultValue: '' })
  @MaxLength(5000, { message: 'A description has at most 5 000 characters.' })
  description!: string;

  @Field(() => ResourceKind)
  kind!: ResourceKind;

  @Field(() => ResourceLanguage)
  language!: ResourceLanguage;

  @Field(() => [String], { defaultValue: [] })
  @TagsRule()
  tags!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Required for a LINK: an http or https address.',
  })
  @IsOptional()
  @MaxLength(MAX_URL_LENGTH, { message: 'An address has at most 2 000 characters.' })
  url?: string | null;
}

@InputType()
export class UpdateResourceInput {
  @IdField()
  id!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'A title has 1 to 200 characters.' })
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(5000, { message: 'A description has at most 5 000 characters.' })
  description?: string;

  @Field(() => ResourceKind, { nullable: true })
  @IsOptional()
  kind?: ResourceKind;

  @Field(() => ResourceLanguage, { nullable: true })
  @IsOptional()
  language?: ResourceLanguage;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @TagsRule()
  tags?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_URL_LENGTH, { message: 'An address has at most 2 000 characters.' })
  url?: string | null;
}

@InputType()
export class ResourceIdInput {
  @IdField()
  id!: string;
}

@InputType()
export class AddResourceVersionInput {
  @IdField()
  resourceId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'What POST /files answered; give this or url, not both.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid id.' })
  uploadId?: string | null;

  @Field(() => String, { nullable: true, description: 'An http or https address.' })
  @IsOptional()
  @MaxLength(MAX_URL_LENGTH, { message: 'An address has at most 2 000 characters.' })
  url?: string | null;

  @Field({ defaultValue: '' })
  @MaxLength(1000, { message: 'A note has at most 1 000 characters.' })
  note!: string;
}

@InputType()
export class ResourceFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid id.' })
  spaceId?: string;

  @Field(() => ID, { nullable: true, description: 'Resources in the NETWORK spaces of a network.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid id.' })
  networkId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid id.' })
  organisationId?: string;

  @Field(() => ResourceKind, { nullable: true })
  @IsOptional()
  kind?: ResourceKind;

  @Field(() => ResourceLanguage, { nullable: true })
  @IsOptional()
  language?: ResourceLanguage;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(40, { message: 'A tag has at most 40 characters.' })
  tag?: string;

  @Field({ nullable: true, description: 'Words in the title, description, tags or file text.' })
  @IsOptional()
  @MaxLength(200, { message: 'A search has at most 200 characters.' })
  query?: string;
}

@ArgsType()
export class ResourcesArgs {
  @Field(() => ResourceFilter, { nullable: true })
  @IsOptional()
  filter?: ResourceFilter;

  @Field(() => ResourceOrder, { defaultValue: ResourceOrder.NEWEST })
  orderBy!: ResourceOrder;
}

@ObjectType()
export class ResourcePayload {
  @Field(() => Resource)
  resource!: Resource;
}

@ObjectType()
export class ResourceVersionPayload {
  @Field(() => Resource)
  resource!: Resource;

  @Field(() => ResourceVersion)
  version!: ResourceVersion;
}

@ObjectType()
export class DeleteResourcePayload {
  @Field(() => ID)
  deletedResourceId!: string;
}

@ObjectType()
export class ResourceViewerCan {
  @Field({ description: 'Edit, add versions and delete: the author, or moderators and above.' })
  update!: boolean;
}

export const ResourceConnection = ConnectionType(Resource, 'Resource');
export const ResourceVersionConnection = ConnectionType(ResourceVersion, 'ResourceVersion');

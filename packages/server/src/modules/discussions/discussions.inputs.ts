import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { IdField } from '../../platform/graphql/validators.js';
import { TagsRule } from '../../platform/text/tags.js';
import { MAX_BODY_CHARACTERS } from '../../platform/text/markdown.js';
import { Post, PostFlag, ReactionKind, Thread } from './discussions.entity.js';

const bodyMessage = `A text has at most ${MAX_BODY_CHARACTERS} characters.`;

export enum ThreadOrder {
  LAST_ACTIVITY = 'LAST_ACTIVITY',
  NEWEST = 'NEWEST',
  MOST_REPLIES = 'MOST_REPLIES',
}
registerEnumType(ThreadOrder, { name: 'ThreadOrder' });

export enum ThreadActivityKind {
  POST_CREATED = 'POST_CREATED',
  POST_EDITED = 'POST_EDITED',
  POST_DELETED = 'POST_DELETED',
  POST_HIDDEN = 'POST_HIDDEN',
  POST_RESTORED = 'POST_RESTORED',
  REACTIONS_CHANGED = 'REACTIONS_CHANGED',
  THREAD_UPDATED = 'THREAD_UPDATED',
}
registerEnumType(ThreadActivityKind, { name: 'ThreadActivityKind' });

export enum SpaceActivityKind {
  THREAD_CREATED = 'THREAD_CREATED',
  THREAD_UPDATED = 'THREAD_UPDATED',
  RISK_ADDED = 'RISK_ADDED',
  RISK_RESCORED = 'RISK_RESCORED',
  RESOURCE_ADDED = 'RESOURCE_ADDED',
  RESOURCE_VERSION_ADDED = 'RESOURCE_VERSION_ADDED',
}
registerEnumType(SpaceActivityKind, { name: 'SpaceActivityKind' });

@InputType()
export class CreateThreadInput {
  @IdField()
  spaceId!: string;

  @Field()
  @Length(1, 200, { message: 'A title has 1 to 200 characters.' })
  title!: string;

  @Field({ description: 'Markdown, at most 20 000 characters.' })
  @MaxLength(MAX_BODY_CHARACTERS, { message: bodyMessage })
  body!: string;

  @Field(() => [String], { defaultValue: [] })
  @TagsRule()
  tags!: string[];
}

@InputType()
export class UpdateThreadInput {
  @IdField()
  id!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'A title has 1 to 200 characters.' })
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(MAX_BODY_CHARACTERS, { message: bodyMessage })
  body?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @TagsRule()
  tags?: string[];
}

@InputType()
export class ThreadFlagInput {
  @IdField()
  id!: string;

  @Field({ description: 'Pin or lock (true), or undo it (false).' })
  value!: boolean;
}

@InputType()
export class ThreadIdInput {
  @IdField()
  id!: string;
}

@InputType()
export class CreatePostInput {
  @IdField()
  threadId!: string;

  @Field({ description: 'Markdown, at most 20 000 characters.' })
  @Length(1, MAX_BODY_CHARACTERS, {
    message: `A reply has 1 to ${MAX_BODY_CHARACTERS} characters.`,
  })
  body!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The post this one answers or quotes (same thread).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid id.' })
  replyToPostId?: string | null;
}

@InputType()
export class EditPostInput {
  @IdField()
  id!: string;

  @Field()
  @Length(1, MAX_BODY_CHARACTERS, {
    message: `A reply has 1 to ${MAX_BODY_CHARACTERS} characters.`,
  })
  body!: string;
}

@InputType()
export class PostIdInput {
  @IdField()
  postId!: string;
}

@InputType()
export class ToggleReactionInput {
  @IdField()
  postId!: string;

  @Field(() => ReactionKind)
  reaction!: ReactionKind;
}

@InputType()
export class ToggleThreadReactionInput {
  @IdField()
  threadId!: string;

  @Field(() => ReactionKind)
  reaction!: ReactionKind;
}

@InputType()
export class FlagPostInput {
  @IdField()
  postId!: string;

  @Field()
  @Length(1, 500, { message: 'A reason has 1 to 500 characters.' })
  reason!: string;
}

@InputType()
export class HidePostInput {
  @IdField()
  postId!: string;

  @Field({ defaultValue: '' })
  @MaxLength(500, { message: 'A reason has at most 500 characters.' })
  reason!: string;
}

@InputType()
export class ThreadFilter {
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(40)
  tag?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid id.' })
  authorId?: string;
}

@ObjectType()
export class ThreadPayload {
  @Field(() => Thread)
  thread!: Thread;
}

@ObjectType()
export class PostPayload {
  @Field(() => Post)
  post!: Post;
}

@ObjectType()
export class PostFlagPayload {
  @Field(() => PostFlag)
  flag!: PostFlag;
}

@ObjectType()
export class DeletedPayload {
  @Field(() => ID)
  deletedId!: string;
}

// Plain data: graphql-js reads the fields itself (no type-graphql wrapper per field).
@ObjectType({ simpleResolvers: true })
export class ReactionCount {
  @Field(() => ReactionKind)
  reaction!: ReactionKind;

  @Field(() => Int)
  count!: number;

  @Field({ description: 'Whether the viewer gave this reaction.' })
  viewerReacted!: boolean;
}

// Plain data: graphql-js reads the fields itself (no type-graphql wrapper per field).
@ObjectType({ simpleResolvers: true })
export class ThreadViewerCan {
  @Field()
  reply!: boolean;

  @Field()
  update!: boolean;

  @Field()
  delete!: boolean;

  @Field()
  moderate!: boolean;

  @Field({ description: 'May react to the opening text.' })
  react!: boolean;
}

// Plain data: graphql-js reads the fields itself (no type-graphql wrapper per field).
@ObjectType({ simpleResolvers: true })
export class PostViewerCan {
  @Field()
  edit!: boolean;

  @Field()
  delete!: boolean;

  @Field()
  react!: boolean;

  @Field()
  moderate!: boolean;
}

@ObjectType()
export class ThreadActivity {
  @Field(() => ThreadActivityKind)
  kind!: ThreadActivityKind;

  @Field(() => Thread)
  thread!: Thread;

  @Field(() => ID, {
    nullable: true,
    description: 'The post concerned; to remove a hidden one from view.',
  })
  postId!: string | null;

  @Field(() => Post, { nullable: true, description: 'The post, when the viewer may see it.' })
  post!: Post | null;
}

@ObjectType()
export class SpaceActivity {
  @Field(() => SpaceActivityKind)
  kind!: SpaceActivityKind;

  @Field(() => Thread, { nullable: true })
  thread!: Thread | null;

  @Field(() => ID, { nullable: true, description: 'For RISK_ADDED and RISK_RESCORED.' })
  riskId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The risk assessment of the risk.' })
  assessmentId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'For RESOURCE_ADDED and RESOURCE_VERSION_ADDED.',
  })
  resourceId!: string | null;

  @Field(() => ID, { nullable: true, description: 'For RESOURCE_VERSION_ADDED.' })
  versionId!: string | null;
}

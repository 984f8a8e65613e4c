import { randomUUID } from 'node:crypto';
import {
  ArrayType,
  BeforeCreate,
  BeforeUpdate,
  Entity,
  Enum,
  PrimaryKey,
  Property,
  type Opt,
} from '@mikro-orm/postgresql';
import { InSpace } from '../../platform/database/in-space.js';
import { renderMarkdown } from '../../platform/text/markdown.js';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ReactionKind {
  LIKE = 'LIKE',
  THANKS = 'THANKS',
  INSIGHTFUL = 'INSIGHTFUL',
  AGREE = 'AGREE',
  QUESTION = 'QUESTION',
}
registerEnumType(ReactionKind, { name: 'ReactionKind' });

@Entity({ tableName: 'thread' })
@ObjectType('Thread', {
  simpleResolvers: true,
  description: 'A discussion in a space: a title, an opening text and flat replies.',
})
export class Thread extends InSpace {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid', nullable: true })
  authorId?: string | null;

  @Property({ type: 'text' })
  @Field()
  title!: string;

  /** Markdown; `bodyHtml` is the safe rendering. */
  @Property({ type: 'text' })
  @Field({ description: 'The opening text, as Markdown.' })
  body!: string;

  /** `body` rendered when written (see `renderBody`), so that readers never render it. */
  @Property({ type: 'text' })
  bodyHtml: string & Opt = '';

  @Property({ type: ArrayType })
  @Field(() => [String])
  tags: string[] & Opt = [];

  @Property({ type: 'boolean' })
  @Field(() => Boolean)
  pinned: boolean & Opt = false;

  @Property({ type: 'boolean' })
  @Field(() => Boolean, { description: 'A locked thread takes no new replies.' })
  locked: boolean & Opt = false;

  @Property({ type: 'integer' })
  @Field(() => Int)
  replyCount: number & Opt = 0;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  lastActivityAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  @Field(() => Date)
  updatedAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  deletedAt?: Date | null;

  @BeforeCreate()
  @BeforeUpdate()
  renderBody(): void {
    this.bodyHtml = renderMarkdown(this.body);
  }
}

@Entity({ tableName: 'post' })
@ObjectType('Post', { simpleResolvers: true, description: 'A reply in a thread.' })
export class Post extends InSpace {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  threadId!: string;

  @Property({ type: 'uuid', nullable: true })
  authorId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  replyToPostId?: string | null;

  @Property({ type: 'text' })
  body!: string;

  /** `body` rendered when written (see `renderBody`), so that readers never render it. */
  @Property({ type: 'text' })
  bodyHtml: string & Opt = '';

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  editedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, {
    nullable: true,
    description: 'Set when deleted: the post keeps its place, its text is gone.',
  })
  deletedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, {
    nullable: true,
    description: 'Set when a moderator hid it; only moderators still see it.',
  })
  hiddenAt?: Date | null;

  @Property({ type: 'uuid', nullable: true })
  hiddenBy?: string | null;

  @Property({ type: 'text', nullable: true })
  hiddenReason?: string | null;

  @BeforeCreate()
  @BeforeUpdate()
  renderBody(): void {
    this.bodyHtml = renderMarkdown(this.body);
  }
}

@Entity({ tableName: 'post_revision' })
@ObjectType('PostRevision', {
  simpleResolvers: true,
  description: 'An earlier text of an edited post (moderators).',
})
export class PostRevision extends InSpace {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  postId!: string;

  @Property({ type: 'text' })
  @Field({ description: 'The text before the edit, as Markdown.' })
  body!: string;

  @Property({ type: 'uuid', nullable: true })
  editedBy?: string | null;

  @Property({ type: 'timestamptz' })
  @Field(() => Date, { description: 'When it was replaced.' })
  createdAt: Date & Opt = new Date();
}

@Entity({ tableName: 'reaction' })
export class Reaction extends InSpace {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  postId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Enum({ items: () => ReactionKind, nativeEnumName: 'reaction_kind' })
  kind!: ReactionKind;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

@Entity({ tableName: 'post_flag' })
@ObjectType('PostFlag', {
  simpleResolvers: true,
  description: 'A report that a post breaks the rules, waiting for a moderator.',
})
export class PostFlag extends InSpace {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  postId!: string;

  @Property({ type: 'uuid', nullable: true })
  flaggedBy?: string | null;

  @Property({ type: 'text' })
  @Field()
  reason!: string;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  resolvedAt?: Date | null;

  @Property({ type: 'uuid', nullable: true })
  resolvedBy?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  resolution?: string | null;
}

@Entity({ tableName: 'thread_read' })
export class ThreadRead extends InSpace {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  threadId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'timestamptz' })
  lastReadAt!: Date;
}

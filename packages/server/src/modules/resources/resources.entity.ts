import { randomUUID } from 'node:crypto';
import { ArrayType, Entity, Enum, PrimaryKey, Property, type Opt } from '@mikro-orm/postgresql';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { InSpace } from '../../platform/database/in-space.js';

export enum ResourceKind {
  DOCUMENT = 'DOCUMENT',
  TEMPLATE = 'TEMPLATE',
  TOOLKIT = 'TOOLKIT',
  STUDY = 'STUDY',
  LINK = 'LINK',
  DATASET = 'DATASET',
}
registerEnumType(ResourceKind, { name: 'ResourceKind' });

export enum ResourceLanguage {
  KK = 'KK',
  RU = 'RU',
  EN = 'EN',
  MULTILINGUAL = 'MULTILINGUAL',
  OTHER = 'OTHER',
}
registerEnumType(ResourceLanguage, {
  name: 'ResourceLanguage',
  description: 'The language of the material itself.',
});

@Entity({ tableName: 'resource' })
@ObjectType('Resource', {
  simpleResolvers: true,
  description: 'A toolkit, template, study, document, data set or link shared in a space.',
})
export class Resource extends InSpace {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'text' })
  @Field()
  title!: string;

  @Property({ type: 'text' })
  @Field(() => String)
  description: string & Opt = '';

  @Enum({ items: () => ResourceKind, nativeEnumName: 'resource_kind' })
  @Field(() => ResourceKind)
  kind!: ResourceKind;

  @Enum({ items: () => ResourceLanguage, nativeEnumName: 'resource_language' })
  @Field(() => ResourceLanguage)
  language!: ResourceLanguage;

  @Property({ type: ArrayType })
  @Field(() => [String])
  tags: string[] & Opt = [];

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Where a LINK points (http or https).' })
  url?: string | null;

  @Property({ type: 'int' })
  @Field(() => Int)
  versionCount: number & Opt = 0;

  @Property({ type: 'uuid', nullable: true })
  createdBy?: string | null;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  @Field(() => Date)
  updatedAt: Date & Opt = new Date();
}

@Entity({ tableName: 'resource_version' })
@ObjectType('ResourceVersion', {
  simpleResolvers: true,
  description: 'One version of a resource: a stored file or a link, never changed once added.',
})
export class ResourceVersion extends InSpace {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  resourceId!: string;

  @Property({ type: 'int' })
  @Field(() => Int, { description: '1 for the first version, then counting up.' })
  number!: number;

  @Property({ type: 'text' })
  @Field(() => String, { description: 'What changed in this version.' })
  note: string & Opt = '';

  @Property({ type: 'text', nullable: true })
  storageKey?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  fileName?: string | null;

  @Property({ type: 'bigint', nullable: true })
  sizeBytes?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Told by the bytes of the file, not by its name or by the uploader.',
  })
  mediaType?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'SHA-256 of the file, in hex.' })
  sha256?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Where a link version points.' })
  url?: string | null;

  @Property({ type: 'text', nullable: true, lazy: true })
  extractedText?: string | null;

  @Property({ type: 'uuid', nullable: true })
  createdBy?: string | null;

  @Property({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date & Opt = new Date();

  /** Bytes, as a Float: files can exceed GraphQL's 32-bit Int. */
  @Field(() => Float, { nullable: true, description: 'Size of the file in bytes.' })
  get size(): number | null {
    return this.sizeBytes === null || this.sizeBytes === undefined ? null : Number(this.sizeBytes);
  }
}

/** A file received by POST /files, its uploader's alone until a version claims it. */
@Entity({ tableName: 'file_upload' })
export class FileUpload {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  storageKey!: string;

  @Property({ type: 'text' })
  fileName!: string;

  @Property({ type: 'bigint' })
  sizeBytes!: string;

  @Property({ type: 'text' })
  mediaType!: string;

  @Property({ type: 'text' })
  sha256!: string;

  @Property({ type: 'text', nullable: true })
  extractedText?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, IsUUID, Length, Max, Min } from 'class-validator';

export enum SearchKind {
  THREAD = 'THREAD',
  POST = 'POST',
  RESOURCE = 'RESOURCE',
}
registerEnumType(SearchKind, { name: 'SearchKind' });

@InputType()
export class SearchFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid id.' })
  spaceId?: string;

  @Field(() => SearchKind, { nullable: true })
  @IsOptional()
  kind?: SearchKind;
}

@ArgsType()
export class SearchArgs {
  @Field({
    description: 'Words to look for, in any of the three languages; "quotes" and -minus work.',
  })
  @Length(1, 200, { message: 'A search has 1 to 200 characters.' })
  query!: string;

  @Field(() => SearchFilter, { nullable: true })
  @IsOptional()
  filter?: SearchFilter;

  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(50)
  first: number = 20;

  @Field(() => String, { nullable: true })
  @IsOptional()
  after?: string | null;
}

/**
 * One hit. The search knows kinds and ids only; the features that registered the kinds resolve
 * `thread`, `post` and `resource` (field resolvers on this type in their own folders).
 */
@ObjectType()
export class SearchHit {
  @Field(() => SearchKind)
  kind!: SearchKind;

  /** The thread of a THREAD or POST hit. */
  threadId!: string | null;

  /** The post of a POST hit. */
  postId!: string | null;

  /** The resource of a RESOURCE hit. */
  resourceId!: string | null;

  @Field({ description: 'An excerpt with the matches in <mark>; everything else HTML-escaped.' })
  snippetHtml!: string;

  @Field({ description: 'Relevance, higher first.' })
  rank!: number;
}

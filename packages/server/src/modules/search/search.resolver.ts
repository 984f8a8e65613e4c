import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../platform/graphql/context.js';
import { SignedInOrToken } from '../../platform/graphql/authorization.js';
import { ConnectionType } from '../../platform/graphql/pagination.js';
import { SearchArgs, SearchHit } from './search.inputs.js';
import * as searchService from './search.service.js';

const SearchHitConnection = ConnectionType(SearchHit, 'SearchHit');

@Resolver()
export class SearchResolver {
  @Query(() => SearchHitConnection, {
    description: 'Threads, posts and resources the viewer may read, best matches first.',
  })
  @SignedInOrToken('READ')
  search(@Args() args: SearchArgs, @Ctx() context: Context) {
    return searchService.search(context, args);
  }
}

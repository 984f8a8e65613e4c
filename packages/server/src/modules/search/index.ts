export { SearchArgs, SearchFilter, SearchHit, SearchKind } from './search.inputs.js';
export { registerSearchKind, type SearchSource } from './search.registry.js';
export { MAX_SEARCH_OFFSET, matchingIds, search } from './search.service.js';
export { SearchResolver } from './search.resolver.js';

import { registerSearchKind, SearchKind } from '../search/index.js';

// Resources in the site-wide search and the library's text filter. The matches are definer
// functions (Migration20261207000270SearchPlans): a resource is found by its own text or by its
// files' text, each through its own GIN index. A snippet is cut from the title, the description
// and the first pages of the newest file's text.
registerSearchKind({
  kind: SearchKind.RESOURCE,
  match: 'alany.search_resource_hits(search_query.q, search_query.spaces, search_query.n)',
  typo: 'alany.search_resource_typos(search_query.fq, search_query.spaces, search_query.n)',
  snippetText: `select r.id, r.title || ' — ' || r.description || ' ' || coalesce((select left(v.extracted_text, 20000)
      from resource_version v where v.resource_id = r.id order by v.number desc limit 1), '') as text
    from resource r where r.id = any(search_page.ids)`,
});

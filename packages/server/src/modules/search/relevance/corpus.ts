/**
 * The shape of the search relevance set: documents as people of this field write them, and
 * queries as people type them, each with the documents it must bring into the first ten hits.
 * The set models users, not an engine: never edit a query or its answers to suit one.
 */
export interface RelevanceDocument {
  /** Stable key, `<language>-<topic>`; distractors start with `<language>-x-`. */
  key: string;
  kind: 'THREAD' | 'RESOURCE';
  title: string;
  /** The opening post of a thread, or the description of a resource. */
  body: string;
  tags: string[];
}

export interface RelevanceQuery {
  query: string;
  /** Keys of the documents that must be among the first 10 hits (at most 10). */
  expect: string[];
}

export interface RelevanceSet {
  language: 'kk' | 'ru' | 'en';
  documents: RelevanceDocument[];
  queries: RelevanceQuery[];
}

export const thread = (key: string, title: string, body: string, tags: string[] = []) =>
  ({ key, kind: 'THREAD', title, body, tags }) satisfies RelevanceDocument;

export const resource = (key: string, title: string, body: string, tags: string[] = []) =>
  ({ key, kind: 'RESOURCE', title, body, tags }) satisfies RelevanceDocument;

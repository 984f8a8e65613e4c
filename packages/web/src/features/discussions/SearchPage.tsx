import { useQuery } from '@apollo/client/react';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';
import type { SearchKind } from '../../gql/graphql';
import { Alert, Button, EmptyState, Form, Loading, Page, SelectField, TextField } from '../../ui';

const SEARCH = graphql(`
  query Search($query: String!, $filter: SearchFilter) {
    search(query: $query, filter: $filter, first: 30) {
      edges {
        node {
          kind
          rank
          snippetHtml
          thread {
            id
            title
            space {
              id
              name
            }
          }
          post {
            id
            author {
              id
              displayName
            }
          }
          resource {
            id
            title
            kind
            space {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const KINDS = ['', 'THREAD', 'POST', 'RESOURCE'] as const;

/** `/search?q=…&kind=…`: threads and replies the viewer may read, best matches first. */
export function SearchPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [params, setParams] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  const kind = (params.get('kind') ?? '') as SearchKind | '';
  const { data, loading, error, refetch } = useQuery(SEARCH, {
    variables: { query, filter: kind ? { kind } : null },
    skip: !query,
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    const q = String(form.get('q') ?? '').trim();
    if (q) next.set('q', q);
    const k = String(form.get('kind') ?? '');
    if (k) next.set('kind', k);
    setParams(next);
  }

  const hits = data?.search.edges.map((edge) => edge.node) ?? [];
  return (
    <Page title={t('search.title')} intro={t('search.intro')}>
      <Form className="card form search-form" role="search" onSubmit={submit} key={query + kind}>
        <TextField
          label={t('search.query')}
          name="q"
          type="search"
          defaultValue={query}
          hint={t('search.queryHint')}
        />
        <SelectField
          label={t('search.kind')}
          name="kind"
          defaultValue={kind}
          options={KINDS.map((value) => ({
            value,
            label: t(`search.kind.${value || 'ALL'}`),
          }))}
        />
        <Button type="submit">{t('search.submit')}</Button>
      </Form>
      {!query ? null : loading && !data ? (
        <Loading label={t('search.searching')} />
      ) : error ? (
        <Alert
          tone="error"
          action={
            <Button variant="secondary" onClick={() => void refetch()}>
              {t('common.retry')}
            </Button>
          }
        >
          {describeError(error, i18n).summary}
        </Alert>
      ) : !hits.length ? (
        <section className="card">
          <EmptyState title={t('search.emptyTitle')} level={2}>
            <p>{t('search.emptyBody', { query })}</p>
          </EmptyState>
        </section>
      ) : (
        <section className="card" aria-labelledby="search-results">
          <h2 id="search-results" className="card__title" aria-live="polite">
            {t('search.results', { query })}
          </h2>
          <ul className="list">
            {hits.map((hit) => {
              const link = hit.resource
                ? `/resources/${hit.resource.id}`
                : hit.thread
                  ? `/t/${hit.thread.id}${hit.post ? `#post-${hit.post.id}` : ''}`
                  : null;
              const title = hit.resource?.title ?? hit.thread?.title ?? '';
              const space = hit.resource?.space ?? hit.thread?.space;
              if (!link) return null;
              return (
                <li
                  key={`${hit.kind}-${hit.post?.id ?? hit.resource?.id ?? hit.thread?.id}`}
                  className="list__item"
                >
                  <p className="list__title">
                    <Link to={link}>{title}</Link>{' '}
                    <span className="badge badge--neutral">{t(`search.kind.${hit.kind}`)}</span>
                  </p>
                  {/* The server escapes everything but the <mark> around matches. */}
                  <p className="snippet" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
                  <p className="list__meta">
                    {space?.name}
                    {hit.post?.author && ` · ${hit.post.author.displayName}`}
                    {hit.resource && ` · ${t(`library.kind.${hit.resource.kind}`)}`}
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </Page>
  );
}

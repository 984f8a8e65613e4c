import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeError, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';
import type { ThreadOrder } from '../../gql/graphql';
import { Button, EmptyState, Form, QueryBoundary, SelectField, TextField } from '../../ui';
import { MarkdownEditor } from './MarkdownEditor';
import { usePeople } from './usePeople';

const PAGE = 20;
const ORDERS: readonly ThreadOrder[] = ['LAST_ACTIVITY', 'NEWEST', 'MOST_REPLIES'];

const THREADS = graphql(`
  query SpaceThreads(
    $spaceId: ID!
    $filter: ThreadFilter
    $orderBy: ThreadOrder!
    $first: Int!
    $after: String
  ) {
    threads(spaceId: $spaceId, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          title
          tags
          pinned
          locked
          replyCount
          unreadCount
          createdAt
          lastActivityAt
          author {
            id
            displayName
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const SPACE_ACTIVITY = graphql(`
  subscription SpaceActivity($spaceId: ID!) {
    spaceActivity(spaceId: $spaceId) {
      kind
      thread {
        id
        title
      }
    }
  }
`);

const CREATE_THREAD = graphql(`
  mutation CreateThread($input: CreateThreadInput!) {
    createThread(input: $input) {
      thread {
        id
      }
    }
  }
`);

const FIELDS = ['title', 'body', 'tags'] as const;
type Field = (typeof FIELDS)[number];

/** The discussions of a space on its page: filters, the list (live) and a new-thread form. */
export function SpaceDiscussions({
  spaceId,
  organisationId,
}: {
  spaceId: string;
  organisationId: string;
}) {
  const i18n = useI18n();
  const { t, plural, date } = i18n;
  const people = usePeople(organisationId);
  const [orderBy, setOrderBy] = useState<ThreadOrder>('LAST_ACTIVITY');
  const [tag, setTag] = useState('');
  const [authorId, setAuthorId] = useState('');
  const [writing, setWriting] = useState(false);
  const [news, setNews] = useState('');
  const filter = tag || authorId ? { tag: tag || null, authorId: authorId || null } : null;
  const { data, loading, error, refetch, fetchMore } = useQuery(THREADS, {
    variables: { spaceId, filter, orderBy, first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const [loadingMore, setLoadingMore] = useState(false);

  useSubscription(SPACE_ACTIVITY, {
    variables: { spaceId },
    onData: ({ data: live }) => {
      const activity = live.data?.spaceActivity;
      if (!activity?.thread) return;
      if (activity.kind === 'THREAD_CREATED') {
        setNews(t('discussions.live.threadCreated', { title: activity.thread.title }));
      }
      if (activity.kind === 'THREAD_CREATED' || activity.kind === 'THREAD_UPDATED') {
        void refetch();
      }
    },
  });

  async function loadMore() {
    const after = data?.threads.pageInfo.endCursor;
    if (!after) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (previous, { fetchMoreResult }) => ({
          threads: {
            ...fetchMoreResult.threads,
            edges: [...(previous.threads?.edges ?? []), ...fetchMoreResult.threads.edges],
          },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  }

  const threads = data?.threads.edges.map((edge) => edge.node) ?? [];
  return (
    <section className="card" aria-labelledby="space-discussions">
      <div className="card__header">
        <h2 id="space-discussions" className="card__title">
          {t('space.discussions.title')}
        </h2>
        {!writing && <Button onClick={() => setWriting(true)}>{t('discussions.new')}</Button>}
      </div>
      <p className="visually-hidden" role="status">
        {news}
      </p>
      {writing && (
        <NewThreadForm spaceId={spaceId} people={people} onCancel={() => setWriting(false)} />
      )}
      <div className="filters" role="group" aria-label={t('discussions.filters')}>
        <SelectField
          label={t('discussions.order')}
          name="orderBy"
          value={orderBy}
          onChange={(event) => setOrderBy(event.target.value as ThreadOrder)}
          options={ORDERS.map((order) => ({
            value: order,
            label: t(`discussions.order.${order}`),
          }))}
        />
        <SelectField
          label={t('discussions.author')}
          name="authorId"
          value={authorId}
          onChange={(event) => setAuthorId(event.target.value)}
          options={[
            { value: '', label: t('discussions.anyone') },
            ...people.map((person) => ({ value: person.id, label: person.displayName })),
          ]}
        />
        <TextField
          label={t('discussions.tag')}
          name="tag"
          value={tag}
          onChange={(event) => setTag(event.target.value.trim())}
        />
      </div>
      {(loading || error) && !data ? (
        <QueryBoundary inline loading={loading} error={error} retry={refetch} />
      ) : !threads.length ? (
        <EmptyState title={filter ? t('discussions.noMatchTitle') : t('discussions.emptyTitle')}>
          <p>{filter ? t('discussions.noMatchBody') : t('discussions.emptyBody')}</p>
        </EmptyState>
      ) : (
        <ul className="list threads">
          {threads.map((thread) => (
            <li
              key={thread.id}
              className={
                thread.unreadCount ? 'list__item thread thread--unread' : 'list__item thread'
              }
            >
              <div className="thread__main">
                <Link to={`/t/${thread.id}`} className="list__title thread__title">
                  {thread.title}
                </Link>
                {thread.pinned && <span className="badge">{t('discussions.pinned')}</span>}
                {thread.locked && (
                  <span className="badge badge--neutral">{t('discussions.locked')}</span>
                )}
                {thread.unreadCount > 0 && (
                  <span className="badge badge--new">
                    {plural('discussions.unread', thread.unreadCount)}
                  </span>
                )}
              </div>
              <p className="list__meta">
                {t('discussions.startedBy', {
                  name: thread.author?.displayName ?? t('discussions.formerMember'),
                })}{' '}
                · {plural('discussions.replies', thread.replyCount)} ·{' '}
                {t('discussions.lastActivity', { date: date(thread.lastActivityAt, 'dateTime') })}
              </p>
              {thread.tags.length > 0 && (
                <p className="tags">
                  {thread.tags.map((name) => (
                    <button
                      key={name}
                      type="button"
                      className="tag"
                      aria-pressed={tag === name}
                      aria-label={t('discussions.filterByTag', { tag: name })}
                      onClick={() => setTag(tag === name ? '' : name)}
                    >
                      #{name}
                    </button>
                  ))}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {data?.threads.pageInfo.hasNextPage && (
        <Button variant="secondary" busy={loadingMore} onClick={() => void loadMore()}>
          {loadingMore ? t('common.loading') : t('discussions.loadMore')}
        </Button>
      )}
    </section>
  );
}

function NewThreadForm({
  spaceId,
  people,
  onCancel,
}: {
  spaceId: string;
  people: ReturnType<typeof usePeople>;
  onCancel(): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const [body, setBody] = useState('');
  const [problems, setProblems] = useState<ErrorView<Field> | null>(null);
  const [createThread, { loading }] = useMutation(CREATE_THREAD);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setProblems(null);
    const tags = String(form.get('tags') ?? '')
      .split(',')
      .map((value) => value.trim().replace(/^#/, ''))
      .filter(Boolean);
    try {
      const { data } = await createThread({
        variables: { input: { spaceId, title: String(form.get('title') ?? ''), body, tags } },
      });
      if (data) void navigate(`/t/${data.createThread.thread.id}`);
    } catch (problem) {
      setProblems(describeError(problem, i18n, FIELDS));
    }
  }

  return (
    <Form
      problems={problems}
      className="form subsection"
      aria-label={t('discussions.new')}
      onSubmit={(event) => void submit(event)}
    >
      <TextField
        label={t('discussions.field.title')}
        name="title"
        required
        maxLength={200}
        error={problems?.fields.title}
      />
      <MarkdownEditor
        label={t('discussions.field.body')}
        name="body"
        value={body}
        onChange={setBody}
        people={people}
        error={problems?.fields.body}
      />
      <TextField
        label={t('discussions.field.tags')}
        hint={t('discussions.field.tagsHint')}
        name="tags"
        error={problems?.fields.tags}
      />
      <div className="form__actions">
        <Button type="submit" busy={loading}>
          {loading ? t('discussions.creating') : t('discussions.create')}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </Form>
  );
}

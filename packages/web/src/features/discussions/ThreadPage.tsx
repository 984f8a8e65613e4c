import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { describeError, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { useViewer } from '../../app/viewer';
import type { PostFieldsFragment, ThreadQuery } from '../../gql/graphql';
import { Alert, Button, Form, Page, QueryBoundary } from '../../ui';
import {
  CREATE_POST,
  DELETE_THREAD,
  LOCK_THREAD,
  MARK_THREAD_READ,
  PIN_THREAD,
  THREAD,
  THREAD_ACTIVITY,
} from './documents';
import { MarkdownEditor } from './MarkdownEditor';
import { OpeningPost } from './OpeningPost';
import { PostItem } from './PostItem';
import { usePeople } from './usePeople';

const PAGE = 50;

type ThreadData = NonNullable<ThreadQuery['thread']>;

/** Adds a post at the end of the loaded replies, unless it is there or more are still to load. */
function withPost(data: ThreadQuery | null, post: PostFieldsFragment): ThreadQuery | undefined {
  const thread = data?.thread;
  if (!thread || thread.posts.pageInfo.hasNextPage) return undefined;
  if (thread.posts.edges.some((edge) => edge.node.id === post.id)) return undefined;
  return {
    ...data,
    thread: {
      ...thread,
      posts: {
        ...thread.posts,
        edges: [...thread.posts.edges, { __typename: 'PostEdge', cursor: post.id, node: post }],
      },
    },
  };
}

function withoutPost(data: ThreadQuery | null, postId: string): ThreadQuery | undefined {
  const thread = data?.thread;
  if (!thread) return undefined;
  return {
    ...data,
    thread: {
      ...thread,
      posts: {
        ...thread.posts,
        edges: thread.posts.edges.filter((edge) => edge.node.id !== postId),
      },
    },
  };
}

/** `/t/:id`: a thread with its replies, arriving live, and a reply box. */
export function ThreadPage() {
  const { id = '' } = useParams();
  const i18n = useI18n();
  const { t, date } = i18n;
  const client = useApolloClient();
  const variables = { id, first: PAGE };
  const { data, loading, error, refetch, fetchMore } = useQuery(THREAD, {
    variables,
    fetchPolicy: 'cache-and-network',
  });
  const [markRead] = useMutation(MARK_THREAD_READ);
  const [news, setNews] = useState('');
  const thread = data?.thread;
  const people = usePeople(thread?.space.organisation.id);
  const { viewer } = useViewer();
  // The viewer's handle, to mark their own mentions: they are one of the members listed.
  const me = people.find((p) => p.id === viewer?.id)?.handle ?? null;

  useEffect(() => {
    if (thread?.id) void markRead({ variables: { input: { id: thread.id } } }).catch(() => {});
  }, [thread?.id]);

  useSubscription(THREAD_ACTIVITY, {
    variables: { threadId: id },
    onData: ({ data: live }) => {
      const activity = live.data?.threadActivity;
      if (!activity) return;
      const update = (change: (data: ThreadQuery | null) => ThreadQuery | undefined) =>
        client.cache.updateQuery({ query: THREAD, variables }, change);
      switch (activity.kind) {
        case 'POST_CREATED':
          if (activity.post) {
            const post = activity.post;
            update((current) => withPost(current, post));
            setNews(
              t('thread.live.newReply', {
                name: post.author?.displayName ?? t('discussions.formerMember'),
              }),
            );
            void markRead({ variables: { input: { id } } }).catch(() => {});
          }
          break;
        case 'POST_HIDDEN':
          // Moderators still receive the post (marked hidden); everyone else loses it.
          if (!activity.post && activity.postId) {
            const postId = activity.postId;
            update((current) => withoutPost(current, postId));
            setNews(t('thread.live.removed'));
          }
          break;
        case 'POST_RESTORED':
          if (activity.post) void refetch();
          break;
        default:
          // Edits, deletions and reactions arrive as the post itself: the cache updates it.
          break;
      }
    },
  });

  if (!thread) {
    return (
      <QueryBoundary
        loading={loading}
        error={error}
        retry={refetch}
        notFound={{
          title: t('thread.notFound.title'),
          body: t('thread.notFound.body'),
          link: { to: '/', label: t('notFound.home') },
        }}
      />
    );
  }

  const posts = thread.posts.edges.map((edge) => edge.node);
  return (
    <Page
      title={thread.title}
      intro={
        <>
          {t('thread.in')} <Link to={`/s/${thread.space.id}`}>{thread.space.name}</Link> ·{' '}
          {t('discussions.startedBy', {
            name: thread.author?.displayName ?? t('discussions.formerMember'),
          })}{' '}
          · <time dateTime={thread.createdAt}>{date(thread.createdAt, 'dateTime')}</time>
          {thread.pinned && <span className="badge">{t('discussions.pinned')}</span>}
          {thread.locked && <span className="badge badge--neutral">{t('discussions.locked')}</span>}
        </>
      }
    >
      <p className="visually-hidden" role="status" aria-live="polite">
        {news}
      </p>
      {thread.viewerCan.moderate || thread.viewerCan.delete ? (
        <ThreadTools thread={thread} />
      ) : null}
      <OpeningPost thread={thread} people={people} me={me} />
      <Replies
        thread={thread}
        posts={posts}
        people={people}
        me={me}
        loadMore={async () => {
          await fetchMore({
            variables: { after: thread.posts.pageInfo.endCursor },
            updateQuery: (previous, { fetchMoreResult }) => {
              if (!previous.thread || !fetchMoreResult.thread) return previous;
              return {
                thread: {
                  ...fetchMoreResult.thread,
                  posts: {
                    ...fetchMoreResult.thread.posts,
                    edges: [...previous.thread.posts.edges, ...fetchMoreResult.thread.posts.edges],
                  },
                },
              };
            },
          });
        }}
        onPosted={(post) =>
          client.cache.updateQuery({ query: THREAD, variables }, (current) =>
            withPost(current, post),
          )
        }
      />
    </Page>
  );
}

function ThreadTools({ thread }: { thread: ThreadData }) {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const [pin, pinning] = useMutation(PIN_THREAD);
  const [lock, locking] = useMutation(LOCK_THREAD);
  const [remove, removing] = useMutation(DELETE_THREAD);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>) {
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(describeError(error, i18n).summary);
    }
  }

  return (
    <div className="toolbar" role="group" aria-label={t('thread.tools')}>
      {thread.viewerCan.moderate && (
        <>
          <Button
            variant="secondary"
            aria-pressed={thread.pinned}
            busy={pinning.loading}
            onClick={() =>
              void run(() =>
                pin({ variables: { input: { id: thread.id, value: !thread.pinned } } }),
              )
            }
          >
            {t('thread.pin')}
          </Button>
          <Button
            variant="secondary"
            aria-pressed={thread.locked}
            busy={locking.loading}
            onClick={() =>
              void run(() =>
                lock({ variables: { input: { id: thread.id, value: !thread.locked } } }),
              )
            }
          >
            {t('thread.lock')}
          </Button>
        </>
      )}
      {thread.viewerCan.delete &&
        (confirming ? (
          <>
            <Button
              variant="danger"
              busy={removing.loading}
              onClick={() =>
                void run(async () => {
                  await remove({ variables: { input: { id: thread.id } } });
                  void navigate(`/s/${thread.space.id}`, { replace: true });
                })
              }
            >
              {t('thread.deleteYes')}
            </Button>
            <Button variant="quiet" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </>
        ) : (
          <Button variant="quiet" onClick={() => setConfirming(true)}>
            {t('thread.delete')}
          </Button>
        ))}
      {problem && <Alert tone="error">{problem}</Alert>}
    </div>
  );
}

function Replies({
  thread,
  posts,
  people,
  me,
  loadMore,
  onPosted,
}: {
  thread: ThreadData;
  posts: PostFieldsFragment[];
  people: ReturnType<typeof usePeople>;
  me: string | null;
  loadMore(): Promise<void>;
  onPosted(post: PostFieldsFragment): void;
}) {
  const i18n = useI18n();
  const { t, plural } = i18n;
  const [body, setBody] = useState('');
  const [replyTo, setReplyTo] = useState<PostFieldsFragment | null>(null);
  const [problems, setProblems] = useState<ErrorView<'body'> | null>(null);
  const [createPost, { loading }] = useMutation(CREATE_POST);
  const [loadingMore, setLoadingMore] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblems(null);
    try {
      const { data } = await createPost({
        variables: { input: { threadId: thread.id, body, replyToPostId: replyTo?.id ?? null } },
      });
      if (data) onPosted(data.createPost.post);
      setBody('');
      setReplyTo(null);
    } catch (error) {
      setProblems(describeError(error, i18n, ['body']));
    }
  }

  return (
    <section className="card" aria-labelledby="thread-replies">
      <h2 id="thread-replies" className="card__title">
        {plural('discussions.replies', thread.replyCount)}
      </h2>
      {posts.length ? (
        <ol className="posts">
          {posts.map((post) => (
            <li key={post.id}>
              <PostItem
                post={post}
                people={people}
                me={me}
                onReply={(target) => {
                  setReplyTo(target);
                  document.getElementById('reply-box')?.querySelector('textarea')?.focus();
                }}
              />
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('thread.noReplies')}</p>
      )}
      {thread.posts.pageInfo.hasNextPage && (
        <Button
          variant="secondary"
          busy={loadingMore}
          onClick={() => {
            setLoadingMore(true);
            void loadMore().finally(() => setLoadingMore(false));
          }}
        >
          {loadingMore ? t('common.loading') : t('thread.loadMore')}
        </Button>
      )}
      {thread.locked && <Alert tone="info">{t('thread.lockedNote')}</Alert>}
      {thread.viewerCan.reply && !thread.locked && (
        <Form
          problems={problems}
          id="reply-box"
          className="form subsection"
          aria-label={t('thread.replyTitle')}
          onSubmit={(event) => void submit(event)}
        >
          <h3 className="section__subtitle">{t('thread.replyTitle')}</h3>
          {replyTo && (
            <p className="reply-to">
              {t('post.inReplyTo', {
                name: replyTo.author?.displayName ?? t('discussions.formerMember'),
              })}{' '}
              <Button variant="quiet" onClick={() => setReplyTo(null)}>
                {t('thread.cancelReplyTo')}
              </Button>
            </p>
          )}
          <MarkdownEditor
            label={t('thread.replyLabel')}
            name="body"
            value={body}
            onChange={setBody}
            people={people}
            error={problems?.fields.body}
          />
          <Button type="submit" busy={loading}>
            {loading ? t('thread.posting') : t('thread.post')}
          </Button>
        </Form>
      )}
    </section>
  );
}

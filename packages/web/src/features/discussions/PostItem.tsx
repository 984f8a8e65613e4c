import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { PostFieldsFragment } from '../../gql/graphql';
import { Alert, Button, Form, TextField } from '../../ui';
import {
  DELETE_POST,
  EDIT_POST,
  FLAG_POST,
  HIDE_POST,
  RESTORE_POST,
  TOGGLE_REACTION,
} from './documents';
import { MarkdownEditor } from './MarkdownEditor';
import type { Mentionable } from './mention';
import { markMentions } from './mention-html';
import { REACTIONS } from './reactions';

type Mode = 'read' | 'edit' | 'flag' | 'confirmDelete';

/** One reply: its text as the server rendered it, reactions and what the viewer may do to it. */
export function PostItem({
  post,
  people,
  me = null,
  onReply,
}: {
  post: PostFieldsFragment;
  people: readonly Mentionable[];
  /** The viewer's handle: their own mentions are marked apart. */
  me?: string | null;
  onReply(post: PostFieldsFragment): void;
}) {
  const i18n = useI18n();
  const { t, plural, date } = i18n;
  const [mode, setMode] = useState<Mode>('read');
  const [draft, setDraft] = useState(post.body ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [toggleReaction] = useMutation(TOGGLE_REACTION);
  const [editPost, editing] = useMutation(EDIT_POST);
  const [deletePost, deleting] = useMutation(DELETE_POST);
  const [flagPost, flagging] = useMutation(FLAG_POST);
  const [hidePost, hiding] = useMutation(HIDE_POST);
  const [restorePost, restoring] = useMutation(RESTORE_POST);
  const author = post.author?.displayName ?? t('discussions.formerMember');
  const gone = Boolean(post.deletedAt);

  async function run(action: () => Promise<unknown>, done?: string) {
    setProblem(null);
    setNotice(null);
    try {
      await action();
      setMode('read');
      if (done) setNotice(done);
    } catch (error) {
      setProblem(describeError(error, i18n).summary);
    }
  }

  function saveEdit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(() => editPost({ variables: { input: { id: post.id, body: draft } } }));
  }

  function sendFlag(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '');
    void run(
      () => flagPost({ variables: { input: { postId: post.id, reason } } }),
      t('post.flagged'),
    );
  }

  return (
    <article
      className={post.hiddenAt ? 'post post--hidden' : 'post'}
      id={`post-${post.id}`}
      aria-label={t('post.by', { name: author })}
    >
      <header className="post__header">
        <span className="avatar" aria-hidden="true">
          {author.charAt(0).toUpperCase()}
        </span>
        <span>
          <strong>{author}</strong>
          {post.author && <span className="muted"> @{post.author.handle}</span>}
        </span>
        <span className="list__meta">
          <time dateTime={post.createdAt}>{date(post.createdAt, 'dateTime')}</time>
          {post.editedAt && ` · ${t('post.edited')}`}
        </span>
        {post.hiddenAt && <span className="badge badge--warning">{t('post.hiddenBadge')}</span>}
      </header>
      {post.replyTo && (
        <blockquote className="post__quote">
          <span className="muted">
            {t('post.inReplyTo', {
              name: post.replyTo.author?.displayName ?? t('discussions.formerMember'),
            })}
          </span>
          {post.replyTo.bodyHtml && !post.replyTo.deletedAt ? (
            // Rendered and sanitised by the server.
            <div
              className="post__quote-body"
              dangerouslySetInnerHTML={{
                __html: markMentions(post.replyTo.bodyHtml, people, me),
              }}
            />
          ) : (
            <p className="muted">{t('post.goneText')}</p>
          )}
        </blockquote>
      )}
      {mode === 'edit' ? (
        <Form
          problems={problem}
          className="form"
          onSubmit={saveEdit}
          aria-label={t('post.editLabel')}
        >
          <MarkdownEditor
            label={t('post.editLabel')}
            name="body"
            value={draft}
            onChange={setDraft}
            people={people}
            autoFocus
          />
          <div className="form__actions">
            <Button type="submit" busy={editing.loading}>
              {editing.loading ? t('common.saving') : t('common.save')}
            </Button>
            <Button variant="quiet" onClick={() => setMode('read')}>
              {t('common.cancel')}
            </Button>
          </div>
        </Form>
      ) : gone ? (
        <p className="post__gone muted">{t('post.deleted')}</p>
      ) : post.bodyHtml ? (
        // Rendered and sanitised by the server.
        <div
          className="prose post__body"
          dangerouslySetInnerHTML={{ __html: markMentions(post.bodyHtml, people, me) }}
        />
      ) : (
        <p className="post__gone muted">{t('post.goneText')}</p>
      )}
      {!gone && (
        <div className="reactions" role="group" aria-label={t('post.reactions')}>
          {REACTIONS.map((kind) => {
            const reaction = post.reactions.find((r) => r.reaction === kind);
            const count = reaction?.count ?? 0;
            const pressed = reaction?.viewerReacted ?? false;
            if (!post.viewerCan.react && !count) return null;
            return (
              <button
                key={kind}
                type="button"
                className="reaction"
                aria-pressed={pressed}
                disabled={!post.viewerCan.react}
                onClick={() =>
                  void run(() =>
                    toggleReaction({ variables: { input: { postId: post.id, reaction: kind } } }),
                  )
                }
              >
                <span>{t(`reaction.${kind}`)}</span>{' '}
                <span className="reaction__count">{count}</span>
              </button>
            );
          })}
        </div>
      )}
      {notice && <Alert tone="success">{notice}</Alert>}
      {/* In the edit and flag forms the form's own summary says it. */}
      {mode !== 'edit' && mode !== 'flag' && problem && <Alert tone="error">{problem}</Alert>}
      {mode === 'flag' && (
        <Form
          problems={problem}
          className="form subsection"
          onSubmit={sendFlag}
          aria-label={t('post.flagTitle')}
        >
          <TextField
            label={t('post.flagReason')}
            name="reason"
            required
            maxLength={500}
            autoFocus
          />
          <div className="form__actions">
            <Button type="submit" busy={flagging.loading}>
              {t('post.flagSend')}
            </Button>
            <Button variant="quiet" onClick={() => setMode('read')}>
              {t('common.cancel')}
            </Button>
          </div>
        </Form>
      )}
      {mode === 'confirmDelete' && (
        <div className="confirm" role="group" aria-label={t('post.confirmDelete')}>
          <p>{t('post.confirmDelete')}</p>
          <Button
            variant="danger"
            busy={deleting.loading}
            onClick={() =>
              void run(() => deletePost({ variables: { input: { postId: post.id } } }))
            }
          >
            {t('post.deleteYes')}
          </Button>
          <Button variant="quiet" onClick={() => setMode('read')}>
            {t('common.cancel')}
          </Button>
        </div>
      )}
      {mode === 'read' && !gone && (
        <div className="post__actions">
          <Button variant="quiet" onClick={() => onReply(post)}>
            {t('post.reply')}
          </Button>
          {post.viewerCan.edit && (
            <Button
              variant="quiet"
              onClick={() => {
                setDraft(post.body ?? '');
                setMode('edit');
              }}
            >
              {t('post.edit')}
            </Button>
          )}
          {post.viewerCan.delete && (
            <Button variant="quiet" onClick={() => setMode('confirmDelete')}>
              {t('post.delete')}
            </Button>
          )}
          <Button variant="quiet" onClick={() => setMode('flag')}>
            {t('post.flag')}
          </Button>
          {post.viewerCan.moderate &&
            (post.hiddenAt ? (
              <Button
                variant="secondary"
                busy={restoring.loading}
                onClick={() =>
                  void run(() => restorePost({ variables: { input: { postId: post.id } } }))
                }
              >
                {t('post.restore')}
              </Button>
            ) : (
              <Button
                variant="secondary"
                busy={hiding.loading}
                onClick={() =>
                  void run(() =>
                    hidePost({ variables: { input: { postId: post.id, reason: '' } } }),
                  )
                }
              >
                {t('post.hide')}
              </Button>
            ))}
        </div>
      )}
      {post.revisions && post.revisions.length > 0 && (
        <details className="revisions">
          <summary>{plural('post.history', post.revisions.length)}</summary>
          <ol>
            {post.revisions.map((revision) => (
              <li key={revision.id}>
                <p className="list__meta">
                  {t('post.replacedAt', { date: date(revision.createdAt, 'dateTime') })}
                </p>
                <pre className="revisions__body">{revision.body}</pre>
              </li>
            ))}
          </ol>
        </details>
      )}
    </article>
  );
}

import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { ThreadQuery } from '../../gql/graphql';
import { Alert, Button } from '../../ui';
import { TOGGLE_THREAD_REACTION, UPDATE_THREAD_TEXT } from './documents';
import { MarkdownEditor } from './MarkdownEditor';
import type { Mentionable } from './mention';
import { markMentions } from './mention-html';
import { REACTIONS } from './reactions';

type Thread = NonNullable<ThreadQuery['thread']>;

/**
 * A thread's opening text with what replies have too (issue #26.10): reactions, and an edit
 * button for whoever may change it (its author or a moderator).
 */
export function OpeningPost({
  thread,
  people,
  me,
}: {
  thread: Thread;
  people: readonly Mentionable[];
  me: string | null;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(thread.body);
  const [problem, setProblem] = useState<string | null>(null);
  const [toggleReaction] = useMutation(TOGGLE_THREAD_REACTION);
  const [updateThread, saving] = useMutation(UPDATE_THREAD_TEXT);

  async function run(action: () => Promise<unknown>) {
    setProblem(null);
    try {
      await action();
      return true;
    } catch (error) {
      setProblem(describeError(error, i18n).summary);
      return false;
    }
  }

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(() => updateThread({ variables: { input: { id: thread.id, body: draft } } })).then(
      (saved) => saved && setEditing(false),
    );
  }

  return (
    <article className="card thread-opening" aria-label={t('thread.opening')}>
      {editing ? (
        <form className="form" onSubmit={save} aria-label={t('thread.editOpening')}>
          <MarkdownEditor
            label={t('thread.editOpening')}
            name="body"
            value={draft}
            onChange={setDraft}
            people={people}
            autoFocus
          />
          <div className="form__actions">
            <Button type="submit" busy={saving.loading}>
              {saving.loading ? t('common.saving') : t('common.save')}
            </Button>
            <Button variant="quiet" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        // Rendered and sanitised by the server; mentions marked up in the parsed document.
        <div
          className="prose"
          dangerouslySetInnerHTML={{ __html: markMentions(thread.bodyHtml, people, me) }}
        />
      )}
      {thread.tags.length > 0 && (
        <p className="tags">
          {thread.tags.map((tag) => (
            <span key={tag} className="tag">
              #{tag}
            </span>
          ))}
        </p>
      )}
      <div className="reactions" role="group" aria-label={t('post.reactions')}>
        {REACTIONS.map((kind) => {
          const reaction = thread.reactions.find((r) => r.reaction === kind);
          const count = reaction?.count ?? 0;
          if (!thread.viewerCan.react && !count) return null;
          return (
            <button
              key={kind}
              type="button"
              className="reaction"
              aria-pressed={reaction?.viewerReacted ?? false}
              disabled={!thread.viewerCan.react}
              onClick={() =>
                void run(() =>
                  toggleReaction({
                    variables: { input: { threadId: thread.id, reaction: kind } },
                  }),
                )
              }
            >
              <span>{t(`reaction.${kind}`)}</span> <span className="reaction__count">{count}</span>
            </button>
          );
        })}
      </div>
      {problem && <Alert tone="error">{problem}</Alert>}
      {thread.viewerCan.update && !editing && (
        <div className="post__actions">
          <Button
            variant="quiet"
            onClick={() => {
              setDraft(thread.body);
              setEditing(true);
            }}
          >
            {t('post.edit')}
          </Button>
        </div>
      )}
    </article>
  );
}

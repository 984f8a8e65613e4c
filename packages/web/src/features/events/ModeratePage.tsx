import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import type {
  EventQuery,
  ModerationAction,
  PollFieldsFragment,
  QuestionFieldsFragment,
} from '../../gql/graphql';
import {
  Alert,
  Button,
  EmptyState,
  Field,
  Form,
  Page,
  QueryBoundary,
  TextAreaField,
  TextField,
} from '../../ui';
import { CLOSE_POLL, CREATE_POLL, EVENT, MODERATE_QUESTION, OPEN_POLL } from './documents';
import { sortQuestions } from './live';
import { PollChart } from './PollChart';
import { useLiveEvent } from './useLiveEvent';

type EventData = NonNullable<EventQuery['event']>;

/** The keys a moderator presses on a focused question. */
const SHORTCUTS: Record<string, ModerationAction | 'togglePin'> = {
  a: 'APPROVE',
  r: 'REJECT',
  d: 'MARK_ANSWERED',
  p: 'togglePin',
  x: 'ARCHIVE',
};

/** `/events/:id/moderate`: the question queue (with keyboard shortcuts) and the polls. */
export function ModeratePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(EVENT, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const event = data?.event;
  if (!event) {
    return (
      <QueryBoundary
        loading={loading}
        error={error}
        retry={refetch}
        notFound={{
          title: t('event.notFound.title'),
          body: t('event.notFound.body'),
          link: { to: '/events', label: t('event.list.pageTitle') },
        }}
      />
    );
  }
  return (
    <Page
      title={t('moderate.title', { title: event.title })}
      intro={
        <>
          <Link to={`/events/${event.id}`}>{t('moderate.back')}</Link>
          {event.code && (
            <span className="badge" lang="en">
              {event.code}
            </span>
          )}
        </>
      }
    >
      {!event.viewerCan.moderate ? (
        <Alert tone="info">{t('moderate.notAllowed')}</Alert>
      ) : (
        <div className="columns columns--moderate">
          <div className="columns__main">
            <Queue event={event} />
          </div>
          <div className="columns__side">
            <Polls event={event} />
          </div>
        </div>
      )}
    </Page>
  );
}

function Queue({ event }: { event: EventData }) {
  const i18n = useI18n();
  const { t, plural } = i18n;
  const { data, loading, error, refetch } = useLiveEvent(event.id, { statuses: null });
  const [moderate] = useMutation(MODERATE_QUESTION);
  const [problem, setProblem] = useState<string | null>(null);
  const [news, setNews] = useState('');
  const list = useRef<HTMLDivElement>(null);
  const all = data?.questions ?? [];
  const pending = sortQuestions(
    all.filter((q) => q.status === 'PENDING'),
    'RECENT',
  ).reverse();
  const live = sortQuestions(
    all.filter((q) => q.status === 'APPROVED'),
    'TOP',
  );
  const answered = all.filter((q) => q.status === 'ANSWERED');

  async function act(question: QuestionFieldsFragment, action: ModerationAction | 'togglePin') {
    const resolved: ModerationAction =
      action === 'togglePin' ? (question.pinned ? 'UNPIN' : 'PIN') : action;
    setProblem(null);
    try {
      await moderate({ variables: { input: { questionId: question.id, action: resolved } } });
      setNews(t(`moderate.done.${resolved}`));
    } catch (failure) {
      setProblem(describeError(failure, i18n).summary);
    }
  }

  function onKeyDown(keyEvent: KeyboardEvent<HTMLElement>, question: QuestionFieldsFragment) {
    if (keyEvent.altKey || keyEvent.ctrlKey || keyEvent.metaKey) return;
    const items = [...(list.current?.querySelectorAll<HTMLElement>('[data-question]') ?? [])];
    const index = items.indexOf(keyEvent.currentTarget);
    if (keyEvent.key === 'j' || keyEvent.key === 'ArrowDown') {
      keyEvent.preventDefault();
      items[Math.min(index + 1, items.length - 1)]?.focus();
      return;
    }
    if (keyEvent.key === 'k' || keyEvent.key === 'ArrowUp') {
      keyEvent.preventDefault();
      items[Math.max(index - 1, 0)]?.focus();
      return;
    }
    const action = SHORTCUTS[keyEvent.key.toLowerCase()];
    if (!action) return;
    keyEvent.preventDefault();
    // Keep the keyboard in the queue: focus moves on to the next question.
    const next = items[index + 1] ?? items[index - 1];
    void act(question, action).then(() => next?.focus());
  }

  const render = (questions: QuestionFieldsFragment[], title: string, idName: string) => (
    <section className="card" aria-labelledby={idName}>
      <h2 id={idName} className="card__title">
        {title} <span className="muted">({questions.length})</span>
      </h2>
      {questions.length ? (
        <ol className="questions">
          {questions.map((question) => (
            <li
              key={question.id}
              className={`question question--${question.status.toLowerCase()}`}
              tabIndex={0}
              data-question={question.id}
              aria-label={question.body}
              onKeyDown={(keyEvent) => {
                if (keyEvent.target === keyEvent.currentTarget) onKeyDown(keyEvent, question);
              }}
            >
              <div className="question__main">
                <p className="question__body">{question.body}</p>
                <p className="list__meta">
                  {question.anonymous || !question.authorName
                    ? t('audience.anonymous')
                    : question.authorName}{' '}
                  · {plural('moderate.votes', question.upvoteCount)}
                  {question.pinned && <span className="badge">{t('moderate.pinned')}</span>}
                </p>
                <div className="question__actions">
                  {question.status !== 'APPROVED' && (
                    <Button variant="secondary" onClick={() => void act(question, 'APPROVE')}>
                      {t('moderate.action.APPROVE')}
                    </Button>
                  )}
                  {question.status === 'PENDING' && (
                    <Button variant="quiet" onClick={() => void act(question, 'REJECT')}>
                      {t('moderate.action.REJECT')}
                    </Button>
                  )}
                  {question.status === 'APPROVED' && (
                    <>
                      <Button
                        variant="secondary"
                        onClick={() => void act(question, 'MARK_ANSWERED')}
                      >
                        {t('moderate.action.MARK_ANSWERED')}
                      </Button>
                      <Button variant="quiet" onClick={() => void act(question, 'togglePin')}>
                        {question.pinned ? t('moderate.action.UNPIN') : t('moderate.action.PIN')}
                      </Button>
                    </>
                  )}
                  {question.status !== 'PENDING' && (
                    <Button variant="quiet" onClick={() => void act(question, 'ARCHIVE')}>
                      {t('moderate.action.ARCHIVE')}
                    </Button>
                  )}
                </div>
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('moderate.none')}</p>
      )}
    </section>
  );

  return (
    <div ref={list}>
      <aside className="card shortcuts" aria-labelledby="moderate-keys">
        <h2 id="moderate-keys" className="card__title">
          {t('moderate.keys.title')}
        </h2>
        <ul className="shortcuts__list">
          {(['a', 'r', 'd', 'p', 'x', 'j'] as const).map((key) => (
            <li key={key}>
              <kbd>{key === 'j' ? 'j / k' : key}</kbd> {t(`moderate.keys.${key}`)}
            </li>
          ))}
        </ul>
      </aside>
      <p className="visually-hidden" role="status">
        {news}
      </p>
      {problem && <Alert tone="error">{problem}</Alert>}
      {(loading || error) && !data ? (
        <QueryBoundary inline loading={loading} error={error} retry={refetch} />
      ) : (
        <>
          {render(pending, t('moderate.pending'), 'moderate-pending')}
          {render(live, t('moderate.live'), 'moderate-live')}
          {answered.length > 0 && render(answered, t('moderate.answered'), 'moderate-answered')}
        </>
      )}
    </div>
  );
}

const POLL_FIELDS_NAMES = ['question', 'options'] as const;

function Polls({ event }: { event: EventData }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [createPoll, creating] = useMutation(CREATE_POLL, { refetchQueries: [EVENT] });
  const [openPoll] = useMutation(OPEN_POLL);
  const [closePoll] = useMutation(CLOSE_POLL);
  const [problems, setProblems] = useState<ErrorView<(typeof POLL_FIELDS_NAMES)[number]> | null>(
    null,
  );
  const [problem, setProblem] = useState<string | null>(null);

  async function create(formEvent: FormEvent<HTMLFormElement>) {
    formEvent.preventDefault();
    const formElement = formEvent.currentTarget;
    const form = new FormData(formElement);
    const options = String(form.get('options') ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    setProblems(null);
    try {
      await createPoll({
        variables: {
          input: {
            eventId: event.id,
            question: String(form.get('question') ?? ''),
            options,
            multipleChoice: form.get('multipleChoice') === 'on',
          },
        },
      });
      formElement.reset();
    } catch (error) {
      setProblems(describeError(error, i18n, POLL_FIELDS_NAMES));
    }
  }

  async function run(action: () => Promise<unknown>) {
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(describeError(error, i18n).summary);
    }
  }

  return (
    <section className="card" aria-labelledby="moderate-polls">
      <h2 id="moderate-polls" className="card__title">
        {t('moderate.polls')}
      </h2>
      {problem && <Alert tone="error">{problem}</Alert>}
      {event.polls.length ? (
        <ul className="list">
          {event.polls.map((poll: PollFieldsFragment) => (
            <li key={poll.id} className="list__item">
              <PollChart poll={poll} />
              <p className="list__meta">{t(`poll.status.${poll.status}`)}</p>
              {poll.status !== 'OPEN' ? (
                <Button
                  variant="secondary"
                  onClick={() =>
                    void run(() => openPoll({ variables: { input: { pollId: poll.id } } }))
                  }
                >
                  {t('moderate.openPoll')}
                </Button>
              ) : (
                <Button
                  variant="secondary"
                  onClick={() =>
                    void run(() => closePoll({ variables: { input: { pollId: poll.id } } }))
                  }
                >
                  {t('moderate.closePoll')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title={t('moderate.noPollsTitle')}>
          <p>{t('moderate.noPollsBody')}</p>
        </EmptyState>
      )}
      <Form
        problems={problems}
        className="form subsection"
        aria-label={t('moderate.newPoll')}
        onSubmit={(formEvent) => void create(formEvent)}
      >
        <h3 className="section__subtitle">{t('moderate.newPoll')}</h3>
        <TextField
          label={t('moderate.pollQuestion')}
          name="question"
          required
          error={problems?.fields.question}
        />
        <TextAreaField
          label={t('moderate.pollOptions')}
          hint={t('moderate.pollOptionsHint')}
          name="options"
          rows={4}
          error={problems?.fields.options}
        />
        <Field kind="check" label={t('moderate.multipleChoice')} name="multipleChoice">
          {(control) => <input {...control} type="checkbox" name="multipleChoice" />}
        </Field>
        <Button type="submit" busy={creating.loading}>
          {t('moderate.createPoll')}
        </Button>
      </Form>
    </section>
  );
}

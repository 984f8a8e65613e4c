import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { dismissCredentialEnded, useEndedCredential } from '../../app/credential-ended';
import { describeError, serverProblems, type ErrorView } from '../../app/errors';
import {
  activeGuestToken,
  setActiveGuestToken,
  storedGuestToken,
  storeGuestToken,
} from '../../app/guest-token';
import { useI18n } from '../../app/i18n/I18nProvider';
import { useRestartLive } from '../../app/session';
import { useViewer } from '../../app/viewer';
import type { AudienceEventQuery, EventByCodeQuery, PollFieldsFragment } from '../../gql/graphql';
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
import {
  ASK_QUESTION,
  AUDIENCE_EVENT,
  EVENT_BY_CODE,
  JOIN_EVENT,
  REMOVE_UPVOTE,
  UPVOTE,
  VOTE_POLL,
} from './documents';
import { AUDIENCE_STATUSES, sortQuestions } from './live';
import { PollChart } from './PollChart';
import { useLiveEvent } from './useLiveEvent';

type EventPreview = NonNullable<EventByCodeQuery['eventByCode']>;
type AudienceEvent = NonNullable<AudienceEventQuery['event']>;

/** `/e` without a code: asks for one. */
export function JoinByCodePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Page
      title={t('audience.enterCode.title')}
      intro={t('audience.enterCode.intro')}
      width="narrow"
    >
      <CodeForm onCode={(code) => void navigate(`/e/${code}`)} />
    </Page>
  );
}

function CodeForm({ onCode, error }: { onCode(code: string): void; error?: string }) {
  const { t } = useI18n();
  return (
    <Form
      className="card form"
      onSubmit={(event) => {
        event.preventDefault();
        const code = String(new FormData(event.currentTarget).get('code') ?? '')
          .trim()
          .toUpperCase();
        if (code) onCode(code);
      }}
    >
      <TextField
        label={t('audience.code')}
        name="code"
        autoComplete="off"
        autoCapitalize="characters"
        maxLength={12}
        error={error}
      />
      <Button type="submit">{t('audience.enterCode.submit')}</Button>
    </Form>
  );
}

/**
 * `/e/:code`: the audience on their phones. Guests join with a name and carry a token for this
 * event (sessionStorage, per code); signed-in people join as themselves.
 */
export function AudiencePage() {
  const { code: rawCode = '' } = useParams();
  const code = rawCode.toUpperCase();
  const { t } = useI18n();
  const navigate = useNavigate();
  const restartLive = useRestartLive();
  const { viewer, loading: viewerLoading } = useViewer();
  // Set before the first query so that it carries the guest's token.
  const [guestToken, setGuestToken] = useState(() => {
    const stored = storedGuestToken(code);
    setActiveGuestToken(stored);
    return stored;
  });
  useEffect(() => {
    if (!guestToken) return;
    setActiveGuestToken(guestToken);
    restartLive();
    return () => {
      // Leaving the audience: other pages never carry the event's token.
      if (activeGuestToken() === guestToken) {
        setActiveGuestToken(null);
        restartLive();
      }
    };
  }, [guestToken]);

  const [joinedAs, setJoinedAs] = useState<string | null>(null);
  // The server refused the guest token (apollo.ts has forgotten it): join again.
  const guestEnded = useEndedCredential() === 'guest';
  useEffect(() => {
    if (!guestEnded) return;
    setGuestToken(null);
    setJoinedAs(null);
  }, [guestEnded]);
  useEffect(() => () => dismissCredentialEnded('guest'), []);

  const { data, loading, error, refetch } = useQuery(EVENT_BY_CODE, {
    variables: { code },
    fetchPolicy: 'cache-and-network',
  });
  const event = data?.eventByCode;
  const joined = Boolean(guestToken) || Boolean(viewer && joinedAs);
  // The rest of the event (polls, what the viewer may do) only once joined: the code alone
  // shows no more than the preview.
  const audience = useQuery(AUDIENCE_EVENT, {
    variables: { id: event?.id ?? '' },
    skip: !event || !joined,
    fetchPolicy: 'cache-and-network',
  });

  if (!event) {
    return (
      <QueryBoundary
        loading={loading || viewerLoading}
        error={error}
        retry={refetch}
        width="narrow"
        notFound={{
          title: t('audience.unknown.title'),
          body: t('audience.unknown.body', { code }),
          link: null,
          extra: <CodeForm onCode={(next) => void navigate(`/e/${next}`)} />,
        }}
      />
    );
  }

  return (
    <Page title={event.title} width="narrow">
      <div className="audience">
        {event.status === 'CANCELLED' && <Alert tone="info">{t('event.cancelledNote')}</Alert>}
        {!joined && guestEnded && <Alert tone="info">{t('audience.guestEnded')}</Alert>}
        {!joined ? (
          <JoinForm
            event={event}
            code={code}
            signedInName={viewer?.displayName ?? null}
            onJoined={(token, name) => {
              dismissCredentialEnded('guest');
              if (token) {
                storeGuestToken(code, token);
                setActiveGuestToken(token);
                setGuestToken(token);
              }
              setJoinedAs(name);
            }}
          />
        ) : audience.data?.event ? (
          <Joined event={audience.data.event} />
        ) : (
          <QueryBoundary
            inline
            loading={!audience.error}
            error={audience.error}
            retry={audience.refetch}
          />
        )}
        {!viewer && !joined && (
          <p className="page__aside">
            {t('audience.haveAccount')}{' '}
            <Link to={`/sign-in?next=${encodeURIComponent(`/e/${code}`)}`}>
              {t('shell.signIn')}
            </Link>
          </p>
        )}
      </div>
    </Page>
  );
}

function JoinForm({
  event,
  code,
  signedInName,
  onJoined,
}: {
  event: EventPreview;
  code: string;
  signedInName: string | null;
  onJoined(token: string | null, name: string): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [join, { loading }] = useMutation(JOIN_EVENT);
  const [problems, setProblems] = useState<ErrorView<'displayName' | 'code'> | null>(null);

  async function submit(formEvent: FormEvent<HTMLFormElement>) {
    formEvent.preventDefault();
    const displayName = String(new FormData(formEvent.currentTarget).get('displayName') ?? '');
    setProblems(null);
    try {
      const { data } = await join({ variables: { input: { code, displayName } } });
      if (data) onJoined(data.joinEvent.guestToken ?? null, data.joinEvent.participant.displayName);
    } catch (error) {
      setProblems(describeError(error, i18n, ['displayName', 'code']));
    }
  }

  return (
    <Form
      problems={problems}
      className="card form"
      onSubmit={(formEvent) => void submit(formEvent)}
    >
      <h2 className="card__title">{t('audience.join.title')}</h2>
      <p className="muted">{t('audience.join.intro')}</p>
      <TextField
        label={t('audience.join.name')}
        hint={signedInName ? undefined : t('audience.join.nameHint')}
        name="displayName"
        defaultValue={signedInName ?? ''}
        autoComplete="nickname"
        required
        maxLength={80}
        error={problems?.fields.displayName}
      />
      <Button type="submit" busy={loading}>
        {t('audience.join.submit')}
      </Button>
      {event.status !== 'PUBLISHED' && <p className="muted">{t('event.cancelledNote')}</p>}
    </Form>
  );
}

function Joined({ event }: { event: AudienceEvent }) {
  const { t, plural } = useI18n();
  const { data, loading, error, refetch } = useLiveEvent(event.id, {
    statuses: AUDIENCE_STATUSES,
  });
  const [upvote] = useMutation(UPVOTE);
  const [removeUpvote] = useMutation(REMOVE_UPVOTE);
  const questions = sortQuestions(data?.questions ?? [], 'TOP');
  const openPoll = event.polls.find((poll) => poll.status === 'OPEN');

  return (
    <>
      {openPoll && <PollVote poll={openPoll} />}
      {event.viewerCan.ask && <AskForm event={event} />}
      <section className="card" aria-labelledby="audience-questions">
        <h2 id="audience-questions" className="card__title">
          {t('audience.questions')}
        </h2>
        {(loading || error) && !data ? (
          <QueryBoundary inline loading={loading} error={error} retry={refetch} />
        ) : !questions.length ? (
          <EmptyState title={t('audience.noQuestionsTitle')}>
            <p>{t('audience.noQuestionsBody')}</p>
          </EmptyState>
        ) : (
          <ol className="questions" aria-live="polite" aria-relevant="additions">
            {questions.map((question) => (
              <li key={question.id} className="question">
                <div className="question__main">
                  <p className="question__body">{question.body}</p>
                  <p className="list__meta">
                    {question.anonymous || !question.authorName
                      ? t('audience.anonymous')
                      : question.authorName}
                    {question.pinned && <span className="badge">{t('moderate.pinned')}</span>}
                    {question.status === 'ANSWERED' && (
                      <span className="badge badge--neutral">{t('question.status.ANSWERED')}</span>
                    )}
                  </p>
                </div>
                <button
                  type="button"
                  className="upvote"
                  aria-pressed={question.viewerUpvoted}
                  aria-label={plural('audience.upvote', question.upvoteCount)}
                  onClick={() =>
                    void (question.viewerUpvoted ? removeUpvote : upvote)({
                      variables: { input: { questionId: question.id } },
                    }).catch(() => {})
                  }
                >
                  <span aria-hidden="true">▲</span>
                  <span className="upvote__count">{question.upvoteCount}</span>
                </button>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

const ASK_FIELDS = ['body', 'anonymous', 'eventId'] as const;

function AskForm({ event }: { event: AudienceEvent }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [ask, { loading }] = useMutation(ASK_QUESTION);
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [problems, setProblems] = useState<ErrorView<(typeof ASK_FIELDS)[number]> | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function submit(formEvent: FormEvent<HTMLFormElement>) {
    formEvent.preventDefault();
    setProblems(null);
    setNotice(null);
    try {
      const { data } = await ask({
        variables: { input: { eventId: event.id, body, anonymous } },
      });
      setBody('');
      setNotice(
        data?.askQuestion.question.status === 'PENDING'
          ? t('audience.ask.pending')
          : t('audience.ask.published'),
      );
    } catch (error) {
      setProblems(describeError(error, i18n, ASK_FIELDS));
    }
  }

  return (
    <Form
      problems={problems}
      className="card form"
      onSubmit={(formEvent) => void submit(formEvent)}
    >
      <h2 className="card__title">{t('audience.ask.title')}</h2>
      {notice && <Alert tone="success">{notice}</Alert>}
      <TextAreaField
        label={t('audience.ask.body')}
        hint={t('audience.ask.bodyHint')}
        name="body"
        rows={3}
        maxLength={500}
        value={body}
        onChange={(formEvent) => setBody(formEvent.target.value)}
        error={problems?.fields.body}
      />
      {event.allowAnonymousQuestions || problems?.fields.anonymous ? (
        <Field
          kind="check"
          label={t('audience.ask.anonymous')}
          name="anonymous"
          error={problems?.fields.anonymous}
        >
          {(control) => (
            <input
              {...control}
              type="checkbox"
              checked={anonymous}
              disabled={!event.allowAnonymousQuestions}
              onChange={(formEvent) => setAnonymous(formEvent.target.checked)}
            />
          )}
        </Field>
      ) : null}
      <Button type="submit" busy={loading}>
        {t('audience.ask.submit')}
      </Button>
    </Form>
  );
}

function PollVote({ poll }: { poll: PollFieldsFragment }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [vote, { loading }] = useMutation(VOTE_POLL);
  const [changing, setChanging] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const voted = Boolean(poll.viewerChoice?.length) && !changing;

  async function submit(formEvent: FormEvent<HTMLFormElement>) {
    formEvent.preventDefault();
    const optionIds = new FormData(formEvent.currentTarget).getAll('option').map(String);
    setProblem(null);
    try {
      await vote({ variables: { input: { pollId: poll.id, optionIds } } });
      setChanging(false);
    } catch (error) {
      const reason = serverProblems(error)[0]?.reason;
      setProblem(
        reason === 'POLL_CLOSED' ? t('fieldError.POLL_CLOSED') : describeError(error, i18n).summary,
      );
    }
  }

  return (
    <section className="card poll" aria-labelledby={`poll-${poll.id}`}>
      <h2 id={`poll-${poll.id}`} className="card__title">
        {t('audience.poll.title')}
      </h2>
      {/* A failed vote is told by the form's summary; this is for a failed change of mind. */}
      {voted && problem && <Alert tone="error">{problem}</Alert>}
      {voted ? (
        <>
          <PollChart poll={poll} />
          <Button variant="quiet" onClick={() => setChanging(true)}>
            {t('audience.poll.change')}
          </Button>
        </>
      ) : (
        <Form problems={problem} className="form" onSubmit={(formEvent) => void submit(formEvent)}>
          <Field kind="group" className="choices" label={poll.question} name="option">
            {(control) =>
              [...poll.options]
                .sort((a, b) => a.position - b.position)
                .map((option, index) => (
                  <label key={option.id} className="choice">
                    <input
                      id={index === 0 ? control.id : undefined}
                      type={poll.multipleChoice ? 'checkbox' : 'radio'}
                      name="option"
                      value={option.id}
                      defaultChecked={poll.viewerChoice?.includes(option.id)}
                      required={!poll.multipleChoice}
                    />{' '}
                    <span className="choice__label">{option.label}</span>
                  </label>
                ))
            }
          </Field>
          <Button type="submit" busy={loading}>
            {t('audience.poll.vote')}
          </Button>
        </Form>
      )}
    </section>
  );
}

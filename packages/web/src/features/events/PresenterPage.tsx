import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useParams } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider';
import { EVENT } from './documents';
import { sortQuestions } from './live';
import { PollChart } from './PollChart';
import { useLiveEvent } from './useLiveEvent';

const SHOWN = 5;

/**
 * `/events/:id/present`: for the projector. The join code, the top approved questions with
 * their votes and the open poll as bars; large, high-contrast, live, and nothing to click.
 */
export function PresenterPage() {
  const { id = '' } = useParams();
  const { t, plural } = useI18n();
  const { data } = useQuery(EVENT, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const event = data?.event;
  const questions = useLiveEvent(id, { status: 'APPROVED', statuses: ['APPROVED'] });
  useEffect(() => {
    if (event) document.title = `${event.title} · Alany`;
  }, [event?.title]);
  if (!event) {
    return (
      <main className="presenter" aria-busy="true">
        <p className="presenter__waiting">{t('common.loading')}</p>
      </main>
    );
  }
  const top = sortQuestions(questions.data?.questions ?? [], 'TOP').slice(0, SHOWN);
  const poll = event.polls.find((p) => p.status === 'OPEN');
  return (
    <main className="presenter">
      <header className="presenter__header">
        <h1 className="presenter__title">{event.title}</h1>
        {event.code && (
          <p className="presenter__join">
            {t('present.join', { address: `${window.location.host}/e/` })}
            <strong lang="en">{event.code}</strong>
          </p>
        )}
      </header>
      <div className={poll ? 'presenter__body presenter__body--poll' : 'presenter__body'}>
        <section aria-labelledby="present-questions">
          <h2 id="present-questions" className="presenter__heading">
            {t('present.questions')}
          </h2>
          {top.length ? (
            <ol className="presenter__questions" aria-live="polite">
              {top.map((question) => (
                <li key={question.id} className="presenter__question">
                  <span className="presenter__votes">
                    <strong>{question.upvoteCount}</strong>
                    <span>{plural('present.votes', question.upvoteCount)}</span>
                  </span>
                  <span className="presenter__text">
                    {question.body}
                    <span className="presenter__author">
                      {question.anonymous || !question.authorName
                        ? t('audience.anonymous')
                        : question.authorName}
                    </span>
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="presenter__waiting">{t('present.noQuestions')}</p>
          )}
        </section>
        {poll && (
          <section aria-label={t('present.poll')} aria-live="polite">
            <h2 className="presenter__heading">{t('present.poll')}</h2>
            <PollChart poll={poll} large />
          </section>
        )}
      </div>
    </main>
  );
}

import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, serverProblems, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';
import type { ReportQuery, ReportStatus } from '../../gql/graphql';
import { Alert, Button, Form, Page, QueryBoundary, SelectField, TextAreaField } from '../../ui';
import { AttachmentList, Conversation, useDay } from './Conversation';
import {
  ASSIGN_REPORT,
  MESSAGE_REPORTER,
  REPORT,
  REPORT_ACTIVITY,
  SET_REPORT_STATUS,
} from './documents';
import { Deadlines, STATUSES, useReportsOrganisation } from './InboxPage';
import { NotAHandler } from './NotAHandler';
import { categoryLabel } from './categories';

type Report = NonNullable<ReportQuery['report']>;

const CASE_MEMBERS = graphql(`
  query CaseMembers($organisationId: ID!) {
    members(organisationId: $organisationId, first: 100) {
      edges {
        node {
          id
          user {
            id
            displayName
          }
        }
      }
    }
  }
`);

/** `/o/:slug/reports/:id`: one case — what was reported, the conversation, and the actions. */
export function CasePage() {
  const { organisation, fallback } = useReportsOrganisation();
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(REPORT, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
    skip: !organisation,
  });
  useSubscription(REPORT_ACTIVITY, {
    variables: { organisationId: organisation?.id ?? '' },
    skip: !organisation,
    onData: ({ data: live }) => {
      if (live.data?.reportActivity.reportId === id) void refetch();
    },
  });
  if (!organisation) return fallback;
  const report = data?.report;
  if (!report) {
    const inbox = { to: `/o/${organisation.slug}/reports`, label: t('reports.backToInbox') };
    // Administrators who are not case handlers are told why, rather than "not allowed".
    if (!loading && serverProblems(error).some((p) => p.code === 'FORBIDDEN')) {
      return (
        <Page title={t('reports.case.notFound')}>
          <NotAHandler organisation={organisation} />
          <p>
            <Link to={inbox.to}>{inbox.label}</Link>
          </p>
        </Page>
      );
    }
    return (
      <QueryBoundary
        loading={loading}
        error={error}
        retry={refetch}
        notFound={{ title: t('reports.case.notFound'), link: inbox }}
      />
    );
  }
  return <Case organisation={organisation} report={report} refetch={() => void refetch()} />;
}

function Case({
  organisation,
  report,
  refetch,
}: {
  organisation: { id: string; slug: string; name: string };
  report: Report;
  refetch(): void;
}) {
  const { t } = useI18n();
  const day = useDay();
  const { data: members } = useQuery(CASE_MEMBERS, {
    variables: { organisationId: organisation.id },
  });
  const people = members?.members.edges.map((edge) => edge.node.user) ?? [];
  const assignee = people.find((person) => person.id === report.assigneeUserId);
  return (
    <Page title={report.title} width="wide">
      <nav className="page-links" aria-label={t('organisation.tools')}>
        <Link to={`/o/${organisation.slug}/reports`}>{t('reports.backToInbox')}</Link>
      </nav>
      <div className="columns case">
        <div>
          <section className="card" aria-labelledby="case-report">
            <h2 id="case-report" className="card__title">
              {t('reports.case.report')}
            </h2>
            <p>
              <span className={`badge report-status--${report.status}`}>
                {t(`report.status.${report.status}`)}
              </span>{' '}
              {categoryLabel(report.category, t('report.category.other'))} ·{' '}
              {t('reports.submitted', { date: day(report.submittedOn) })}
            </p>
            <Deadlines report={report} />
            <p className="case__body">{report.body}</p>
            <dl className="case__facts">
              <dt>{t('reports.case.when')}</dt>
              <dd>{report.occurredAt || t('reports.case.notGiven')}</dd>
              <dt>{t('reports.case.where')}</dt>
              <dd>{report.place || t('reports.case.notGiven')}</dd>
              <dt>{t('reports.case.who')}</dt>
              <dd>{report.involvedParties || t('reports.case.notGiven')}</dd>
              <dt>{t('reports.case.contact')}</dt>
              <dd>{report.contact || t('reports.case.anonymous')}</dd>
            </dl>
            <AttachmentList attachments={report.attachments} download />
          </section>
          <section className="card" aria-labelledby="case-conversation">
            <h2 id="case-conversation" className="card__title">
              {t('report.conversation.title')}
            </h2>
            <Conversation messages={report.messages} side="handler" />
            <MessageForm reportId={report.id} onSent={refetch} />
          </section>
        </div>
        <div>
          <StatusForm report={report} onChanged={refetch} />
          <section className="card" aria-labelledby="case-assignee">
            <h2 id="case-assignee" className="card__title">
              {t('reports.case.assignee')}
            </h2>
            <p>{assignee ? assignee.displayName : t('reports.case.unassigned')}</p>
            <AssignForm
              reportId={report.id}
              current={report.assigneeUserId ?? ''}
              people={people}
              onChanged={refetch}
            />
          </section>
        </div>
      </div>
    </Page>
  );
}

function MessageForm({ reportId, onSent }: { reportId: string; onSent(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [body, setBody] = useState('');
  const [problems, setProblems] = useState<ErrorView<'body'> | null>(null);
  const [send, { loading }] = useMutation(MESSAGE_REPORTER);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblems(null);
    try {
      await send({ variables: { input: { id: reportId, body } } });
      setBody('');
      onSent();
    } catch (problem) {
      setProblems(describeError(problem, i18n, ['body']));
    }
  }
  return (
    <Form problems={problems} className="form subsection" onSubmit={(event) => void submit(event)}>
      <TextAreaField
        label={t('reports.case.message')}
        hint={t('reports.case.messageHint')}
        name="body"
        rows={4}
        required
        maxLength={20000}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        error={problems?.fields.body}
      />
      <div className="form__actions">
        <Button type="submit" busy={loading}>
          {t('reports.case.send')}
        </Button>
      </div>
    </Form>
  );
}

function StatusForm({ report, onChanged }: { report: Report; onChanged(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [status, setStatus] = useState<ReportStatus>(report.status);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<ErrorView<'note'> | null>(null);
  const [saved, setSaved] = useState(false);
  const [save, { loading }] = useMutation(SET_REPORT_STATUS);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblems(null);
    setSaved(false);
    try {
      await save({ variables: { input: { id: report.id, status, note } } });
      setNote('');
      setSaved(true);
      onChanged();
    } catch (problem) {
      setProblems(describeError(problem, i18n, ['note']));
    }
  }
  return (
    <Form
      problems={problems}
      className="card form"
      aria-labelledby="case-status"
      onSubmit={(event) => void submit(event)}
    >
      <h2 id="case-status" className="card__title">
        {t('reports.case.status')}
      </h2>
      {saved && <Alert tone="success">{t('reports.case.statusSaved')}</Alert>}
      <SelectField
        label={t('reports.filter.status')}
        name="status"
        value={status}
        onChange={(event) => setStatus(event.target.value as ReportStatus)}
        options={STATUSES.map((value) => ({ value, label: t(`report.status.${value}`) }))}
      />
      <TextAreaField
        label={t('reports.case.note')}
        hint={t('reports.case.noteHint')}
        name="note"
        rows={3}
        maxLength={5000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={problems?.fields.note}
      />
      <div className="form__actions">
        <Button type="submit" busy={loading}>
          {t('reports.case.saveStatus')}
        </Button>
      </div>
    </Form>
  );
}

function AssignForm({
  reportId,
  current,
  people,
  onChanged,
}: {
  reportId: string;
  current: string;
  people: ReadonlyArray<{ id: string; displayName: string }>;
  onChanged(): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [choice, setChoice] = useState(current);
  const [problem, setProblem] = useState<string | null>(null);
  const [assign, { loading }] = useMutation(ASSIGN_REPORT);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    try {
      await assign({ variables: { input: { id: reportId, handlerUserId: choice || null } } });
      onChanged();
    } catch (error) {
      const view = describeError(error, i18n, ['handlerUserId']);
      setProblem(view.fields.handlerUserId ?? view.summary);
    }
  }
  return (
    <Form problems={problem} className="form" onSubmit={(event) => void submit(event)}>
      <SelectField
        label={t('reports.case.assignTo')}
        name="handlerUserId"
        value={choice}
        onChange={(event) => setChoice(event.target.value)}
        options={[
          { value: '', label: t('reports.case.nobody') },
          ...people.map((person) => ({ value: person.id, label: person.displayName })),
        ]}
      />
      <div className="form__actions">
        <Button type="submit" variant="secondary" busy={loading}>
          {t('reports.case.assign')}
        </Button>
      </div>
    </Form>
  );
}

import { categoryLabel } from './categories';
import { useLazyQuery, useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError, serverProblems, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { ReporterViewFieldsFragment } from '../../gql/graphql';
import { Alert, Button, Form, Page, TextAreaField, TextField } from '../../ui';
import { AttachmentPicker } from './AttachmentPicker';
import { AttachmentList, Conversation, useDay } from './Conversation';
import { REPLY_TO_REPORT, REPORT_BY_RECEIPT } from './documents';
import { ANONYMOUSLY, Protections } from './ReportPage';
import { solveProof } from './proof';
import type { UploadedFile } from './uploads';

/**
 * `/report/follow-up`: the receipt opens the conversation. The receipt lives only in this
 * page's memory: never in the address, the history, storage or Apollo's cache.
 */
export function FollowUpPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [receipt, setReceipt] = useState<string | null>(null);
  const [report, setReport] = useState<ReporterViewFieldsFragment | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [proving, setProving] = useState(false);
  const [open, { loading: opening }] = useLazyQuery(REPORT_BY_RECEIPT, {
    fetchPolicy: 'no-cache',
  });
  const loading = proving || opening;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const value = String(new FormData(form).get('receipt') ?? '').replace(/\D/g, '');
    setProblem(null);
    if (value.length !== 16) {
      setProblem(t('report.followUp.badReceipt'));
      return;
    }
    try {
      setProving(true);
      const proof = await solveProof().finally(() => setProving(false));
      const { data, error } = await open({
        variables: { receipt: value, proof },
        context: ANONYMOUSLY,
      });
      if (error) throw error;
      if (data?.reportByReceipt) {
        setReceipt(value);
        setReport(data.reportByReceipt);
        form.reset();
      }
    } catch (error) {
      const notFound = serverProblems(error).some((p) => p.code === 'NOT_FOUND');
      setProblem(
        notFound ? t('report.followUp.unknownReceipt') : describeError(error, i18n).summary,
      );
    }
  }

  if (receipt && report) {
    return (
      <ReportThread
        receipt={receipt}
        report={report}
        onChange={setReport}
        onClose={() => {
          setReceipt(null);
          setReport(null);
        }}
      />
    );
  }

  return (
    <Page title={t('report.followUp.title')} intro={t('report.followUp.intro')} width="narrow">
      <Form problems={problem} className="card form" onSubmit={(event) => void submit(event)}>
        <TextField
          label={t('report.followUp.receipt')}
          hint={t('report.followUp.receiptHint')}
          name="receipt"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={24}
          required
        />
        <div className="form__actions">
          <Button type="submit" busy={loading}>
            {loading ? t('report.followUp.opening') : t('report.followUp.open')}
          </Button>
        </div>
      </Form>
      <Protections />
    </Page>
  );
}

const REPLY_FIELDS = ['body', 'attachments'] as const;

function ReportThread({
  receipt,
  report,
  onChange,
  onClose,
}: {
  receipt: string;
  report: ReporterViewFieldsFragment;
  onChange(report: ReporterViewFieldsFragment): void;
  onClose(): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const day = useDay();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [sent, setSent] = useState(false);
  const [problems, setProblems] = useState<ErrorView<(typeof REPLY_FIELDS)[number]> | null>(null);
  const [proving, setProving] = useState(false);
  const [reply, { loading: replying }] = useMutation(REPLY_TO_REPORT, {
    context: ANONYMOUSLY,
    fetchPolicy: 'no-cache',
  });
  const loading = proving || replying;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (uploading) return;
    setProblems(null);
    setSent(false);
    try {
      setProving(true);
      const proof = await solveProof().finally(() => setProving(false));
      const { data } = await reply({
        variables: {
          input: { receipt, body, attachments: files.map((f) => f.upload), proof },
        },
      });
      if (data) {
        onChange(data.replyToReport);
        setBody('');
        setFiles([]);
        setSent(true);
      }
    } catch (problem) {
      setProblems(describeError(problem, i18n, REPLY_FIELDS));
    }
  }

  return (
    <Page title={report.title} width="narrow">
      <div className="card report-status">
        <p>
          <span className={`badge report-status__badge report-status--${report.status}`}>
            {t(`report.status.${report.status}`)}
          </span>{' '}
          {t('report.followUp.submitted', { date: day(report.submittedOn) })} ·{' '}
          {categoryLabel(report.category, t('report.category.other'))}
        </p>
        <p className="muted">{t(`report.statusHelp.${report.status}`)}</p>
        <AttachmentList attachments={report.attachments} download={false} />
      </div>
      <section className="card" aria-labelledby="conversation-title">
        <h2 id="conversation-title" className="card__title">
          {t('report.conversation.title')}
        </h2>
        <Conversation messages={report.messages} side="reporter" />
      </section>
      <Form
        problems={problems}
        className="card form"
        aria-labelledby="reply-title"
        onSubmit={(event) => void submit(event)}
      >
        <h2 id="reply-title" className="card__title">
          {t('report.followUp.replyTitle')}
        </h2>
        {sent && <Alert tone="success">{t('report.followUp.replySent')}</Alert>}
        <TextAreaField
          label={t('report.followUp.reply')}
          name="body"
          rows={5}
          maxLength={20000}
          required
          value={body}
          onChange={(event) => setBody(event.target.value)}
          error={problems?.fields.body}
        />
        <AttachmentPicker
          files={files}
          onChange={setFiles}
          onBusy={setUploading}
          error={problems?.fields.attachments}
        />
        <div className="form__actions">
          <Button type="submit" busy={loading || uploading}>
            {loading ? t('report.sending') : t('report.followUp.send')}
          </Button>
          <Button variant="secondary" onClick={onClose} aria-describedby="follow-up-close-hint">
            {t('report.followUp.close')}
          </Button>
        </div>
        <p className="muted" id="follow-up-close-hint">
          {t('report.followUp.closeHint')}
        </p>
      </Form>
    </Page>
  );
}

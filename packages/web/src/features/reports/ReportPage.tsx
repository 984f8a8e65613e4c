import { categoryOptions, OTHER_CATEGORY } from './categories';
import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import {
  Alert,
  Button,
  Field as LabelledField,
  Form,
  Page,
  QueryBoundary,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui';
import { AttachmentPicker } from './AttachmentPicker';
import { REPORTING_PAGE, SUBMIT_REPORT } from './documents';
import { solveProof } from './proof';
import type { UploadedFile } from './uploads';

/** No cookie with anything the reporter sends: the report cannot point at an account. */
export const ANONYMOUSLY = { fetchOptions: { credentials: 'omit' as const } };

const FIELDS = [
  'category',
  'title',
  'body',
  'occurredAt',
  'place',
  'involvedParties',
  'contact',
  'attachments',
] as const;
type Field = (typeof FIELDS)[number];

/** What protects the reporter, in plain words; shown on both reporter pages. */
export function Protections() {
  const { t } = useI18n();
  return (
    <section className="card protections" aria-labelledby="protections-title">
      <h2 id="protections-title" className="card__title">
        {t('report.protections.title')}
      </h2>
      <ul>
        <li>{t('report.protections.noAccount')}</li>
        <li>{t('report.protections.noTrace')}</li>
        <li>{t('report.protections.encrypted')}</li>
        <li>{t('report.protections.handlers')}</li>
        <li>{t('report.protections.files')}</li>
        <li>{t('report.protections.receipt')}</li>
        <li>{t('report.protections.deadlines')}</li>
      </ul>
      <p className="protections__signed-in">{t('report.protections.signedIn')}</p>
      <p className="muted">{t('report.protections.device')}</p>
    </section>
  );
}

/** `/report/:slug`: anyone reports to the organisation, without an account. */
export function ReportPage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(REPORTING_PAGE, {
    variables: { slug },
    fetchPolicy: 'network-only',
    context: ANONYMOUSLY,
  });
  const [receipt, setReceipt] = useState<string | null>(null);
  const page = data?.reportingPage;

  if (receipt) return <ReceiptPage receipt={receipt} name={page?.organisationName ?? ''} />;
  if (!page) {
    return (
      <QueryBoundary
        loading={loading}
        error={error}
        retry={refetch}
        width="narrow"
        notFound={{
          title: t('report.unknown.title'),
          body: t('report.unknown.body'),
          link: { to: '/report/follow-up', label: t('report.followUpLink') },
        }}
      />
    );
  }
  if (!page.enabled) {
    return (
      <Page
        title={t('report.closed.title', { name: page.organisationName })}
        intro={t('report.closed.body')}
        width="narrow"
      >
        <p>
          <Link to="/report/follow-up">{t('report.followUpLink')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('report.title', { name: page.organisationName })} width="narrow">
      {page.intro && <p className="report__intro">{page.intro}</p>}
      <Protections />
      <ReportForm
        slug={slug}
        categories={page.categories}
        offerOther={page.offerOther}
        onSubmitted={setReceipt}
      />
      <p className="report__follow-up">
        {t('report.alreadyReported')} <Link to="/report/follow-up">{t('report.followUpLink')}</Link>
      </p>
    </Page>
  );
}

function ReportForm({
  slug,
  categories,
  offerOther,
  onSubmitted,
}: {
  slug: string;
  categories: readonly string[];
  offerOther: boolean;
  onSubmitted(receipt: string): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [identify, setIdentify] = useState(false);
  const [problems, setProblems] = useState<ErrorView<Field> | null>(null);
  const [proving, setProving] = useState(false);
  const [submitReport, { loading: sending }] = useMutation(SUBMIT_REPORT, {
    context: ANONYMOUSLY,
  });
  const loading = proving || sending;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (uploading) return;
    const form = new FormData(event.currentTarget);
    const text = (name: Field) => String(form.get(name) ?? '').trim();
    setProblems(null);
    try {
      setProving(true);
      const proof = await solveProof().finally(() => setProving(false));
      const { data } = await submitReport({
        variables: {
          input: {
            proof,
            organisationSlug: slug,
            category: categories.length ? text('category') : OTHER_CATEGORY,
            title: text('title'),
            body: String(form.get('body') ?? ''),
            occurredAt: text('occurredAt') || null,
            place: text('place'),
            involvedParties: text('involvedParties'),
            contact: identify ? text('contact') || null : null,
            attachments: files.map((file) => file.upload),
          },
        },
      });
      if (data) onSubmitted(data.submitReport.receipt);
    } catch (problem) {
      setProblems(describeError(problem, i18n, FIELDS));
    }
  }

  return (
    <Form
      className="card form report-form"
      aria-labelledby="report-form-title"
      problems={problems}
      onSubmit={(event) => void submit(event)}
    >
      <h2 id="report-form-title" className="card__title">
        {t('report.form.title')}
      </h2>
      {categories.length > 0 && (
        <SelectField
          label={t('report.field.category')}
          name="category"
          required
          error={problems?.fields.category}
          options={categoryOptions(categories, offerOther, t('report.category.other'))}
        />
      )}
      <TextField
        label={t('report.field.title')}
        hint={t('report.field.titleHint')}
        name="title"
        required
        maxLength={200}
        autoComplete="off"
        error={problems?.fields.title}
      />
      <TextAreaField
        label={t('report.field.body')}
        hint={t('report.field.bodyHint')}
        name="body"
        required
        rows={8}
        maxLength={20000}
        error={problems?.fields.body}
      />
      <TextField
        label={t('report.field.occurredAt')}
        hint={t('report.field.occurredAtHint')}
        name="occurredAt"
        inputMode="numeric"
        autoComplete="off"
        pattern="\d{4}-\d{2}(-\d{2})?"
        maxLength={10}
        error={problems?.fields.occurredAt}
      />
      <TextField
        label={t('report.field.place')}
        name="place"
        maxLength={300}
        autoComplete="off"
        error={problems?.fields.place}
      />
      <TextAreaField
        label={t('report.field.involvedParties')}
        hint={t('report.field.involvedPartiesHint')}
        name="involvedParties"
        rows={3}
        maxLength={2000}
        error={problems?.fields.involvedParties}
      />
      <AttachmentPicker
        files={files}
        onChange={setFiles}
        onBusy={setUploading}
        error={problems?.fields.attachments}
      />
      <LabelledField kind="check" label={t('report.field.identify')}>
        {(control) => (
          <input
            {...control}
            type="checkbox"
            checked={identify}
            onChange={(event) => setIdentify(event.target.checked)}
          />
        )}
      </LabelledField>
      {identify && (
        <TextField
          label={t('report.field.contact')}
          hint={t('report.field.contactHint')}
          name="contact"
          maxLength={300}
          autoComplete="off"
          error={problems?.fields.contact}
        />
      )}
      <div className="form__actions">
        <Button type="submit" busy={loading || uploading}>
          {loading ? t('report.sending') : t('report.send')}
        </Button>
      </div>
    </Form>
  );
}

/** The receipt, once: large, copyable, with the warning that nobody can show it again. */
function ReceiptPage({ receipt, name }: { receipt: string; name: string }) {
  const { t } = useI18n();
  const code = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(receipt);
      setCopied('yes');
    } catch {
      // No clipboard (an old browser, or permission refused): select it for a manual copy.
      const range = document.createRange();
      if (code.current) range.selectNodeContents(code.current);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      setCopied('no');
    }
  }

  return (
    <Page title={t('report.sent.title')} intro={t('report.sent.intro', { name })} width="narrow">
      <div className="card receipt">
        <h2 className="card__title">{t('report.sent.receiptLabel')}</h2>
        <p className="receipt__code">
          <code ref={code} data-receipt>
            {receipt}
          </code>
        </p>
        <Button onClick={() => void copy()}>{t('report.sent.copy')}</Button>
        <p role="status" className="receipt__copied">
          {copied === 'yes' && t('report.sent.copied')}
          {copied === 'no' && t('report.sent.copyManually')}
        </p>
        <Alert tone="error">
          <strong>{t('report.sent.warningTitle')}</strong> {t('report.sent.warning')}
        </Alert>
        <ul className="receipt__next">
          <li>{t('report.sent.next1')}</li>
          <li>{t('report.sent.next2')}</li>
        </ul>
        <p>
          <Link to="/report/follow-up">{t('report.followUpLink')}</Link>
        </p>
      </div>
    </Page>
  );
}

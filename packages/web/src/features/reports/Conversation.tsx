import { useI18n } from '../../app/i18n/I18nProvider';
import type {
  ReportAttachmentFieldsFragment,
  ReportMessageFieldsFragment,
} from '../../gql/graphql';
import { formatSize } from './uploads';

/** A day from the server ("2026-11-27"), shown as a date: no finer time exists. */
export function useDay() {
  const { date } = useI18n();
  return (day: string) => date(`${day}T12:00:00Z`);
}

/** Files in a report or a message; handlers get download links, the reporter only names. */
export function AttachmentList({
  attachments,
  download,
}: {
  attachments: readonly ReportAttachmentFieldsFragment[];
  download: boolean;
}) {
  const { t, locale } = useI18n();
  if (!attachments.length) return null;
  return (
    <ul className="attachments" aria-label={t('report.attachments')}>
      {attachments.map((file) => (
        <li key={file.id} className="attachments__item">
          {download ? (
            <a
              className="attachments__name"
              href={`/report-attachments/${file.id}`}
              download={file.fileName}
              rel="noreferrer"
            >
              {file.fileName}
            </a>
          ) : (
            <span className="attachments__name">{file.fileName}</span>
          )}
          <span className="muted">{formatSize(file.size, locale)}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The conversation between the reporter and the handlers, oldest first. `side` says who reads
 * it: the reporter sees "You" and "The organisation", handlers "Reporter" and "Handler".
 */
export function Conversation({
  messages,
  side,
}: {
  messages: readonly ReportMessageFieldsFragment[];
  side: 'reporter' | 'handler';
}) {
  const { t } = useI18n();
  const day = useDay();
  if (!messages.length) return <p className="muted">{t(`report.conversation.empty.${side}`)}</p>;
  return (
    <ol className="conversation">
      {messages.map((message) => {
        const who = message.internal
          ? t('report.conversation.note')
          : message.fromReporter
            ? t(`report.conversation.reporter.${side}`)
            : t(`report.conversation.handler.${side}`);
        const kind = message.internal ? 'note' : message.fromReporter ? 'reporter' : 'handler';
        return (
          <li key={message.id} className={`conversation__message conversation__message--${kind}`}>
            <p className="conversation__meta">
              <strong>{who}</strong> · {day(message.sentOn)}
            </p>
            <p className="conversation__body">{message.body}</p>
            <AttachmentList attachments={message.attachments} download={side === 'handler'} />
          </li>
        );
      })}
    </ol>
  );
}

import { useRef, useState } from 'react';
import { useI18n } from '../../app/i18n/I18nProvider';
import { Button, Field } from '../../ui';
import {
  ACCEPTED,
  formatSize,
  MAX_FILES,
  uploadFile,
  UploadFailed,
  type UploadedFile,
} from './uploads';

interface AttachmentPickerProps {
  files: UploadedFile[];
  onChange(files: UploadedFile[]): void;
  /** Tells the form to wait while a file is still being sent. */
  onBusy(busy: boolean): void;
  error?: string | undefined;
}

/**
 * A plain file input: each chosen file is sent at once (cleaned and encrypted by the server),
 * listed with its cleaned name and size, and can be removed before the report is sent.
 */
export function AttachmentPicker({ files, onChange, onBusy, error }: AttachmentPickerProps) {
  const { t, locale } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [sending, setSending] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  async function choose(list: FileList | null) {
    if (!list?.length) return;
    const chosen = [...list];
    const next = [...files];
    const refused: string[] = [];
    onBusy(true);
    for (const file of chosen) {
      if (next.length >= MAX_FILES) {
        refused.push(t('report.file.TOO_MANY', { name: file.name, max: MAX_FILES }));
        continue;
      }
      setSending(file.name);
      try {
        next.push(await uploadFile(file));
        onChange([...next]);
      } catch (problem) {
        const reason = problem instanceof UploadFailed ? problem.problem : 'NETWORK';
        refused.push(t(`report.file.${reason}`, { name: file.name, max: MAX_FILES }));
      }
    }
    setSending(null);
    setProblems(refused);
    onBusy(false);
    if (input.current) input.current.value = '';
  }

  return (
    <Field
      label={t('report.field.attachments')}
      hint={t('report.field.attachmentsHint', { max: MAX_FILES })}
      error={error}
      name="attachments"
    >
      {(control) => (
        <>
          <input
            {...control}
            ref={input}
            type="file"
            multiple
            accept={ACCEPTED}
            className="field__input attachments__input"
            aria-describedby={
              [control['aria-describedby'], problems.length ? `${control.id}-refused` : null]
                .filter(Boolean)
                .join(' ') || undefined
            }
            aria-invalid={control['aria-invalid'] ?? (problems.length ? true : undefined)}
            disabled={files.length >= MAX_FILES || sending !== null}
            onChange={(event) => void choose(event.target.files)}
          />
          {sending && (
            <p className="muted" role="status">
              {t('report.file.sending', { name: sending })}
            </p>
          )}
          {/* Files refused as they are chosen: announced at once, not at the next send. */}
          {problems.length > 0 && (
            <div className="field__error" id={`${control.id}-refused`} role="alert">
              {problems.map((text) => (
                <p key={text}>{text}</p>
              ))}
            </div>
          )}
          {files.length > 0 && (
            <ul className="attachments">
              {files.map((file) => (
                <li key={file.upload} className="attachments__item">
                  <span className="attachments__name">{file.fileName}</span>
                  <span className="muted">{formatSize(file.size, locale)}</span>
                  <Button
                    variant="quiet"
                    aria-label={t('report.file.removeNamed', { name: file.fileName })}
                    onClick={() => onChange(files.filter((f) => f.upload !== file.upload))}
                  >
                    {t('report.file.remove')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Field>
  );
}

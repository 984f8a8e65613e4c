import { useState, type DragEvent } from 'react';
import { useI18n } from '../../app/i18n/I18nProvider';
import { Field } from '../../ui';
import { formatSize } from './upload';

/**
 * A file input that also takes a file dropped onto it. The input stays a real, focusable
 * control (keyboard and screen readers use it as usual); dragging only adds a second way in.
 */
export function FileDropZone({
  file,
  onFile,
  disabled,
  label,
  error,
  name,
}: {
  file: File | null;
  onFile(file: File | null): void;
  disabled?: boolean;
  label: string;
  error?: string | undefined;
  /** The input the server names in its problems (such as `uploadId`), for the error summary. */
  name?: string;
}) {
  const { t, locale } = useI18n();
  const [over, setOver] = useState(false);

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    if (disabled) return;
    const dropped = event.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  }

  return (
    <Field label={label} error={error} name={name}>
      {(control) => (
        <div
          className={`dropzone${over ? ' dropzone--over' : ''}${disabled ? ' dropzone--disabled' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            if (!disabled) setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={drop}
          data-testid="dropzone"
        >
          <p className="dropzone__hint">{t('library.drop.hint')}</p>
          <input
            {...control}
            type="file"
            className="dropzone__input"
            disabled={disabled}
            onChange={(event) => onFile(event.currentTarget.files?.[0] ?? null)}
          />
          {file && (
            <p className="dropzone__file">
              {t('library.drop.chosen', { name: file.name, size: formatSize(file.size, locale) })}
            </p>
          )}
        </div>
      )}
    </Field>
  );
}

/** How far an upload is, with a way to stop it. */
export function UploadProgress({ fraction, onCancel }: { fraction: number; onCancel(): void }) {
  const { t } = useI18n();
  const percent = Math.round(fraction * 100);
  return (
    <div className="upload-progress" role="group" aria-label={t('library.upload.progressLabel')}>
      <progress
        className="upload-progress__bar"
        max={100}
        value={percent}
        aria-label={t('library.upload.progressLabel')}
        aria-valuetext={t('library.upload.percent', { percent })}
      />
      <span className="upload-progress__value" aria-live="polite">
        {t('library.upload.percent', { percent })}
      </span>
      <button type="button" className="button button--quiet" onClick={onCancel}>
        {t('library.upload.cancel')}
      </button>
    </div>
  );
}

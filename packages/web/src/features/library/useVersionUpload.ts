import { useMutation } from '@apollo/client/react';
import { useCallback, useRef, useState } from 'react';
import { describeError } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { ADD_RESOURCE_VERSION } from './documents';
import { UploadError, uploadFile } from './upload';

export type UploadState =
  | { step: 'idle' }
  | { step: 'uploading'; fraction: number }
  | { step: 'saving' }
  | { step: 'cancelled' }
  | { step: 'failed'; message: string };

/**
 * A file becomes a resource's new version in two steps: the bytes go to POST /files (with
 * progress, and a cancel that stops the transfer), then addResourceVersion claims them.
 */
export function useVersionUpload() {
  const i18n = useI18n();
  const { t } = i18n;
  const [addVersion] = useMutation(ADD_RESOURCE_VERSION);
  const [state, setState] = useState<UploadState>({ step: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(
    async (resourceId: string, file: File, note = ''): Promise<boolean> => {
      const abort = new AbortController();
      controller.current = abort;
      setState({ step: 'uploading', fraction: 0 });
      try {
        const uploaded = await uploadFile(file, {
          signal: abort.signal,
          onProgress: (fraction) => setState({ step: 'uploading', fraction }),
        });
        setState({ step: 'saving' });
        await addVersion({
          variables: { input: { resourceId, uploadId: uploaded.uploadId, note } },
        });
        setState({ step: 'idle' });
        return true;
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') {
          setState({ step: 'cancelled' });
        } else if (error instanceof UploadError) {
          setState({
            step: 'failed',
            message:
              error.problem === 'tooLarge'
                ? t('library.upload.tooLarge', { detail: error.message })
                : t(`library.upload.${error.problem}`),
          });
        } else {
          setState({ step: 'failed', message: describeError(error, i18n).summary ?? '' });
        }
        return false;
      } finally {
        controller.current = null;
      }
    },
    [addVersion, i18n, t],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => setState({ step: 'idle' }), []);
  return { state, start, cancel, reset };
}

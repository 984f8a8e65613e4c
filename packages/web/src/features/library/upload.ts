/** What POST /files answers for a stored file. */
export interface UploadedFile {
  uploadId: string;
  fileName: string;
  size: number;
  mediaType: string;
  sha256: string;
}

export type UploadProblem = 'tooLarge' | 'signedOut' | 'rateLimited' | 'interrupted' | 'failed';

/** A failed upload, with what the person should be told and the server's own sentence. */
export class UploadError extends Error {
  constructor(
    readonly problem: UploadProblem,
    message: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

export function problemForStatus(status: number): UploadProblem {
  if (status === 413) return 'tooLarge';
  if (status === 401) return 'signedOut';
  if (status === 429) return 'rateLimited';
  if (status === 0) return 'interrupted';
  return 'failed';
}

/**
 * Sends one file to POST /files. XMLHttpRequest rather than fetch: only it reports upload
 * progress in every browser. The header is what a cross-site form cannot send, so the server
 * knows the upload comes from Alany's own pages.
 */
export function uploadFile(
  file: File,
  options: { onProgress?(fraction: number): void; signal?: AbortSignal } = {},
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/files');
    request.withCredentials = true;
    request.setRequestHeader('X-Alany-Upload', '1');
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as
        (UploadedFile & { errors?: undefined }) | { errors?: Array<{ message: string }> } | null;
      if (request.status === 201 && body && 'uploadId' in body) {
        options.onProgress?.(1);
        resolve(body);
        return;
      }
      const message = body?.errors?.[0]?.message ?? `HTTP ${request.status}`;
      reject(new UploadError(problemForStatus(request.status), message));
    };
    request.onerror = () => reject(new UploadError('interrupted', 'The connection was lost.'));
    request.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    if (options.signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    options.signal?.addEventListener('abort', () => request.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}

/** "2.4 MB", "830 KB", "120 B", in the person's language's number format. */
export function formatSize(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

import { solveProof } from './proof';

/** Mirrors the server's limits (reports.http.ts, reports.inputs.ts), to refuse early and word it. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 5;
export const ACCEPTED = '.jpg,.jpeg,.png,.pdf,.txt,image/jpeg,image/png,application/pdf,text/plain';

export interface UploadedFile {
  upload: string;
  fileName: string;
  mediaType: string;
  size: number;
}

/** Why a file was refused: a key under report.file.* in the catalogues. */
export type UploadProblem =
  | 'FILE_TOO_LARGE'
  | 'TOO_MANY'
  | 'UNSUPPORTED_TYPE'
  | 'DAMAGED_FILE'
  | 'ENCRYPTED_PDF'
  | 'EMPTY_FILE'
  | 'BUSY'
  | 'NETWORK';

export class UploadFailed extends Error {
  constructor(readonly problem: UploadProblem) {
    super(problem);
  }
}

const KNOWN = new Set<string>([
  'FILE_TOO_LARGE',
  'UNSUPPORTED_TYPE',
  'DAMAGED_FILE',
  'ENCRYPTED_PDF',
  'EMPTY_FILE',
]);

/**
 * Sends one file to the server, which removes its metadata and encrypts it, and returns the
 * key that the report or reply then names. No cookie goes with it (credentials: 'omit'); a
 * solved proof of work does.
 */
export async function uploadFile(file: File): Promise<UploadedFile> {
  if (file.size > MAX_FILE_BYTES) throw new UploadFailed('FILE_TOO_LARGE');
  if (file.size === 0) throw new UploadFailed('EMPTY_FILE');
  let response: Response;
  try {
    const proof = await solveProof();
    response = await fetch('/report-uploads', {
      method: 'POST',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(file.name),
        'x-report-proof': proof,
      },
      body: file,
    });
  } catch {
    throw new UploadFailed('NETWORK');
  }
  const body = (await response.json().catch(() => null)) as
    | (UploadedFile & { errors?: undefined })
    | { errors?: Array<{ extensions?: { code?: string; reason?: string } }> }
    | null;
  if (response.status === 201 && body && !body.errors) return body as UploadedFile;
  if (response.status === 413) throw new UploadFailed('FILE_TOO_LARGE');
  const reason = body?.errors?.[0]?.extensions?.reason;
  if (reason && KNOWN.has(reason)) throw new UploadFailed(reason as UploadProblem);
  if (response.status === 429 || response.status === 503) throw new UploadFailed('BUSY');
  throw new UploadFailed('NETWORK');
}

/** "2.4 MB", "830 KB": sizes as people read them. */
export function formatSize(bytes: number, locale: string): string {
  const number = (value: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  if (bytes >= 1024 * 1024) return `${number(bytes / 1024 / 1024)} MB`;
  return `${number(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

import { fileTypeFromBuffer } from 'file-type';
import type { FileStorage } from './index.js';

/** How many leading bytes are kept to tell a file's type from its content. */
export const SNIFF_BYTES = 4100;

const PLAIN_TEXT = 'text/plain; charset=utf-8';
const UNKNOWN = 'application/octet-stream';

/**
 * The media type told by the bytes themselves (magic numbers), never by the name or the type
 * the client sent. Text without a signature is plain text only when it is valid UTF-8 without
 * control bytes; anything else is an opaque download.
 */
export async function sniffMediaType(head: Buffer): Promise<string> {
  if (head.length === 0) return PLAIN_TEXT;
  const detected = await fileTypeFromBuffer(head);
  if (detected) return detected.mime;
  return looksLikeText(head) ? PLAIN_TEXT : UNKNOWN;
}

function looksLikeText(head: Buffer): boolean {
  // The sniffed head may end inside a multi-byte character: drop up to three trailing bytes.
  for (let cut = 0; cut <= 3 && cut < head.length; cut += 1) {
    const part = head.subarray(0, head.length - cut);
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(part);
      // eslint-disable-next-line no-control-regex -- binary files are told by control bytes
      return !/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text);
    } catch {
      // Try again without the last byte.
    }
  }
  return false;
}

/** Types a browser may show inline; everything is still served as an attachment. */
export function isTextual(mediaType: string): boolean {
  return mediaType.startsWith('text/plain');
}

/** Text beyond this is not indexed: enough for search, and within what one tsvector holds. */
export const MAX_EXTRACTED_CHARS = 100_000;
/** PDFs larger than this are stored and served, but their text is not extracted. */
export const MAX_PDF_EXTRACT_BYTES = 30 * 1024 * 1024;
const MAX_PDF_PAGES = 300;

/**
 * The words of a stored PDF or plain-text file, for search. Returns null for other types and
 * when the file cannot be read as such (a damaged or encrypted PDF is still a valid upload).
 */
export async function extractText(
  storage: FileStorage,
  key: string,
  mediaType: string,
  size: number,
): Promise<string | null> {
  if (isTextual(mediaType)) {
    const bytes = await readAtMost(storage, key, MAX_EXTRACTED_CHARS * 4);
    return clean(new TextDecoder('utf-8').decode(bytes));
  }
  if (mediaType === 'application/pdf' && size <= MAX_PDF_EXTRACT_BYTES) {
    const bytes = await readAtMost(storage, key, MAX_PDF_EXTRACT_BYTES);
    return pdfText(bytes);
  }
  return null;
}

async function readAtMost(storage: FileStorage, key: string, limit: number): Promise<Uint8Array> {
  const { body } = await storage.get(key);
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    chunks.push(buffer);
    length += buffer.length;
    if (length >= limit) {
      body.destroy();
      break;
    }
  }
  return new Uint8Array(Buffer.concat(chunks).subarray(0, limit));
}

async function pdfText(data: Uint8Array): Promise<string | null> {
  // Mozilla's pdf.js: loaded on first use, it is large and most files are not PDFs.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const document = await task.promise;
    const parts: string[] = [];
    let length = 0;
    for (let n = 1; n <= Math.min(document.numPages, MAX_PDF_PAGES); n += 1) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if ('str' in item) {
          parts.push(item.str, item.hasEOL ? '\n' : ' ');
          length += item.str.length + 1;
        }
      }
      page.cleanup();
      if (length >= MAX_EXTRACTED_CHARS) break;
    }
    return clean(parts.join(''));
  } catch {
    return null;
  } finally {
    await task.destroy();
  }
}

function clean(text: string): string | null {
  const tidy = text
    .replaceAll('\u0000', '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, MAX_EXTRACTED_CHARS);
  return tidy || null;
}

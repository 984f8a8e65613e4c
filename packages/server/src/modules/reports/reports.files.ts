import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRef,
  PDFStream,
  type PDFObject,
} from 'pdf-lib';

/**
 * What a reporter may attach, and how each kind is cleaned before it is encrypted and stored.
 * The kind comes from the bytes, never from the name or the Content-Type the browser sent.
 * Anything else (office documents, archives, video…) is refused: their metadata (author,
 * company, revision history, GPS) cannot be removed reliably here, and a refused file is safer
 * for the reporter than a file that quietly names them.
 */
export type AttachmentKind = 'image/jpeg' | 'image/png' | 'application/pdf' | 'text/plain';

export class UnreadableFile extends Error {
  constructor(
    readonly reason: 'UNSUPPORTED_TYPE' | 'DAMAGED_FILE' | 'ENCRYPTED_PDF',
    message: string,
  ) {
    super(message);
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function sniff(bytes: Buffer): AttachmentKind | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (isPlainText(bytes)) return 'text/plain';
  return null;
}

function isPlainText(bytes: Buffer): boolean {
  // Control characters other than tab, line breaks and form feed mean a binary format.
  for (const byte of bytes)
    if ((byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13) || byte === 0x7f)
      return false;
  if (bytes.length === 0) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Drops every JPEG segment that can carry who, where or with what: EXIF/XMP, IPTC, comments,
 * and anything after the end-of-image marker.
 */
export function cleanJpeg(bytes: Buffer): Buffer {
  const damaged = () => new UnreadableFile('DAMAGED_FILE', 'The JPEG image is damaged.');
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let at = 2;
  for (;;) {
    if (at + 2 > bytes.length || bytes[at] !== 0xff) throw damaged();
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      kept.push(bytes.subarray(at, at + 2));
      break;
    }
    if (at + 4 > bytes.length) throw damaged();
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > bytes.length) throw damaged();
    const segment = bytes.subarray(at, at + 2 + length);
    if (!droppedJpegSegment(marker, segment)) kept.push(segment);
    at += 2 + length;
    if (marker === 0xda) {
      // Entropy-coded data up to the next real marker (not a stuffed 0xFF00 or a restart).
      const start = at;
      while (
        at + 1 < bytes.length &&
        !(
          bytes[at] === 0xff &&
          bytes[at + 1] !== 0 &&
          !(bytes[at + 1]! >= 0xd0 && bytes[at + 1]! <= 0xd7)
        )
      )
        at += 1;
      if (at + 1 >= bytes.length) throw damaged();
      kept.push(bytes.subarray(start, at));
    }
  }
  return Buffer.concat(kept);
}

function droppedJpegSegment(marker: number, segment: Buffer): boolean {
  if (marker === 0xfe) return true; // COM
  if (marker >= 0xe0 && marker <= 0xef) {
    // JFIF/JFXX (APP0) go too: their thumbnails may show what a crop removed.
    if (marker === 0xee) return false; // Adobe: colour transform, needed to decode
    // ICC colour profiles (APP2) are kept so colours stay right; everything else goes,
    // APP1 (EXIF, XMP), APP13 (Photoshop/IPTC) and the makers' own segments included.
    return !(marker === 0xe2 && segment.subarray(4, 16).toString('latin1') === 'ICC_PROFILE\0');
  }
  return false;
}

const PNG_DROPPED = new Set(['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME']);

/** Drops PNG text, EXIF and time chunks; everything after IEND is dropped too. */
export function cleanPng(bytes: Buffer): Buffer {
  const damaged = () => new UnreadableFile('DAMAGED_FILE', 'The PNG image is damaged.');
  const kept: Buffer[] = [PNG_SIGNATURE];
  let at = 8;
  for (;;) {
    if (at + 12 > bytes.length) throw damaged();
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('latin1');
    const end = at + 12 + length;
    if (end > bytes.length || !/^[A-Za-z]{4}$/.test(type)) throw damaged();
    if (!PNG_DROPPED.has(type)) kept.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(kept);
}

const PDF_INFO_KEYS = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'];

/**
 * Rewrites a PDF without its document information (author, creator, producer, title, subject,
 * keywords, dates) and without XMP metadata streams, on the document and on every object that
 * carries one. The file is written anew, without the old revisions an incremental update keeps.
 */
export async function cleanPdf(bytes: Buffer): Promise<Buffer> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    // pdf-lib's EncryptedPDFError loses its class name once bundled; its message says it.
    if (/encrypted/i.test((error as Error).message))
      throw new UnreadableFile(
        'ENCRYPTED_PDF',
        'The PDF is password-protected. Save it without a password and attach it again.',
      );
    throw new UnreadableFile('DAMAGED_FILE', 'The PDF could not be read.');
  }
  try {
    return await withoutPdfMetadata(pdf);
  } catch {
    throw new UnreadableFile('DAMAGED_FILE', 'The PDF could not be read.');
  }
}

async function withoutPdfMetadata(pdf: PDFDocument): Promise<Buffer> {
  const context = pdf.context;
  const info = context.trailerInfo.Info;
  if (info instanceof PDFRef) context.delete(info);
  else if (info instanceof PDFDict) for (const key of PDF_INFO_KEYS) info.delete(PDFName.of(key));
  context.trailerInfo.Info = undefined;
  // XMP packets and Photoshop/Illustrator piece data can sit on the catalog, pages and images.
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    const dict =
      object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;
    if (!dict) continue;
    if (dict.get(PDFName.of('Type')) === PDFName.of('Metadata')) {
      context.delete(ref);
      continue;
    }
    for (const key of ['Metadata', 'PieceInfo']) {
      const value = dict.get(PDFName.of(key));
      if (value instanceof PDFRef) context.delete(value);
      dict.delete(PDFName.of(key));
    }
  }
  dropUnreachable(pdf);
  // Object streams would compress whatever is left; plain objects keep the file inspectable.
  return Buffer.from(await pdf.save({ useObjectStreams: false, updateFieldAppearances: false }));
}

/**
 * Deletes every object the document no longer reaches from its catalog: earlier revisions of
 * an incrementally saved file (an old Info dictionary under another number, say) would
 * otherwise be written out again.
 */
function dropUnreachable(pdf: PDFDocument): void {
  const context = pdf.context;
  const reached = new Set<string>();
  const pending: Array<PDFObject | undefined> = [context.trailerInfo.Root];
  while (pending.length) {
    const object = pending.pop();
    if (object instanceof PDFRef) {
      if (reached.has(object.tag)) continue;
      reached.add(object.tag);
      const target = context.lookup(object);
      if (target) pending.push(target);
    } else if (object instanceof PDFDict) {
      pending.push(...object.values());
    } else if (object instanceof PDFStream) {
      pending.push(...object.dict.values());
    } else if (object instanceof PDFArray) {
      pending.push(...object.asArray());
    }
  }
  for (const [ref] of context.enumerateIndirectObjects())
    if (!reached.has(ref.tag)) context.delete(ref);
}

/** The file as it will be stored, without metadata; throws UnreadableFile with a reason. */
export async function cleanAttachment(
  bytes: Buffer,
): Promise<{ kind: AttachmentKind; bytes: Buffer }> {
  const kind = sniff(bytes);
  switch (kind) {
    case 'image/jpeg':
      return { kind, bytes: cleanJpeg(bytes) };
    case 'image/png':
      return { kind, bytes: cleanPng(bytes) };
    case 'application/pdf':
      return { kind, bytes: await cleanPdf(bytes) };
    case 'text/plain':
      return { kind, bytes };
    default:
      throw new UnreadableFile(
        'UNSUPPORTED_TYPE',
        'Attach photos (JPEG, PNG), PDF documents or plain text files.',
      );
  }
}

const EXTENSIONS: Record<AttachmentKind, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
};

/**
 * A file name safe in a Content-Disposition header and on any disk: letters, digits and a few
 * marks, at most 100 characters, with the extension of the kind the bytes really are.
 */
export function safeFileName(raw: string, kind: AttachmentKind): string {
  const base = raw
    .normalize('NFC')
    .replace(/\.[\p{L}\p{N}]{1,10}$/u, '')
    .replace(/[^\p{L}\p{N} ._()-]+/gu, '_')
    .replace(/^[\s._-]+|[\s._-]+$/g, '')
    .slice(0, 100);
  return `${base || 'attachment'}.${EXTENSIONS[kind]}`;
}

import { randomBytes } from 'node:crypto';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFStream,
  type PDFObject,
} from 'pdf-lib';
import sharp from 'sharp';

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

/** Larger images are refused rather than decoded: a decompression bomb must not stop the server. */
const MAX_IMAGE_PIXELS = 80_000_000;

/**
 * Decodes the image and encodes its pixels anew, turned the way the camera's orientation said:
 * nothing of the original file but its pixels survives. EXIF (camera, owner, GPS, time), XMP,
 * IPTC, comments, ICC profiles (which can name the device), thumbnails, PNG text, eXIf/zxIf,
 * C2PA manifests (caBX), makers' private chunks and any bytes after the image are all left
 * behind, because the encoder never sees them.
 */
export async function cleanImage(bytes: Buffer, kind: 'image/jpeg' | 'image/png'): Promise<Buffer> {
  const damaged = () =>
    new UnreadableFile(
      'DAMAGED_FILE',
      kind === 'image/png' ? 'The PNG image is damaged.' : 'The JPEG image is damaged.',
    );
  try {
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS })
      .rotate() // applies the EXIF orientation, which then goes with the rest of the EXIF
      .toColourspace('srgb');
    const clean =
      kind === 'image/png'
        ? await image.png({ compressionLevel: 9 }).toBuffer()
        : await image.jpeg({ quality: 92, chromaSubsampling: '4:4:4' }).toBuffer();
    return clean;
  } catch {
    throw damaged();
  }
}

/**
 * What a page may keep: how it looks (content, resources, boxes, rotation, transparency group).
 * Everything else goes: annotations (their authors /T, dates /M, comments, form widgets,
 * attached files, JavaScript actions), associated files (AF), page-level metadata, thumbnails,
 * additional actions, structure and article threads.
 */
const PAGE_KEYS = new Set([
  'Type',
  'Parent',
  'Resources',
  'MediaBox',
  'CropBox',
  'BleedBox',
  'TrimBox',
  'ArtBox',
  'Contents',
  'Rotate',
  'UserUnit',
  'Group',
]);

/** Keys removed from every remaining object (images, fonts, forms drawn on a page). */
const DROPPED_KEYS = ['Metadata', 'PieceInfo', 'AF', 'LastModified', 'OPI', 'StructParent'];

/**
 * Rebuilds a PDF from its pages alone, keeping what an allow-list names: a new document whose
 * catalog holds only the page tree, without the old Info dictionary (author, creator, dates),
 * XMP, outlines, names (embedded files, JavaScript), open actions, AcroForm data or structure,
 * with a fresh random /ID instead of the original one (which can match the author's copy),
 * and without the old revisions an incremental update keeps.
 */
export async function cleanPdf(bytes: Buffer): Promise<Buffer> {
  let source: PDFDocument;
  try {
    source = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
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
    return await rebuiltPdf(source);
  } catch {
    throw new UnreadableFile('DAMAGED_FILE', 'The PDF could not be read.');
  }
}

async function rebuiltPdf(source: PDFDocument): Promise<Buffer> {
  const pages = source.getPages();
  if (!pages.length) throw new Error('A PDF without pages.');
  // Cut each page down to the allow-list before copying, so nothing else is even copied.
  for (const page of pages)
    for (const key of page.node.keys())
      if (!PAGE_KEYS.has(key.asString().slice(1))) page.node.delete(key);
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const copied = await pdf.copyPages(
    source,
    pages.map((_, index) => index),
  );
  for (const page of copied) pdf.addPage(page);
  const context = pdf.context;
  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict =
      object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;
    if (dict) for (const key of DROPPED_KEYS) dict.delete(PDFName.of(key));
  }
  context.trailerInfo.Info = undefined;
  context.trailerInfo.ID = context.obj([
    PDFHexString.of(randomBytes(16).toString('hex')),
    PDFHexString.of(randomBytes(16).toString('hex')),
  ]);
  dropUnreachable(pdf);
  // Object streams would compress whatever is left; plain objects keep the file inspectable.
  return Buffer.from(await pdf.save({ useObjectStreams: false, updateFieldAppearances: false }));
}

/**
 * Deletes every object the document no longer reaches from its catalog or trailer, such as
 * the annotations and files the allow-list cut off after they were copied.
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
    case 'image/png':
      return { kind, bytes: await cleanImage(bytes, kind) };
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

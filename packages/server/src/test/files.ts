import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

/**
 * Real files carrying the metadata that names people (author, camera owner, GPS, comments),
 * built here byte by byte, for the tests that prove none of it survives.
 */

export const WHO = 'Aigerim Nurlanovna';
export const WHERE = 'GPS 43.2389 N 76.8897 E';

/** An 8×8 JPEG drawn and encoded by Chromium (canvas.toDataURL), without any metadata. */
export const PLAIN_JPEG = Buffer.from(
  [
    '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAA',
    'EAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAA',
    'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKA',
    'AAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0',
    'AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWi',
    'AAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQA',
    'AAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbA',
    'BlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsj',
    'HBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKC',
    'goKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/',
    'xAAaEAACAgMAAAAAAAAAAAAAAAAAEgQRFCJB/8QAFQEBAQAAAAAAAAAAAAAAAAAABQf/xAAdEQACAQQDAAAAAAAAAA',
    'AAAAABAwQAAhFBMaHx/9oADAMBAAIRAxEAPwCMhRMV92auUAAmTJbKaXOObjyetVUY8dcZYUoYtHu6/9k=',
  ].join(''),
  'base64',
);

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** The plain JPEG with EXIF (APP1), XMP (APP1), IPTC (APP13), a comment and trailing bytes. */
export function jpegWithMetadata(): Buffer {
  const exif = Buffer.concat([
    Buffer.from('Exif\0\0MM\0*\0\0\0\x08', 'latin1'),
    Buffer.from(`Artist=${WHO};${WHERE};Camera=Phone of ${WHO}`, 'latin1'),
  ]);
  const xmp = Buffer.from(
    `http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>${WHO}</dc:creator></x:xmpmeta>`,
    'latin1',
  );
  const iptc = Buffer.from(`Photoshop 3.0\x008BIM\x04\x04 By-line: ${WHO}`, 'latin1');
  return Buffer.concat([
    PLAIN_JPEG.subarray(0, 2),
    segment(0xe1, exif),
    segment(0xe1, xmp),
    segment(0xed, iptc),
    segment(0xfe, Buffer.from(`Taken by ${WHO}`, 'latin1')),
    PLAIN_JPEG.subarray(2),
    Buffer.from(`trailing: ${WHO}`, 'latin1'),
  ]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 2×2 RGB PNG with text, compressed text, international text, EXIF and a timestamp. */
export function pngWithMetadata(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const pixels = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('tEXt', Buffer.from(`Author\0${WHO}`, 'latin1')),
    chunk('zTXt', Buffer.concat([Buffer.from('Comment\0\0', 'latin1'), deflateSync(WHERE)])),
    chunk('iTXt', Buffer.from(`Description\0\0\0\0\0Photo by ${WHO}`, 'utf8')),
    chunk('eXIf', Buffer.from(`MM\0*${WHERE}`, 'latin1')),
    chunk('tIME', Buffer.from([0x07, 0xea, 10, 14, 9, 30, 0])),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export async function pdfWithMetadata(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 200]).drawText('Minutes of the tender committee', { x: 10, y: 100, size: 8 });
  pdf.setAuthor(WHO);
  pdf.setTitle(`Tender notes of ${WHO}`);
  pdf.setSubject(WHERE);
  pdf.setKeywords(['tender', WHO]);
  pdf.setCreator(`Word (${WHO}'s laptop)`);
  pdf.setProducer('Office 2021, licensed to Akimat');
  const xmp = pdf.context.stream(
    `<x:xmpmeta><dc:creator>${WHO}</dc:creator><pdf:Producer>Akimat</pdf:Producer></x:xmpmeta>`,
    { Type: 'Metadata', Subtype: 'XML' },
  );
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(xmp));
  return Buffer.from(await pdf.save());
}

/** An identifier the original PDF's trailer carries (as if copied from the author's own file). */
export const ORIGINAL_PDF_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

/**
 * A PDF carrying, besides document information and XMP, everything an allow-list must stop:
 * a comment whose author (/T) and date (/M) name the reporter, an embedded file (also listed
 * as an associated file, AF, of the document and of the page), a filled-in form field,
 * document JavaScript and an open action, and the original trailer /ID.
 */
export async function pdfWithEverything(): Promise<Buffer> {
  const pdf = await PDFDocument.load(await pdfWithMetadata(), { updateMetadata: false });
  const context = pdf.context;
  const page = pdf.getPage(0);
  const note = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Text',
      Rect: [10, 10, 30, 30],
      T: PDFString.of(WHO),
      M: PDFString.of("D:20261014093000+05'00'"),
      Contents: PDFString.of(`Checked by ${WHO}`),
    }),
  );
  page.node.set(PDFName.of('Annots'), context.obj([note]));
  await pdf.attach(Buffer.from(`Spreadsheet of ${WHO}`), 'salaries.csv', {
    mimeType: 'text/csv',
    description: `Attached by ${WHO}`,
  });
  const spec = context.register(
    context.obj({
      Type: 'Filespec',
      F: PDFString.of('page-notes.txt'),
      Desc: PDFString.of(`Page notes of ${WHO}`),
    }),
  );
  page.node.set(PDFName.of('AF'), context.obj([spec]));
  pdf.catalog.set(PDFName.of('AF'), context.obj([spec]));
  const form = pdf.getForm();
  const field = form.createTextField('reporter.name');
  field.setText(WHO);
  field.addToPage(page, { x: 10, y: 150, width: 150, height: 20 });
  const script = context.register(
    context.obj({ S: 'JavaScript', JS: PDFString.of(`app.alert('${WHO}')`) }),
  );
  pdf.catalog.set(PDFName.of('OpenAction'), script);
  pdf.addJavaScript('hello', `console.println('${WHO}')`);
  context.trailerInfo.ID = context.obj([
    PDFHexString.of(ORIGINAL_PDF_ID),
    PDFHexString.of(ORIGINAL_PDF_ID),
  ]);
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

/**
 * A PNG whose chunks carry who and where: text (tEXt, zTXt, iTXt), EXIF (eXIf and the older
 * zxIf), a C2PA manifest (caBX), a timestamp and a maker's private chunk, and bytes after IEND.
 */
export function pngWithEveryChunk(): Buffer {
  const png = pngWithMetadata();
  const end = png.length - 12; // the IEND chunk
  return Buffer.concat([
    png.subarray(0, end),
    chunk('zxIf', Buffer.from(`MM\0*Owner=${WHO}`, 'latin1')),
    chunk('caBX', Buffer.from(`jumb c2pa.claim signed by ${WHO}'s phone`, 'latin1')),
    chunk('prVt', Buffer.from(`Device serial of ${WHO}`, 'latin1')),
    png.subarray(end),
    Buffer.from(`after the end: ${WHO}`, 'latin1'),
  ]);
}

/** The chunk types of a PNG, in order. */
export function pngChunks(png: Buffer): string[] {
  const types: string[] = [];
  for (let at = 8; at + 8 <= png.length;) {
    const length = png.readUInt32BE(at);
    types.push(png.subarray(at + 4, at + 8).toString('latin1'));
    at += 12 + length;
  }
  return types;
}

/** The markers of a JPEG's segments up to the start of scan (APPn, COM, DQT…). */
export function jpegMarkers(jpeg: Buffer): number[] {
  const markers: number[] = [];
  for (let at = 2; at + 4 <= jpeg.length;) {
    const marker = jpeg[at + 1]!;
    markers.push(marker);
    if (marker === 0xda) break;
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  return markers;
}

import { PDFDocument, PDFString } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cleanAttachment, cleanPdf, safeFileName, sniff, UnreadableFile } from './reports.files.js';
import {
  jpegMarkers,
  jpegWithMetadata,
  ORIGINAL_PDF_ID,
  PLAIN_JPEG,
  pdfWithEverything,
  pdfWithMetadata,
  pngChunks,
  pngWithEveryChunk,
  pngWithMetadata,
  WHERE,
  WHO,
} from '../../test/files.js';

/** Files built with the metadata that names people, and proof that none of it survives. */
describe('attachment cleaning', () => {
  it('recognises files by their bytes, not their names', () => {
    expect(sniff(PLAIN_JPEG)).toBe('image/jpeg');
    expect(sniff(pngWithMetadata())).toBe('image/png');
    expect(sniff(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniff(Buffer.from('Қазақша мәтін, русский текст, English text.\n'))).toBe('text/plain');
    expect(sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).toBeNull(); // a zip / .docx
    expect(sniff(Buffer.from([0xc3, 0x28]))).toBeNull(); // not UTF-8
  });

  it('re-encodes a JPEG: only its pixels survive, turned as the camera said', async () => {
    // 16×8 pixels taken sideways (EXIF orientation 6), with EXIF, XMP, a comment and trailing bytes.
    const taken = await sharp({
      create: { width: 16, height: 8, channels: 3, background: { r: 180, g: 20, b: 20 } },
    })
      .jpeg()
      .withExifMerge({ IFD0: { Artist: WHO, Copyright: WHERE } })
      .withMetadata({ orientation: 6 })
      .withXmp(`<x:xmpmeta><dc:creator>${WHO}</dc:creator></x:xmpmeta>`)
      .toBuffer();
    const comment = Buffer.concat([
      Buffer.from([0xff, 0xfe, 0, 0]),
      Buffer.from(`Taken by ${WHO}`, 'latin1'),
    ]);
    comment.writeUInt16BE(comment.length - 2, 2);
    const tables = taken.indexOf(Buffer.from([0xff, 0xdb]));
    const dirty = Buffer.concat([
      taken.subarray(0, tables),
      comment,
      // Another EXIF (with GPS), XMP, IPTC and an ICC profile, as segments of their own.
      jpegWithMetadata().subarray(2, jpegWithMetadata().indexOf(Buffer.from([0xff, 0xdb]))),
      taken.subarray(tables),
      Buffer.from(`trailing: ${WHO}`, 'latin1'),
    ]);
    expect((await sharp(dirty).metadata()).orientation).toBe(6);
    const { kind, bytes: clean } = await cleanAttachment(dirty);
    expect(kind).toBe('image/jpeg');
    const text = clean.toString('latin1');
    for (const gone of [WHO, 'Aigerim', 'GPS', 'Exif', 'xmpmeta', '8BIM', 'Taken by', 'trailing'])
      expect(text).not.toContain(gone);
    // No application segment (EXIF, XMP, ICC, IPTC) and no comment; JFIF's APP0 at most.
    expect(jpegMarkers(clean).filter((m) => (m >= 0xe1 && m <= 0xef) || m === 0xfe)).toEqual([]);
    expect(clean.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    // The orientation is applied to the pixels: the stored image stands upright, 8×16.
    const after = await sharp(clean).metadata();
    expect([after.width, after.height, after.orientation]).toEqual([8, 16, undefined]);
    await expect(cleanAttachment(dirty.subarray(0, 40))).rejects.toBeInstanceOf(UnreadableFile);
  });

  it('re-encodes a PNG: no text, EXIF, zxIf, C2PA, time or private chunk survives', async () => {
    const dirty = pngWithEveryChunk();
    for (const chunk of ['tEXt', 'zTXt', 'iTXt', 'eXIf', 'zxIf', 'caBX', 'tIME', 'prVt'])
      expect(pngChunks(dirty)).toContain(chunk);
    const { kind, bytes: clean } = await cleanAttachment(dirty);
    expect(kind).toBe('image/png');
    // Only what draws the picture: header, data, end, and the encoder's own pixel density.
    expect(pngChunks(clean)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    const text = clean.toString('latin1');
    for (const gone of [WHO, 'Aigerim', 'Author', 'c2pa', 'Device serial', 'after the end'])
      expect(text).not.toContain(gone);
    const { data, info } = await sharp(clean).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([2, 2]);
    expect([...data.subarray(0, 3)]).toEqual([255, 0, 0]);
    await expect(cleanAttachment(dirty.subarray(0, 30))).rejects.toBeInstanceOf(UnreadableFile);
  });

  it('keeps of a PDF only its pages: no annotation, file, form, script, XMP, Info or old /ID', async () => {
    const dirty = await pdfWithEverything();
    const before = dirty.toString('latin1');
    for (const present of [
      '/Annots',
      '/EmbeddedFile',
      '/AF',
      '/AcroForm',
      '/JavaScript',
      '/Metadata',
      ORIGINAL_PDF_ID,
    ])
      expect(before).toContain(present);
    const clean = await cleanPdf(dirty);
    const text = clean.toString('latin1');
    const utf16 = Buffer.from(WHO, 'utf16le').swap16().toString('hex');
    for (const gone of [
      WHO,
      'Aigerim',
      'Akimat',
      'xmpmeta',
      utf16,
      utf16.toUpperCase(),
      Buffer.from(WHO).toString('hex'),
      '/Annots',
      '/Annot',
      '/T (',
      '/M (',
      '/EmbeddedFile',
      '/Filespec',
      '/AF',
      '/AcroForm',
      '/Fields',
      '/JavaScript',
      '/JS',
      '/OpenAction',
      '/Names',
      '/Metadata',
      '/Info',
      '/Author',
      '/CreationDate',
      ORIGINAL_PDF_ID,
      ORIGINAL_PDF_ID.toUpperCase(),
    ])
      expect(text).not.toContain(gone);
    // A fresh /ID, and the page still there with its text.
    expect(text).toMatch(/\/ID \[ <[0-9A-Fa-f]{32}> <[0-9A-Fa-f]{32}> \]/);
    const after = await PDFDocument.load(clean, { updateMetadata: false });
    expect(after.getPageCount()).toBe(1);
    expect(after.getAuthor()).toBeUndefined();
    expect(after.getPage(0).getSize()).toEqual({ width: 200, height: 200 });
    expect(after.getPage(0).node.Contents()).toBeDefined();
  });

  it('drops what an earlier revision left behind in a PDF', async () => {
    const pdf = await PDFDocument.load(await pdfWithMetadata(), { updateMetadata: false });
    // An Info dictionary of an earlier revision, no longer named by the trailer.
    pdf.context.register(pdf.context.obj({ Author: PDFString.of(`Earlier draft by ${WHO}`) }));
    const dirty = Buffer.from(await pdf.save({ useObjectStreams: false }));
    expect(dirty.toString('latin1')).toContain('Earlier draft');
    const clean = await cleanPdf(dirty);
    expect(clean.toString('latin1')).not.toContain('Earlier draft');
    expect(clean.toString('latin1')).not.toContain('Aigerim');
    expect((await PDFDocument.load(clean)).getPageCount()).toBe(1);
  });

  it('refuses other kinds and damaged or password-protected PDFs', async () => {
    await expect(cleanAttachment(Buffer.from('PK\x03\x04docx', 'latin1'))).rejects.toMatchObject({
      reason: 'UNSUPPORTED_TYPE',
    });
    await expect(cleanAttachment(Buffer.from('%PDF-1.7\nnonsense'))).rejects.toBeInstanceOf(
      UnreadableFile,
    );
    const locked = await PDFDocument.create();
    locked.addPage();
    locked.context.trailerInfo.Encrypt = locked.context.register(
      locked.context.obj({ Filter: 'Standard', V: 2, R: 3 }),
    );
    await expect(
      cleanAttachment(Buffer.from(await locked.save({ useObjectStreams: false }))),
    ).rejects.toMatchObject({ reason: 'ENCRYPTED_PDF' });
  });

  it('gives files safe names with the extension of what they really are', () => {
    expect(safeFileName('../../etc/passwd', 'text/plain')).toBe('etc_passwd.txt');
    expect(safeFileName('Хабарлама "акимат".exe', 'application/pdf')).toBe('Хабарлама _акимат.pdf');
    expect(safeFileName('\r\nSet-Cookie: x', 'image/png')).toBe('Set-Cookie_ x.png');
    expect(safeFileName('', 'image/jpeg')).toBe('attachment.jpg');
  });
});

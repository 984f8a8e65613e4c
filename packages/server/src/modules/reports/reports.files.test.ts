import { PDFDocument, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  cleanAttachment,
  cleanJpeg,
  cleanPdf,
  cleanPng,
  safeFileName,
  sniff,
  UnreadableFile,
} from './reports.files.js';
import {
  jpegWithMetadata,
  PLAIN_JPEG,
  pdfWithMetadata,
  pngWithMetadata,
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

  it('removes EXIF, XMP, IPTC, comments and trailing bytes from a JPEG and keeps the image', () => {
    const dirty = jpegWithMetadata();
    expect(dirty.toString('latin1')).toContain(WHO);
    const clean = cleanJpeg(dirty);
    const text = clean.toString('latin1');
    expect(text).not.toContain('Aigerim');
    expect(text).not.toContain('GPS');
    expect(text).not.toContain('Exif');
    expect(text).not.toContain('xmpmeta');
    expect(text).not.toContain('8BIM');
    expect(clean.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(clean.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    // The picture itself (tables, frame, scan) is untouched: the original ends the same way.
    const sos = PLAIN_JPEG.indexOf(Buffer.from([0xff, 0xda]));
    expect(clean.includes(PLAIN_JPEG.subarray(sos))).toBe(true);
    expect(() => cleanJpeg(dirty.subarray(0, 40))).toThrow(UnreadableFile);
  });

  it('removes text, EXIF and time chunks from a PNG and keeps the image', () => {
    const dirty = pngWithMetadata();
    const clean = cleanPng(dirty);
    const text = clean.toString('latin1');
    for (const gone of ['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME', 'Aigerim', 'Author'])
      expect(text).not.toContain(gone);
    for (const kept of ['IHDR', 'IDAT', 'IEND']) expect(text).toContain(kept);
    expect(() => cleanPng(dirty.subarray(0, 30))).toThrow(UnreadableFile);
  });

  it('removes the document information and XMP metadata from a PDF', async () => {
    const dirty = await pdfWithMetadata();
    const before = await PDFDocument.load(dirty, { updateMetadata: false });
    expect(before.getAuthor()).toBe(WHO);
    const clean = await cleanPdf(dirty);
    const text = clean.toString('latin1');
    expect(text).not.toContain('Aigerim');
    expect(text).not.toContain('Akimat');
    expect(text).not.toContain('xmpmeta');
    const after = await PDFDocument.load(clean, { updateMetadata: false });
    expect(after.getAuthor()).toBeUndefined();
    expect(after.getTitle()).toBeUndefined();
    expect(after.getCreator()).toBeUndefined();
    expect(after.getProducer()).toBeUndefined();
    expect(after.getKeywords()).toBeUndefined();
    expect(after.getPageCount()).toBe(1);
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

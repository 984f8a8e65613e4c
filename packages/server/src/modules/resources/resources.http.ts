import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Busboy from 'busboy';
import { Router, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Context } from '../../platform/graphql/context.js';
import type { FileStorage } from '../../platform/storage/index.js';
import { extractText, SNIFF_BYTES, sniffMediaType } from '../../platform/storage/content.js';
import { fileForDownload, recordUpload } from './resources.service.js';
import { LIMITS } from '../../platform/auth/rate-limit.js';

export interface FileRouteDependencies {
  storage: FileStorage;
  maxUploadBytes: number;
  /** Authenticates the request and opens its unit of work; throws UNAUTHENTICATED for a refused token. */
  contextFor(req: Request, res: Response): Promise<Context>;
  /** Ends the request's transaction (commit or roll back). */
  finish(context: Context, commit: boolean): Promise<void>;
}

/** The header a browser cannot send cross-site without a CORS preflight: no upload by forgery. */
export const UPLOAD_HEADER = 'x-alany-upload';

/** Media types a browser gets as themselves; everything else is an opaque download. */
const SERVED_AS_IS = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain; charset=utf-8',
]);

class UploadTooLarge extends Error {}
class UploadCut extends Error {}

function fail(res: Response, status: number, code: string, message: string) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** A file name that is safe to store and to send back: no path, no control characters. */
export function cleanFileName(raw: string | undefined): string {
  const base = path.posix.basename((raw ?? '').replaceAll('\\', '/'));
  const clean = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what goes
    .replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '')
    .trim()
    .replace(/^\.+/, '');
  if (!clean) return 'file';
  if (clean.length <= 255) return clean;
  const extension = path.posix.extname(clean).slice(0, 20);
  return clean.slice(0, 255 - extension.length) + extension;
}

/** RFC 6266: an ASCII fallback plus the exact name in UTF-8, always as an attachment. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * `POST /files`: one file in a multipart body, streamed to storage while its SHA-256 is
 * computed, never held whole in memory. Answers the upload id for `addResourceVersion`.
 * `GET /files/:versionId`: the bytes of a resource version, after the same access check as the
 * resource, always as a download.
 */
export function fileRoutes(deps: FileRouteDependencies): Router {
  const router = Router();

  /** The request's context, or undefined after answering 401 for a token that no longer works. */
  async function openContext(req: Request, res: Response): Promise<Context | undefined> {
    try {
      return await deps.contextFor(req, res);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      fail(res, 401, 'UNAUTHENTICATED', error.message);
      return undefined;
    }
  }

  router.post('/files', async (req, res) => {
    if (!req.get(UPLOAD_HEADER)) {
      return fail(res, 400, 'BAD_REQUEST', `Uploads need the ${UPLOAD_HEADER} header.`);
    }
    const declared = Number(req.get('content-length') ?? 0);
    // The multipart envelope around the file is small: refuse what cannot fit before reading it.
    if (declared > deps.maxUploadBytes + 64 * 1024) {
      res.setHeader('Connection', 'close');
      return fail(
        res,
        413,
        'PAYLOAD_TOO_LARGE',
        `A file can be at most ${megabytes(deps.maxUploadBytes)}.`,
      );
    }
    const context = await openContext(req, res);
    if (!context) return;
    if (context.viewer.kind !== 'user') {
      return fail(res, 401, 'UNAUTHENTICATED', 'Sign in to upload files.');
    }
    const limit = await context.rateLimiter.hit(
      `upload:${context.viewer.userId}`,
      LIMITS.upload.points,
      LIMITS.upload.windowSeconds,
    );
    if (!limit.allowed) {
      res.setHeader('Retry-After', String(limit.retryAfter));
      return fail(
        res,
        429,
        'RATE_LIMITED',
        `Too many uploads. Try again in ${limit.retryAfter} seconds.`,
      );
    }

    let received: Awaited<ReturnType<typeof receive>> | undefined;
    try {
      received = await receive(req, deps);
    } catch (error) {
      await deps.finish(context, false);
      if (error instanceof UploadTooLarge) {
        res.setHeader('Connection', 'close');
        return fail(
          res,
          413,
          'PAYLOAD_TOO_LARGE',
          `A file can be at most ${megabytes(deps.maxUploadBytes)}.`,
        );
      }
      if (error instanceof UploadCut) return fail(res, 400, 'BAD_REQUEST', error.message);
      context.logger.warn({ err: error }, 'upload failed');
      return fail(res, 400, 'BAD_REQUEST', 'The upload was interrupted. Nothing was stored.');
    }
    try {
      const mediaType = await sniffMediaType(received.head);
      const extractedText = await extractText(
        deps.storage,
        received.key,
        mediaType,
        received.size,
      ).catch((error: unknown) => {
        context.logger.warn({ err: error }, 'could not extract text from an upload');
        return null;
      });
      const upload = await recordUpload(context, {
        storageKey: received.key,
        fileName: received.fileName,
        sizeBytes: String(received.size),
        mediaType,
        sha256: received.sha256,
        extractedText,
      });
      await deps.finish(context, true);
      res.status(201).json({
        uploadId: upload.id,
        fileName: upload.fileName,
        size: received.size,
        mediaType,
        sha256: received.sha256,
      });
    } catch (error) {
      await deps.finish(context, false).catch(() => undefined);
      await deps.storage.delete(received.key).catch(() => undefined);
      context.logger.error({ err: error }, 'could not record an upload');
      fail(res, 500, 'INTERNAL_SERVER_ERROR', 'The file could not be saved. Please try again.');
    }
  });

  router.get('/files/:versionId', async (req, res) => {
    const versionId = String(req.params.versionId);
    if (!/^[0-9a-f-]{36}$/i.test(versionId))
      return fail(res, 404, 'NOT_FOUND', 'The file was not found.');
    const context = await openContext(req, res);
    if (!context) return;
    let found: Awaited<ReturnType<typeof fileForDownload>>;
    try {
      found = await fileForDownload(context, versionId);
    } catch (error) {
      await deps.finish(context, false);
      if (error instanceof GraphQLError && error.extensions.code === 'NOT_FOUND')
        return fail(res, 404, 'NOT_FOUND', 'The file was not found.');
      throw error;
    }
    // No transaction stays open while the bytes travel.
    await deps.finish(context, true);
    const { version } = found;
    const stored = await deps.storage.get(version.storageKey as string);
    const mediaType = version.mediaType ?? 'application/octet-stream';
    res.status(200);
    res.setHeader(
      'Content-Type',
      SERVED_AS_IS.has(mediaType) ? mediaType : 'application/octet-stream',
    );
    res.setHeader('Content-Length', String(stored.size));
    res.setHeader('Content-Disposition', contentDisposition(version.fileName ?? 'file'));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (version.sha256) res.setHeader('ETag', `"${version.sha256}"`);
    try {
      await pipeline(stored.body, res);
    } catch (error) {
      context.logger.warn({ err: error, versionId }, 'file download ended early');
    }
  });

  return router;
}

/** Streams the request's single file into storage; throws after removing anything partial. */
async function receive(req: Request, deps: FileRouteDependencies) {
  const key = `uploads/${new Date().toISOString().slice(0, 7)}/${randomUUID()}`;
  const hash = createHash('sha256');
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  let fileName = 'file';

  let parser: Busboy.Busboy;
  try {
    parser = Busboy({
      headers: req.headers,
      // Browsers send file names as raw UTF-8 (Kazakh and Russian names must survive).
      defParamCharset: 'utf8',
      limits: { files: 1, fileSize: deps.maxUploadBytes, fields: 5, fieldSize: 1024, parts: 6 },
    });
  } catch {
    throw new UploadCut('Send the file as multipart/form-data in a field named "file".');
  }

  const stored = new Promise<void>((resolve, reject) => {
    let sawFile = false;
    parser.on('file', (_field, stream, info) => {
      if (sawFile) {
        stream.resume();
        return;
      }
      sawFile = true;
      fileName = cleanFileName(info.filename);
      const counter = new Transform({
        transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
          hash.update(chunk);
          size += chunk.length;
          if (headLength < SNIFF_BYTES) {
            headChunks.push(chunk.subarray(0, SNIFF_BYTES - headLength));
            headLength += Math.min(chunk.length, SNIFF_BYTES - headLength);
          }
          done(null, chunk);
        },
      });
      stream.on('limit', () => counter.destroy(new UploadTooLarge()));
      // A client that goes away mid-file: the stored copy must not survive.
      req.once('close', () => {
        if (!req.complete)
          counter.destroy(new UploadCut('The upload was interrupted. Nothing was stored.'));
      });
      stream.on('error', (error: Error) => counter.destroy(error));
      stream.pipe(counter);
      deps.storage.put(key, counter).then(resolve, reject);
    });
    parser.on('error', (error: Error) => reject(error));
    parser.on('close', () => {
      if (!sawFile) reject(new UploadCut('Attach a file in a field named "file".'));
    });
  });
  req.pipe(parser);
  try {
    await stored;
  } catch (error) {
    req.unpipe(parser);
    req.resume();
    await deps.storage.delete(key).catch(() => undefined);
    throw error;
  }
  return { key, fileName, size, sha256: hash.digest('hex'), head: Buffer.concat(headChunks) };
}

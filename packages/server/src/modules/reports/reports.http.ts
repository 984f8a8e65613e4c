import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { secretFromHeaders } from '../../platform/auth/cookies.js';
import type { Authenticate, Viewer } from '../../platform/auth/viewer.js';
import { ANONYMOUS } from '../../platform/auth/viewer.js';
import type { UnitOfWork } from '../../platform/database/unit-of-work.js';
import type { Context } from '../../platform/graphql/context.js';
import { noCookieOverWebSocket } from '../../platform/graphql/context.js';
import { isDatabaseOutage } from '../../platform/database/health.js';
import { UnreadableFile } from './reports.files.js';
import { clientPseudonym } from './reports.gate.js';
import { attachmentForHandler } from './handling.service.js';
import { gateReporting } from './reports.policy.js';
import { stageAttachment } from './submission.service.js';
import { RequestCache } from '../../platform/graphql/loaders.js';

/** One file per upload request; MAX_ATTACHMENTS (5) of them per report or reply. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The root fields of the anonymous reporting path (their operations resolve no session). */
export const REPORTING_FIELDS = [
  'reportingPage',
  'reportChallenge',
  'reportByReceipt',
  'submitReport',
  'replyToReport',
] as const;
const NAMES_A_REPORTING_FIELD = new RegExp(`\\b(${REPORTING_FIELDS.join('|')})\\b`);

/**
 * Whether a GraphQL request over HTTP is (or has a part that is) a reporting operation. Any
 * mention of one counts: a signed-in operation that names one (nobody's does) merely runs
 * without its session, while a reporting operation can never run with one.
 */
export function isReportingRequest(req: Request): boolean {
  const bodies: unknown[] = Array.isArray(req.body) ? req.body : [req.body, req.query];
  return bodies.some((body) => {
    const query = (body as { query?: unknown } | undefined)?.query;
    return typeof query === 'string' && NAMES_A_REPORTING_FIELD.test(query);
  });
}

/**
 * What a failure on the reporting path may say in the log: its kind, never its message (a
 * database error carries the SQL and its bound values), its stack or anything about the sender.
 */
export function reportingFailure(error: unknown): Record<string, unknown> {
  const e = error as { name?: unknown; code?: unknown; extensions?: { code?: unknown } };
  return {
    kind: typeof e?.name === 'string' ? e.name : typeof error,
    code: typeof e?.code === 'string' ? e.code : e?.extensions?.code,
  };
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a feature's Context needs besides the viewer and the database. */
export type ReportFileDependencies = Pick<
  Context,
  'config' | 'logger' | 'pubsub' | 'rateLimiter' | 'mailer' | 'sealer' | 'storage'
> & {
  publicUrl: () => string;
  authenticate: Authenticate;
  /** A unit of work whose transactions carry this viewer for row-level security. */
  unitOfWork: (viewer: Viewer) => UnitOfWork;
};

function fail(res: Response, status: number, code: string, message: string, reason?: string) {
  res.status(status).json({ errors: [{ message, extensions: { code, reason } }] });
}

/**
 * A context for these two routes: like a GraphQL operation's, but it never reads the client's
 * address, user agent or (for uploads) cookie, and sets no cookie.
 */
function contextFor(deps: ReportFileDependencies, viewer: Viewer, client?: string): Context {
  return {
    requestId: randomUUID(),
    transport: 'http',
    logger: deps.logger,
    config: deps.config,
    viewer,
    db: deps.unitOfWork(viewer),
    pubsub: deps.pubsub,
    rateLimiter: deps.rateLimiter,
    mailer: deps.mailer,
    sealer: deps.sealer,
    storage: deps.storage,
    publicUrl: deps.publicUrl(),
    clientAddress: client ?? 'not-read',
    reporting: client !== undefined,
    userAgent: undefined,
    sessionCookie: noCookieOverWebSocket,
    loaders: new RequestCache(),
  };
}

/** Reads the body up to `limit` bytes; `undefined` when it is longer (the rest is not kept). */
function readBounded(req: Request, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function decodedName(header: string | undefined): string {
  if (!header) return 'attachment';
  try {
    return decodeURIComponent(header).slice(0, 300);
  } catch {
    return 'attachment';
  }
}

/**
 * Anonymous uploads for integrity reports and the handlers' downloads.
 *
 * POST /report-uploads: the file's bytes as the body (Content-Type: application/octet-stream,
 * which a cross-site form cannot send), its name percent-encoded in X-File-Name and a solved
 * reportChallenge in X-Report-Proof. Answers 201 with an upload key to pass to submitReport or
 * replyToReport. The route never reads the client's user agent or cookies; its address only
 * becomes the day's pseudonym, for the client's own budget (reports.gate.ts).
 *
 * GET /report-attachments/:id: a signed-in case handler of the report's organisation
 * downloads the cleaned file; anyone else gets 404.
 */
export function reportFileRoutes(deps: ReportFileDependencies): Router {
  const router = express.Router();

  router.post('/report-uploads', async (req, res, next) => {
    // Not even the request line: its exact time could be matched against a network's logs.
    res.locals.unlogged = true;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    try {
      if (!req.is('application/octet-stream')) {
        fail(res, 415, 'BAD_REQUEST', 'Send the file as application/octet-stream.');
        return;
      }
      const context = contextFor(deps, ANONYMOUS, clientPseudonym(req.ip));
      try {
        await gateReporting(context, 'upload', req.header('x-report-proof'));
      } catch (error) {
        const { extensions, message } = error as {
          message: string;
          extensions?: {
            code?: string;
            retryAfter?: number;
            fields?: Array<{ message: string; reason: string }>;
          };
        };
        if (extensions?.code === 'RATE_LIMITED') {
          res.setHeader('Retry-After', String(extensions.retryAfter ?? 60));
          fail(res, 429, 'RATE_LIMITED', 'Too many uploads right now. Try again later.');
          return;
        }
        if (extensions?.code === 'BAD_USER_INPUT') {
          const problem = extensions.fields?.[0];
          fail(res, 400, 'BAD_USER_INPUT', problem?.message ?? message, problem?.reason);
          return;
        }
        throw error;
      }
      const tooLarge = () => {
        // Stop reading: nothing of an oversized file is kept or stored.
        res.setHeader('Connection', 'close');
        fail(
          res,
          413,
          'PAYLOAD_TOO_LARGE',
          `A file may be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`,
          'FILE_TOO_LARGE',
        );
      };
      if (Number(req.headers['content-length'] ?? 0) > MAX_ATTACHMENT_BYTES) {
        tooLarge();
        return;
      }
      const bytes = await readBounded(req, MAX_ATTACHMENT_BYTES);
      if (!bytes) {
        tooLarge();
        return;
      }
      if (bytes.length === 0) {
        fail(res, 400, 'BAD_USER_INPUT', 'The file is empty.', 'EMPTY_FILE');
        return;
      }
      const staged = await stageAttachment(context, decodedName(req.header('x-file-name')), bytes);
      if (!staged.staged) {
        res.setHeader('Retry-After', '3600');
        fail(
          res,
          503,
          'RATE_LIMITED',
          'Too many files are waiting to be sent right now. Try again later.',
        );
        return;
      }
      const { upload, fileName, mediaType, size } = staged;
      res.status(201).json({ upload, fileName, mediaType, size });
    } catch (error) {
      if (error instanceof UnreadableFile) {
        fail(
          res,
          error.reason === 'UNSUPPORTED_TYPE' ? 415 : 422,
          'BAD_USER_INPUT',
          error.message,
          error.reason,
        );
        return;
      }
      // The database is unreachable: the shared handler answers 503 with Retry-After.
      if (isDatabaseOutage(error)) {
        next(error);
        return;
      }
      // Not the shared error handler: it would log the error's message (SQL, values) and stack.
      deps.logger.error(reportingFailure(error), 'report upload failed');
      if (!res.headersSent)
        fail(res, 500, 'INTERNAL_SERVER_ERROR', 'Something went wrong on our side.');
    }
  });

  router.get('/report-attachments/:id', async (req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    try {
      const secret = secretFromHeaders({
        cookie: req.headers.cookie,
        authorization: req.headers.authorization,
      });
      const viewer = secret ? await deps.authenticate(secret) : undefined;
      if (viewer?.kind !== 'user') {
        fail(res, 401, 'UNAUTHENTICATED', 'Sign in as a case handler to download this file.');
        return;
      }
      const id = String(req.params.id);
      if (!UUID.test(id)) {
        fail(res, 404, 'NOT_FOUND', 'The file was not found.');
        return;
      }
      const file = await attachmentForHandler(contextFor(deps, viewer), id).catch(
        (error: { extensions?: { code?: string } }) => {
          if (error.extensions?.code === 'NOT_FOUND') return undefined;
          throw error;
        },
      );
      if (!file) {
        fail(res, 404, 'NOT_FOUND', 'The file was not found.');
        return;
      }
      const ascii = file.fileName.replace(/[^\w. ()-]/g, '_');
      res.setHeader(
        'Content-Type',
        file.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mediaType,
      );
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      );
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      res.send(file.content);
    } catch (error) {
      next(error);
    }
  });

  return router;
}

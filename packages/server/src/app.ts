import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { WebSocket, WebSocketServer } from 'ws';
import proxyAddr from 'proxy-addr';
import { useServer } from 'graphql-ws/use/ws';
import {
  GraphQLError,
  getOperationAST,
  getVariableValues,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './platform/config.js';
import type { Logger } from './platform/logging.js';
import type { PubSub } from './platform/pubsub/index.js';
import type { RateLimiter } from './platform/auth/rate-limit.js';
import type { Mailer } from './platform/mail/mailer.js';
import type { Sealer } from './platform/crypto/sealer.js';
import { ANONYMOUS, type Authenticate, type Viewer } from './platform/auth/viewer.js';
import { clearedSessionCookie, secretFromHeaders, sessionCookie } from './platform/auth/cookies.js';
import {
  OperationUnitOfWork,
  ShortUnitOfWork,
  type DatabaseSettings,
} from './platform/database/unit-of-work.js';
import { noCookieOverWebSocket, type Context } from './platform/graphql/context.js';
import {
  DEFAULT_RETRY_AFTER_SECONDS,
  formatError,
  serviceUnavailable,
} from './platform/graphql/errors.js';
import { rateLimitedStatusPlugin } from './platform/graphql/rate-limited-status.js';
import { DatabaseHealth, isDatabaseOutage } from './platform/database/health.js';
import { compiledExecution, executionGateway, type Execute } from './platform/graphql/execution.js';
import {
  checkDocument,
  documentCache,
  limitRules,
  parseOptions,
  refuseOverLimits,
  tokenLimitPlugin,
} from './platform/graphql/limits.js';
import { buildAppSchema } from './platform/graphql/schema.js';
import { attachFrameChannel, subscribeSharing } from './platform/graphql/shared-answers.js';
import { SocketCredentials } from './platform/graphql/socket-credentials.js';
import { securityHeaders, serveWebClient } from './platform/http/web-client.js';
import type { FileStorage } from './platform/storage/index.js';
import { fileRoutes } from './modules/resources/index.js';
import {
  clientPseudonym,
  isReportingRequest,
  reportFileRoutes,
  reportingFailure,
} from './modules/reports/index.js';
import { RequestCache } from './platform/graphql/loaders.js';
import type { Features } from './features.js';
import { describePage, previewRoutes, type ReadAnonymously } from './modules/previews/index.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface AppDependencies {
  config: Config;
  logger: Logger;
  orm: MikroORM;
  pubsub: PubSub;
  rateLimiter: RateLimiter;
  mailer: Mailer;
  sealer: Sealer;
  storage: FileStorage;
  /** The public address; resolved after listening when not configured. */
  publicUrl: () => string;
  authenticate: Authenticate;
  /**
   * Begins an HTTP operation's transaction with the session lookup in the same round trip and
   * resolves to the session's viewer; `null` for a secret that is not a session's (API and
   * guest tokens go through `authenticate`). Without it, sessions go through `authenticate` too.
   */
  beginSession?: (db: OperationUnitOfWork, secret: string) => Promise<Viewer> | null;
  /** Whether the database answers and its migrations are current; the reason when not. */
  readiness: () => Promise<{ ready: boolean; reason?: string }>;
  webDist?: string | undefined;
  /** The features' resolvers, handed in by the composition root (server.ts). */
  resolvers: Features['resolvers'];
}

export interface App {
  server: http.Server;
  listen(port: number, host?: string): Promise<AddressInfo>;
  /**
   * Drains, then stops: `/readyz` answers 503 for `config.drainGraceMs` while requests are still
   * served (a load balancer notices and sends no more), then every answer carries
   * `Connection: close` and the port closes; requests under way finish, WebSockets get 1001.
   */
  close(): Promise<void>;
  /** The database's health as this instance sees it (outages, a wedged pool). */
  health: DatabaseHealth;
}

function settingsFor(viewer: Viewer): DatabaseSettings {
  return {
    'app.user_id': viewer.kind === 'user' ? viewer.userId : '',
    'app.token_org_id': viewer.kind === 'apiToken' ? viewer.organisationId : '',
    'app.guest_participant_id': viewer.kind === 'guest' ? viewer.participantId : '',
  };
}

const refusedToken = () =>
  new GraphQLError('The token is unknown, expired or revoked.', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });

/**
 * An HTTP operation's errors that come from a database outage become SERVICE_UNAVAILABLE with
 * HTTP 503 and Retry-After (Apollo takes the status and header from the error), each at its
 * place; the outage is noted (and logged once, not per request).
 */
function outageAware(execute: Execute, health: DatabaseHealth): Execute {
  const mapped = (result: ExecutionResult): ExecutionResult => {
    if (!result.errors?.some((error) => isDatabaseOutage(error))) return result;
    return {
      ...result,
      errors: result.errors.map((error) => {
        if (!isDatabaseOutage(error)) return error;
        health.outage(error);
        const unavailable = serviceUnavailable(health.retryAfterSeconds);
        return new GraphQLError(unavailable.message, {
          nodes: error.nodes,
          path: error.path,
          extensions: unavailable.extensions,
        });
      }),
    };
  };
  return (args) => {
    const result = execute(args);
    return 'then' in result ? result.then(mapped) : mapped(result);
  };
}

/** Ends each HTTP operation's transaction just before its response is sent. */
const operationTransactionPlugin = (
  logger: Logger,
  health: DatabaseHealth,
): ApolloServerPlugin<Context> => ({
  async requestDidStart() {
    return {
      // Masked errors reach the client as INTERNAL_SERVER_ERROR; operators need the real cause.
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          const code = error.extensions?.code;
          if (code === 'SERVICE_UNAVAILABLE' || isDatabaseOutage(error)) {
            // Logged once per outage (DatabaseHealth), not once per request.
            health.outage(error);
          } else if (
            contextValue.reporting &&
            (code === undefined || code === 'INTERNAL_SERVER_ERROR')
          ) {
            // A reporting operation's failure: its kind only, never SQL, values or a stack.
            logger.error(
              { ...reportingFailure(error.originalError ?? error), path: error.path },
              'reporting operation failed',
            );
          } else if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
            logger.error(
              {
                err: error.originalError ?? error,
                path: error.path,
                requestId: contextValue.requestId,
              },
              'operation failed',
            );
          }
        }
      },
      async willSendResponse({ contextValue, response }) {
        const db = contextValue.db;
        if (!(db instanceof OperationUnitOfWork) || !db.started) return;
        try {
          await db.finish(true);
          health.available();
        } catch (error) {
          if (isDatabaseOutage(error)) {
            health.outage(error);
            response.http.status = 503;
            response.http.headers.set('retry-after', String(health.retryAfterSeconds));
            if (response.body.kind === 'single') {
              const { message, extensions } = serviceUnavailable(health.retryAfterSeconds);
              response.body.singleResult = {
                errors: [
                  new GraphQLError(message, {
                    extensions: { code: extensions.code, retryAfter: extensions.retryAfter },
                  }),
                ],
              };
            }
            return;
          }
          logger.error(
            contextValue.reporting
              ? reportingFailure(error)
              : { err: error, requestId: contextValue.requestId },
            'commit failed',
          );
          if (response.body.kind === 'single') {
            response.body.singleResult = {
              errors: [
                new GraphQLError('Your change could not be saved. Please try again.', {
                  extensions: { code: 'INTERNAL_SERVER_ERROR' },
                }),
              ],
            };
          }
        }
      },
    };
  },
});

export async function createApp(deps: AppDependencies): Promise<App> {
  const { config, logger, orm, pubsub, rateLimiter, authenticate } = deps;
  const exposeInternals = config.env === 'development';
  const limits = config.database;
  const health = new DatabaseHealth(orm, logger, {
    // No connection can legitimately stay taken longer than a statement or an idle transaction
    // may last; a pool full that long, with requests waiting, will not recover by itself.
    wedgedAfterMs:
      Math.max(limits.statementTimeoutMs, limits.idleInTransactionTimeoutMs) +
      limits.poolAcquireTimeoutMs,
    retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS,
  });
  /** Set on close(): `/readyz` says 503, then answers carry Connection: close (see `close`). */
  const drain = { draining: false, closingConnections: false };
  const writeHead = http.ServerResponse.prototype.writeHead;
  // Past the grace period: the client opens a new connection (to another instance) next time,
  // instead of finding its kept-alive one closed under its next request.
  function writeHeadWhileDraining(
    this: http.ServerResponse,
    ...args: Parameters<typeof writeHead>
  ): http.ServerResponse {
    if (drain.closingConnections && !this.headersSent) this.setHeader('Connection', 'close');
    return writeHead.apply(this, args);
  }
  const schema = await buildAppSchema(deps.resolvers);
  // Queries and mutations run compiled (execution.ts), over HTTP and over graphql-ws alike.
  const execute = compiledExecution(schema, logger);
  const app = express();
  const server = http.createServer(app);
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(process.env.TRUST_PROXY));

  app.use((req, res, next) => {
    const incoming = req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    // Decided when the head is written: a request that began during the grace period and ends
    // after it closes its connection too.
    res.writeHead = writeHeadWhileDraining as typeof res.writeHead;
    res.on('finish', () => {
      // A route that must leave no trace of when someone used it (reporting operations, report
      // uploads and pages) opts out. So do the web client's files: the same for everyone, and
      // the reporter pages load them too (their time would tell when someone opened one).
      if (res.locals.unlogged || isWebClientFile(req)) return;
      logger.info(
        {
          requestId,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    });
    next();
  });
  app.use(securityHeaders(config.env === 'production'));

  // Liveness: the process works, whatever the database does, unless its pool is wedged (all
  // connections held, requests waiting, nothing given back): only a restart cures that.
  app.get('/healthz', (_req, res) => {
    const wedged = health.wedged();
    if (wedged) res.status(503).json({ status: 'wedged', reason: wedged });
    else res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (drain.draining) {
      // A fixed word, no detail: the load balancer's logs say why this instance left.
      res.status(503).json({ status: 'not ready', reason: 'shutting down' });
      return;
    }
    const { ready, reason } = await deps.readiness().then(
      (answer): { ready: boolean; reason?: string } => {
        health.available();
        return answer;
      },
      (error: Error) => {
        // An outage is logged once by DatabaseHealth, not once per probe.
        if (isDatabaseOutage(error)) health.outage(error);
        return { ready: false, reason: isDatabaseOutage(error) ? undefined : error.message };
      },
    );
    // The reason (a database error, pending migrations) is for the operators, not for anyone
    // who asks.
    if (!ready && reason) logger.warn({ reason }, 'not ready');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready' });
  });

  /**
   * Variables that do not fit their declared types (a wrong type, a null for a non-null, a list
   * nested too deep): the same `BAD_USER_INPUT` errors Apollo answers over HTTP. graphql-js's
   * execute and subscribe return them without a code, which would mask them as internal.
   */
  function variableErrors(
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | null | undefined,
  ): GraphQLError[] | undefined {
    // No such operation: execute answers that itself.
    const operation = getOperationAST(document, operationName);
    if (!operation) return undefined;
    const coerced = getVariableValues(
      schema,
      operation.variableDefinitions ?? [],
      variables ?? {},
      {
        maxErrors: 50,
      },
    );
    return coerced.errors?.map(
      (error) =>
        new GraphQLError(error.message, {
          nodes: error.nodes,
          extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
        }),
    );
  }

  /** A subscription event's result as sent: internal errors logged, every error formatted. */
  const subscriptionResult = (result: ExecutionResult): ExecutionResult => {
    if (!result.errors?.length) return result;
    for (const error of result.errors) {
      const code = error.extensions?.code;
      if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
        logger.error(
          { err: error.originalError ?? error, path: error.path },
          'subscription event failed',
        );
      }
    }
    return {
      ...result,
      errors: result.errors.map((error) => formatErrorAsGraphQL(error, exposeInternals)),
    };
  };
  const subscriptionDocuments = documentCache();
  const wsServer = new WebSocketServer({ server, path: '/graphql', maxPayload: MAX_BODY_BYTES });
  // Each socket's credential, checked for every operation and ended with its revocation or
  // expiry on every instance; the caps on sockets, subscriptions and messages (see the module).
  const sockets = new SocketCredentials({
    pubsub,
    authenticate,
    limits: config.sockets,
    logger,
  });
  sockets.start();
  // Registered before graphql-ws's own listener, so that it sees each socket (and each of its
  // messages) first. The address is the client's, as `req.ip` would say (TRUST_PROXY).
  const trustProxy = app.get('trust proxy fn') as Parameters<typeof proxyAddr>[1];
  wsServer.on('connection', (socket, request) => {
    sockets.attach(socket, proxyAddr(request, trustProxy));
  });
  const wsCleanup = useServer<Record<string, unknown>, { clientAddress?: string }>(
    {
      schema,
      async onConnect(ctx) {
        const request = ctx.extra.request;
        const params = ctx.connectionParams ?? {};
        const authorization =
          typeof params.authorization === 'string'
            ? params.authorization
            : request.headers.authorization;
        const secret = secretFromHeaders({
          cookie: cookieFromOwnPage(request, deps.publicUrl()),
          authorization,
        });
        const viewer = secret ? await authenticate(secret) : ANONYMOUS;
        if (!viewer) return false;
        // Once per socket, not once per operation.
        ctx.extra.clientAddress =
          sockets.addressOf(ctx.extra.socket) ?? request.socket.remoteAddress ?? 'unknown';
        return sockets.admit(ctx.extra.socket, viewer, secret);
      },
      context(ctx, id): Context {
        const request = ctx.extra.request;
        const context: Context = {
          requestId: randomUUID(),
          transport: 'ws',
          logger,
          config,
          viewer: sockets.viewerOf(ctx.extra.socket),
          db: new ShortUnitOfWork(orm, () => settingsFor(context.viewer)),
          pubsub,
          rateLimiter,
          mailer: deps.mailer,
          sealer: deps.sealer,
          storage: deps.storage,
          publicUrl: deps.publicUrl(),
          clientAddress: ctx.extra.clientAddress ?? request.socket.remoteAddress ?? 'unknown',
          userAgent: request.headers['user-agent'],
          sessionCookie: noCookieOverWebSocket,
          loaders: new RequestCache(),
        };
        // A feature may send this subscription's `next` frames itself (one serialised answer for
        // many subscribers, see shared-answers.ts): same socket, same id, same formatting, and
        // nothing once graphql-ws considers the subscription over.
        const socket = ctx.extra.socket;
        attachFrameChannel(context, {
          id,
          send(frame) {
            if (id in ctx.subscriptions && socket.readyState === WebSocket.OPEN) socket.send(frame);
          },
          format: subscriptionResult,
        });
        return context;
      },
      // Apollo's plugins and validation rules do not see graphql-ws operations: apply the same here.
      // A hall subscribing to one page sends one document thousands of times: parse and
      // validate it once (the same document object also lets their answers be shared).
      async onSubscribe(ctx, id, payload) {
        // The credential as it is now, and the socket's message rate, before anything runs.
        const refused = await sockets.refusal(ctx.extra.socket);
        if (refused) return refused;
        let checked = subscriptionDocuments.get(payload.query);
        if (!checked) {
          checked = checkDocument(schema, payload.query);
          subscriptionDocuments.set(payload.query, checked);
        }
        if (isErrorList(checked)) return [...checked];
        const full = sockets.subscriptionRefusal(
          ctx.extra.socket,
          ctx.subscriptions,
          id,
          checked,
          payload.operationName,
        );
        if (full) return full;
        const badVariables = variableErrors(checked, payload.operationName, payload.variables);
        if (badVariables) return badVariables;
        return {
          schema,
          document: checked,
          operationName: payload.operationName,
          variableValues: payload.variables,
        };
      },
      // Queries and mutations over the socket (the vote storm) run compiled, like HTTP's;
      // subscriptions keep graphql-js's subscribe (their answers may be shared, see above).
      execute,
      subscribe: subscribeSharing,
      onNext(_ctx, _id, _payload, _args: ExecutionArgs, result) {
        return subscriptionResult(result);
      },
    },
    wsServer,
  );

  // Integrity reports' attachments: anonymous uploads, handlers' downloads (see reports.http.ts).
  app.use(
    reportFileRoutes({
      ...deps,
      unitOfWork: (viewer) => new ShortUnitOfWork(orm, () => settingsFor(viewer)),
    }),
  );

  const apollo = new ApolloServer<Context>({
    // The schema, executed by `execute` (Apollo's only way to take another executor).
    gateway: executionGateway(schema, outageAware(execute, health)),
    csrfPrevention: true,
    // Whoever hosts Alany owns the signals (main.ts drains and exits; the bench and the tests stop
    // it themselves). Apollo's own SIGTERM handler would stop Apollo alone and re-raise the signal,
    // and a host's close() would then wait on the half-stopped server for ever.
    stopOnTerminationSignals: false,
    introspection: true,
    includeStacktraceInErrorResponses: exposeInternals,
    parseOptions,
    validationRules: [...limitRules],
    formatError: (formatted, error) => formatError(formatted, error, exposeInternals),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      // Nothing sets cache hints (every answer is no-store); the default plugin would still wrap
      // every field of every answer (750 calls for a 50-post thread page).
      ApolloServerPluginCacheControlDisabled(),
      tokenLimitPlugin,
      operationTransactionPlugin(logger, health),
      rateLimitedStatusPlugin,
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  /**
   * The context of one HTTP request: its viewer and its one transaction. With `eager`, a session
   * secret begins the transaction at once, the session lookup and the viewer's settings in the
   * same round trip as `BEGIN`; a request without a session begins none until it reads.
   */
  const httpContext = async (
    req: Request,
    res: Response,
    eager = false,
    anonymous = false,
  ): Promise<Context> => {
    // A reporting operation resolves no session, even when the browser sent a cookie along: it
    // would refresh the session's last-seen time and tie the report to the account.
    const reporting = res.locals.reporting === true;
    const secret =
      reporting || anonymous
        ? undefined
        : secretFromHeaders({
            cookie: req.headers.cookie,
            authorization: req.headers.authorization,
          });
    // The settings are read at the first statement, when `context` exists (the viewer may change
    // during the operation: signing in); a session's begin sets them itself.
    const db = new OperationUnitOfWork(orm, () => settingsFor(context.viewer));
    let viewer: Viewer | undefined;
    try {
      viewer = !secret
        ? ANONYMOUS
        : await ((eager ? deps.beginSession?.(db, secret) : null) ?? authenticate(secret));
    } catch (error) {
      if (!isDatabaseOutage(error)) throw error;
      health.outage(error);
      throw serviceUnavailable(health.retryAfterSeconds);
    }
    if (!viewer) throw refusedToken();
    const secure = config.env === 'production';
    const context: Context = {
      requestId: String(res.locals.requestId),
      transport: 'http',
      logger: logger.child({ requestId: res.locals.requestId }),
      config,
      viewer,
      db,
      pubsub,
      rateLimiter,
      mailer: deps.mailer,
      sealer: deps.sealer,
      storage: deps.storage,
      publicUrl: deps.publicUrl(),
      clientAddress: reporting
        ? clientPseudonym(req.ip ?? req.socket.remoteAddress)
        : (req.ip ?? req.socket.remoteAddress ?? 'unknown'),
      reporting,
      userAgent: reporting ? undefined : req.headers['user-agent'],
      sessionCookie: reporting
        ? noCookieOverWebSocket
        : {
            set: (secret, expiresAt) =>
              res.append('Set-Cookie', sessionCookie(secret, expiresAt, secure)),
            clear: () => res.append('Set-Cookie', clearedSessionCookie(secure)),
          },
      loaders: new RequestCache(),
    };
    // A client that goes away mid-request must not leave its transaction open (an anonymous
    // read's caller ends its own: it makes many per request).
    if (!anonymous)
      res.on('close', () => {
        if (db.started) void db.finish(false).catch(() => undefined);
      });
    return context;
  };

  app.use(
    '/graphql',
    (_req, res, next) => {
      // Nothing an API answer holds should be cached by a browser or leak through a Referer.
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Referrer-Policy', 'no-referrer');
      next();
    },
    express.json({ limit: MAX_BODY_BYTES }),
    (req, res, next) => {
      if (isReportingRequest(req)) {
        res.locals.reporting = true;
        res.locals.unlogged = true;
      }
      next();
    },
    refuseOverLimits(schema, (error) => formatError(error.toJSON(), error, exposeInternals)),
    expressMiddleware(apollo, {
      context: ({ req, res }: { req: Request; res: Response }) => httpContext(req, res, true),
    }),
  );

  app.use(
    fileRoutes({
      storage: deps.storage,
      maxUploadBytes: config.maxUploadBytes,
      contextFor: httpContext,
      finish: async (context, commit) => {
        const db = context.db as OperationUnitOfWork;
        if (db.started) await db.finish(commit);
      },
    }),
  );

  // Link previews and the sitemap read the API as the anonymous viewer: the same resolvers,
  // policies and row-level security as a signed-out request.
  const readAnonymously: ReadAnonymously = async (req, res, query, variables) => {
    const contextValue = await httpContext(req, res, false, true);
    try {
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') return { errors: ['incremental answer'] };
      return response.body.singleResult;
    } finally {
      const db = contextValue.db as OperationUnitOfWork;
      if (db.started) await db.finish(false);
    }
  };
  const previews = { readAnonymously, rateLimiter, publicUrl: deps.publicUrl };
  app.use(previewRoutes(previews));
  if (deps.webDist && serveWebClient(app, deps.webDist, describePage(previews))) {
    logger.debug({ dir: deps.webDist }, 'serving the web client');
  }

  const onError: ErrorRequestHandler = (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    if (isDatabaseOutage(error)) {
      health.outage(error);
      res.setHeader('Retry-After', String(health.retryAfterSeconds));
      res.status(503).json({
        errors: [
          {
            message: serviceUnavailable(health.retryAfterSeconds).message,
            extensions: { code: 'SERVICE_UNAVAILABLE' },
          },
        ],
      });
      return;
    }
    const status = (error as { status?: number }).status ?? 500;
    if (status === 413) {
      res.status(413).json({
        errors: [
          {
            message: `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`,
            extensions: { code: 'PAYLOAD_TOO_LARGE' },
          },
        ],
      });
      return;
    }
    if (status >= 400 && status < 500) {
      res.status(status).json({
        errors: [
          { message: 'The request could not be read.', extensions: { code: 'BAD_REQUEST' } },
        ],
      });
      return;
    }
    logger.error({ err: error }, 'unhandled HTTP error');
    res.status(500).json({
      errors: [
        {
          message: 'Something went wrong on our side.',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
  };
  app.use(onError);

  let closing: Promise<void> | undefined;
  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        // A hall of people joining at once: a deeper accept queue than Node's default of 511.
        server.listen({ port, host, backlog: 4096 }, () =>
          resolve(server.address() as AddressInfo),
        );
      }),
    health,
    close: () => {
      closing ??= (async () => {
        // Not ready any more, while still serving: the load balancer takes this instance out.
        drain.draining = true;
        if (config.drainGraceMs > 0 && server.listening) {
          logger.info({ graceMs: config.drainGraceMs }, 'draining');
          await new Promise((resolve) => setTimeout(resolve, config.drainGraceMs));
        }
        // Then every answer closes its connection, and the port closes (Apollo's drain plugin:
        // idle connections at once, requests under way when they finish).
        drain.closingConnections = true;
        for (const client of wsServer.clients) client.close(1001, 'Server is shutting down');
        await sockets.stop();
        await apollo.stop();
        await new Promise<void>((resolve) => wsServer.close(() => resolve()));
        if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closing;
    },
  };
}

/**
 * The session cookie rides along with a WebSocket handshake from any page of the same site, and
 * browsers apply no CORS to WebSockets: a socket signed in by cookie must come from Alany's own
 * pages (the Origin names this host or the public URL). Programs send no Origin and use tokens
 * in connectionParams; a handshake from another origin still connects, as nobody.
 */
function cookieFromOwnPage(request: IncomingMessage, publicUrl: string): string | undefined {
  const origin = request.headers.origin;
  if (origin === undefined) return request.headers.cookie;
  try {
    const from = new URL(origin);
    const own = from.host === request.headers.host || from.origin === new URL(publicUrl).origin;
    return own ? request.headers.cookie : undefined;
  } catch {
    return undefined;
  }
}

function formatErrorAsGraphQL(error: GraphQLError, exposeInternals: boolean): GraphQLError {
  const formatted = formatError(error.toJSON(), error, exposeInternals);
  return new GraphQLError(formatted.message, {
    path: formatted.path,
    extensions: formatted.extensions,
  });
}

function isErrorList(
  checked: DocumentNode | readonly GraphQLError[],
): checked is readonly GraphQLError[] {
  return Array.isArray(checked);
}

/** The built web client's own files (scripts, styles, icons): the same for every visitor. */
function isWebClientFile(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = req.originalUrl.split('?')[0] ?? '';
  return (
    path.startsWith('/assets/') || /^\/[\w.-]+\.(ico|png|svg|webmanifest|txt|js|css)$/.test(path)
  );
}

/**
 * TRUST_PROXY: unset or `false` trusts no proxy (the socket's address is the client); a number
 * trusts that many hops; `true` trusts every hop (only behind a proxy that overwrites
 * X-Forwarded-For); anything else is a comma-separated list of proxy addresses or subnets.
 */
export function trustProxySetting(raw: string | undefined): boolean | number | string {
  const value = raw?.trim();
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

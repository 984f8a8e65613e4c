import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ValidationError } from 'class-validator';
import { isDatabaseOutage } from '../database/health.js';

/** What a client is asked to wait, in seconds, when the database cannot be reached. */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'RATE_LIMITED'
  | 'CONFLICT'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** One problem with one input field: `reason` is stable for clients to translate, `message` is English. */
export interface FieldProblem {
  field: string;
  reason: string;
  message: string;
}

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class BadUserInput extends AppError {
  constructor(fields: FieldProblem[], message?: string) {
    super('BAD_USER_INPUT', message ?? fields.map((f) => `${f.field}: ${f.message}`).join('; '), {
      fields,
    });
  }

  static field(field: string, reason: string, message: string): BadUserInput {
    return new BadUserInput([{ field, reason, message }]);
  }
}

export const unauthenticated = (message = 'Sign in to do this.') =>
  new AppError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You are not allowed to do this.') =>
  new AppError('FORBIDDEN', message);
/** The same answer whether the thing does not exist or belongs to someone the viewer cannot see. */
export const notFound = (what = 'The item') => new AppError('NOT_FOUND', `${what} was not found.`);
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError('RATE_LIMITED', `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, {
    retryAfter: retryAfterSeconds,
  });

/**
 * The database cannot be reached for now (an outage, a restart, a full pool): not the client's
 * fault and not a bug. HTTP answers 503 with Retry-After (Apollo takes `http` from the error and
 * leaves it out of the answer); `retryAfter` tells clients over WebSocket the same.
 */
export const serviceUnavailable = (retryAfterSeconds: number) =>
  new AppError(
    'SERVICE_UNAVAILABLE',
    'Alany cannot reach its database right now. Please try again in a moment.',
    {
      retryAfter: retryAfterSeconds,
      http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  );

const constraintReason: Record<string, string> = {
  isEmail: 'INVALID_EMAIL',
  minLength: 'TOO_SHORT',
  maxLength: 'TOO_LONG',
  isLength: 'INVALID_LENGTH',
  isEmailAddress: 'INVALID_EMAIL',
  isIn: 'NOT_ALLOWED',
  isEnum: 'NOT_ALLOWED',
  matches: 'INVALID_FORMAT',
  isNotEmpty: 'REQUIRED',
  isUrl: 'INVALID_URL',
  isUUID: 'INVALID_ID',
  arrayMaxSize: 'TOO_MANY',
};

export function problemsFromValidation(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      reason: constraintReason[constraint] ?? 'INVALID',
      message,
    }));
    return [...own, ...problemsFromValidation(error.children ?? [], field)];
  });
}

const KNOWN_CODES = new Set<string>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'RATE_LIMITED',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  // Apollo's own request-level codes
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The one place where errors leave the server, for HTTP and WebSocket alike: known errors pass
 * with their code; class-validator failures become BAD_USER_INPUT with per-field problems;
 * anything else is masked so no SQL, stack or internal message reaches a client outside development.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  exposeInternals: boolean,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const validationErrors = (original as { extensions?: { validationErrors?: ValidationError[] } })
    ?.extensions?.validationErrors;
  if (Array.isArray(validationErrors)) {
    const fields = problemsFromValidation(validationErrors);
    return {
      message: fields.map((f) => `${f.field}: ${f.message}`).join('; ') || 'Invalid input.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', fields },
    };
  }
  if (isDatabaseOutage(original)) {
    // Over WebSocket (HTTP answers were turned into serviceUnavailable before this).
    const { extensions } = serviceUnavailable(DEFAULT_RETRY_AFTER_SECONDS);
    return {
      message: 'Alany cannot reach its database right now. Please try again in a moment.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: extensions.retryAfter },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code)) {
    if (exposeInternals) return formatted;
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (exposeInternals) return formatted;
  return {
    message: 'Something went wrong on our side. Please try again.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

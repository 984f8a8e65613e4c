import { CombinedGraphQLErrors } from '@apollo/client';
import type { Translator } from './i18n/translate';

/** Mirrors the server's limits (accounts.inputs.ts), only to word its messages. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

/** One problem with one input field, as the server sends it in extensions.fields. */
export interface FieldProblem {
  field: string;
  reason: string;
  message: string;
}

export interface ErrorView<F extends string> {
  /** A sentence for the top of the form or page, or null when the fields say it all. */
  summary: string | null;
  /** The message to show beside each named input. */
  fields: Partial<Record<F, string>>;
}

interface Tools {
  t: Translator['t'];
  has: Translator['has'];
  wait(seconds: number): string;
}

/** Password inputs share the wording of `password`. */
const FIELD_FAMILY: Record<string, string> = {
  newPassword: 'password',
  currentPassword: 'password',
};

function isFieldProblem(value: unknown): value is FieldProblem {
  const v = value as Partial<FieldProblem> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.field === 'string' &&
    typeof v.reason === 'string' &&
    typeof v.message === 'string'
  );
}

/** The allowed length, in the person's language: "Use 3 to 80 characters." */
export function lengthMessage(
  tools: Pick<Tools, 't'>,
  limits: { min?: number | null; max?: number | null },
): string | null {
  const { min, max } = limits;
  if (min != null && max != null) return tools.t('fieldError.length.between', { min, max });
  if (max != null) return tools.t('fieldError.length.atMost', { max });
  if (min != null) return tools.t('fieldError.length.atLeast', { min });
  return null;
}

/** A number as the server writes it in English: "20000", "20 000". */
const NUMBER = String.raw`(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)`;
const toNumber = (text: string) => Number(text.replace(/\D/g, ''));

/**
 * The limits a length problem names. The server's problem carries them only in its English
 * message (class-validator keeps a constraint's numbers out of the error), written either as
 * its own sentence ("A title has 1 to 200 characters.", "at most 2 000", "at least 10") or as
 * class-validator's default ("must be shorter than or equal to 60 characters").
 */
export function lengthLimits(message: string): { min?: number; max?: number } | null {
  const between = new RegExp(`${NUMBER} to ${NUMBER} characters`).exec(message);
  if (between) return { min: toNumber(between[1]!), max: toNumber(between[2]!) };
  const atMost = new RegExp(`(?:at most|shorter than or equal to) ${NUMBER}`).exec(message);
  if (atMost) return { max: toNumber(atMost[1]!) };
  const atLeast = new RegExp(`(?:at least|longer than or equal to) ${NUMBER}`).exec(message);
  if (atLeast) return { min: toNumber(atLeast[1]!) };
  return null;
}

const LENGTH_REASONS = new Set(['INVALID_LENGTH', 'TOO_SHORT', 'TOO_LONG']);

/**
 * The field's translated message: a length problem states the allowed length; otherwise by
 * field and reason, else by reason, else the server's English.
 */
export function fieldMessage(tools: Tools, problem: FieldProblem): string {
  const name = problem.field.replace(/^input\./, '');
  const family = FIELD_FAMILY[name] ?? name;
  // Passwords keep their own sentences, which already name PASSWORD_MIN and PASSWORD_MAX.
  if (LENGTH_REASONS.has(problem.reason) && family !== 'password') {
    const limits = lengthLimits(problem.message);
    const text = limits && lengthMessage(tools, limits);
    if (text) return text;
  }
  const params = { min: PASSWORD_MIN, max: PASSWORD_MAX };
  for (const key of [`fieldError.${family}.${problem.reason}`, `fieldError.${problem.reason}`]) {
    if (tools.has(key)) return tools.t(key, params);
  }
  return problem.message;
}

/**
 * Turns what a query or mutation threw into words for the person: BAD_USER_INPUT problems go
 * beside the inputs named in `fieldNames` (anything else goes to the summary), RATE_LIMITED says
 * how long to wait, a network failure says so.
 */
export function describeError<F extends string>(
  error: unknown,
  tools: Tools,
  fieldNames: readonly F[] = [],
): ErrorView<F> {
  const fields: Partial<Record<F, string>> = {};
  if (!CombinedGraphQLErrors.is(error)) {
    // The server answers 503 while its database cannot be reached (SERVICE_UNAVAILABLE).
    if ((error as { statusCode?: unknown } | null)?.statusCode === 503) {
      return { summary: tools.t('error.unavailable'), fields };
    }
    const offline = error instanceof TypeError || (error as Error | null)?.name === 'ServerError';
    return { summary: tools.t(offline ? 'error.network' : 'error.unexpected'), fields };
  }
  const sentences: string[] = [];
  let matchedField = false;
  for (const graphQLError of error.errors) {
    const extensions = graphQLError.extensions ?? {};
    switch (extensions.code) {
      case 'BAD_USER_INPUT': {
        const problems = Array.isArray(extensions.fields)
          ? extensions.fields.filter(isFieldProblem)
          : [];
        if (!problems.length) sentences.push(graphQLError.message);
        for (const problem of problems) {
          const name = problem.field.replace(/^input\./, '') as F;
          const text = fieldMessage(tools, problem);
          if (fieldNames.includes(name)) {
            matchedField = true;
            fields[name] ??= text;
          } else {
            sentences.push(text);
          }
        }
        break;
      }
      case 'RATE_LIMITED': {
        const seconds = Number(extensions.retryAfter);
        sentences.push(
          tools.t('error.rateLimited', {
            wait: tools.wait(Number.isFinite(seconds) ? seconds : 60),
          }),
        );
        break;
      }
      case 'UNAUTHENTICATED':
        sentences.push(tools.t('error.unauthenticated'));
        break;
      case 'FORBIDDEN':
        sentences.push(tools.t('error.forbidden'));
        break;
      case 'NOT_FOUND':
        sentences.push(tools.t('error.notFound'));
        break;
      case 'SERVICE_UNAVAILABLE':
        sentences.push(tools.t('error.unavailable'));
        break;
      default:
        sentences.push(tools.t('error.unexpected'));
    }
  }
  const unique = [...new Set(sentences)];
  const summary = unique.length
    ? unique.join(' ')
    : matchedField
      ? tools.t('common.fixErrors')
      : null;
  return { summary, fields };
}

/** What the server said, one entry per problem: for pages that word some cases themselves. */
export interface ServerProblem {
  code: string;
  /** The BAD_USER_INPUT reason, such as INVITATION_EXPIRED. */
  reason: string | null;
  message: string;
}

export function serverProblems(error: unknown): ServerProblem[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.flatMap((graphQLError): ServerProblem[] => {
    const extensions = graphQLError.extensions ?? {};
    const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL';
    const problems = Array.isArray(extensions.fields)
      ? extensions.fields.filter(isFieldProblem)
      : [];
    if (!problems.length) return [{ code, reason: null, message: graphQLError.message }];
    return problems.map((problem) => ({ code, reason: problem.reason, message: problem.message }));
  });
}

import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { describeError } from './errors';
import { createTranslator, formatWait } from './i18n/translate';
import type { Locale } from './i18n/messages';

function tools(locale: Locale) {
  const translator = createTranslator(locale);
  return { ...translator, wait: (seconds: number) => formatWait(locale, seconds) };
}

function graphQLError(extensions: Record<string, unknown>, message = 'Server message') {
  return new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions }] });
}

describe('describeError', () => {
  it('puts each BAD_USER_INPUT problem beside the field it names, translated by reason', () => {
    const error = graphQLError({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'password', reason: 'TOO_SHORT', message: 'A password needs at least 10…' },
        { field: 'email', reason: 'INVALID_EMAIL', message: 'Enter a valid e-mail address.' },
      ],
    });
    const view = describeError(error, tools('ru'), ['email', 'password', 'displayName']);
    expect(view.fields).toEqual({
      password: 'Пароль должен содержать не менее 10 символов.',
      email: 'Введите правильный адрес электронной почты, например name@example.kz.',
    });
    expect(view.summary).toBe('Исправьте, пожалуйста, отмеченные ниже поля.');
  });

  it('accepts an input.-prefixed field name and words newPassword like password', () => {
    const error = graphQLError({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.newPassword', reason: 'TOO_SHORT', message: 'Too short' }],
    });
    expect(describeError(error, tools('en'), ['newPassword']).fields.newPassword).toBe(
      'A password needs at least 10 characters.',
    );
  });

  it('says Alany is briefly unavailable for SERVICE_UNAVAILABLE and an HTTP 503, and words INVALID_CHARACTER', () => {
    expect(describeError(graphQLError({ code: 'SERVICE_UNAVAILABLE' }), tools('kk')).summary).toBe(
      'Alany біраз уақытқа қолжетімсіз. Сәлден соң қайталап көріңіз.',
    );
    const http503 = Object.assign(new Error('Response not successful'), {
      name: 'ServerError',
      statusCode: 503,
    });
    expect(describeError(http503, tools('ru')).summary).toBe(
      'Alany ненадолго недоступна. Попробуйте ещё раз через минуту.',
    );
    const error = graphQLError({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.body', reason: 'INVALID_CHARACTER', message: 'Text cannot…' }],
    });
    expect(describeError(error, tools('en'), ['body']).fields.body).toBe(
      'This text contains a character that cannot be saved.',
    );
  });

  it("falls back to the server's message for an unknown reason", () => {
    const error = graphQLError({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'email', reason: 'SOMETHING_NEW', message: 'A new kind of problem.' }],
    });
    expect(describeError(error, tools('kk'), ['email']).fields.email).toBe(
      'A new kind of problem.',
    );
  });

  it('puts a problem with a field the form does not show into the summary', () => {
    const error = graphQLError({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'locale', reason: 'NOT_ALLOWED', message: 'Not an allowed value.' }],
    });
    const view = describeError(error, tools('en'), ['email']);
    expect(view.fields).toEqual({});
    expect(view.summary).toBe('Not an allowed value.');
  });

  it('says how long to wait when rate limited, in the language', () => {
    const error = graphQLError({ code: 'RATE_LIMITED', retryAfter: 300 });
    expect(describeError(error, tools('en')).summary).toBe(
      'Too many attempts. Try again in 5 minutes.',
    );
    expect(describeError(error, tools('ru')).summary).toBe(
      'Слишком много попыток. Попробуйте снова через 5 минут.',
    );
    expect(describeError(error, tools('kk')).summary).toMatch(/^Әрекет тым көп\. 5 минут/);
  });

  it('calls a failed fetch a network problem', () => {
    expect(describeError(new TypeError('Failed to fetch'), tools('en')).summary).toBe(
      'Alany cannot be reached. Check your connection and try again.',
    );
  });
});

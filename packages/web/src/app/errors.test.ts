import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { describeError, lengthLimits } from './errors';
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

describe('length problems', () => {
  const problem = (message: string, reason = 'INVALID_LENGTH', field = 'title') =>
    graphQLError({ code: 'BAD_USER_INPUT', fields: [{ field, reason, message }] }, message);

  it('state the allowed length the server names, in each language', () => {
    const error = problem('A title has 1 to 200 characters.');
    expect(describeError(error, tools('en'), ['title']).fields.title).toBe(
      'Use 1 to 200 characters.',
    );
    expect(describeError(error, tools('ru'), ['title']).fields.title).toBe(
      'Количество символов: от 1 до 200.',
    );
    expect(describeError(error, tools('kk'), ['title']).fields.title).toBe('Таңба саны: 1–200.');
  });

  it('read grouped thousands and class-validator’s own sentences', () => {
    expect(lengthLimits('Describe what happened (1 to 20 000 characters).')).toEqual({
      min: 1,
      max: 20000,
    });
    expect(lengthLimits('A description has at most 5 000 characters.')).toEqual({ max: 5000 });
    expect(lengthLimits('slug must be longer than or equal to 2 characters')).toEqual({ min: 2 });
    expect(lengthLimits('name must be shorter than or equal to 64 characters')).toEqual({
      max: 64,
    });
    expect(lengthLimits('Choose a category.')).toBeNull();
    const long = problem('A description has at most 20000 characters.', 'TOO_LONG', 'body');
    expect(describeError(long, tools('en'), ['body']).fields.body).toBe(
      'Use at most 20,000 characters.',
    );
  });

  it('never say only “the wrong length” when the server gave numbers', () => {
    for (const locale of ['kk', 'ru', 'en'] as const) {
      const generic = createTranslator(locale).t('fieldError.INVALID_LENGTH');
      const text = describeError(
        problem('A name has 2 to 120 characters.', 'INVALID_LENGTH', 'name'),
        tools(locale),
        ['name'],
      ).fields.name;
      expect(text).not.toBe(generic);
      expect(text).toMatch(/120/);
    }
  });

  it('word a length problem without numbers by its field', () => {
    const error = problem('Choose a category.', 'INVALID_LENGTH', 'category');
    expect(describeError(error, tools('en'), ['category']).fields.category).toBe(
      'Choose a category.',
    );
  });
});

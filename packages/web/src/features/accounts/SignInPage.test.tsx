import { GraphQLError } from 'graphql';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockedResponse } from '@apollo/client/testing';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../app/i18n/I18nProvider';
import type { Locale } from '../../app/i18n/messages';
import { accountRoutes } from './routes';
import { SignInDocument, ViewerDocument } from '../../gql/graphql';

const guest: MockedResponse = {
  request: { query: ViewerDocument },
  result: { data: { viewer: null } },
  maxUsageCount: Infinity,
};

function signInFails(error: GraphQLError): MockedResponse {
  return {
    request: {
      query: SignInDocument,
      variables: { input: { email: 'aigerim@example.kz', password: 'nope' } },
    },
    result: { errors: [error] },
  };
}

function renderSignIn(mocks: MockedResponse[], locale: Locale = 'en') {
  const router = createMemoryRouter(accountRoutes, { initialEntries: ['/sign-in'] });
  render(
    <MockedProvider mocks={[guest, ...mocks]}>
      <I18nProvider initial={locale}>
        <RouterProvider router={router} />
      </I18nProvider>
    </MockedProvider>,
  );
}

async function submit(
  user: ReturnType<typeof userEvent.setup>,
  emailLabel: string,
  passwordLabel: string,
  button: string,
) {
  await user.type(await screen.findByLabelText(emailLabel), 'aigerim@example.kz');
  await user.type(screen.getByLabelText(passwordLabel), 'nope');
  await user.click(screen.getByRole('button', { name: button }));
}

describe('the sign-in form', () => {
  it('shows wrong credentials beside the password field, linked for screen readers', async () => {
    const user = userEvent.setup();
    renderSignIn([
      signInFails(
        new GraphQLError('The e-mail address or password is wrong.', {
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [
              {
                field: 'password',
                reason: 'WRONG_CREDENTIALS',
                message: 'The e-mail address or password is wrong.',
              },
            ],
          },
        }),
      ),
    ]);
    await submit(user, 'E-mail address', 'Password', 'Sign in');
    const message = await screen.findByText('The e-mail address or password is wrong.', {
      selector: '.field__error',
    });
    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getByLabelText('E-mail address').getAttribute('aria-invalid')).toBeNull();
    // The error summary at the top of the form has focus and links to the field.
    const summary = screen.getByRole('alert', { name: 'There is a problem' });
    expect(document.activeElement).toBe(summary);
    expect(summary.querySelector('a')?.textContent).toBe(
      'Password: The e-mail address or password is wrong.',
    );
  });

  it('says in Russian how long to wait when rate limited', async () => {
    const user = userEvent.setup();
    renderSignIn(
      [
        signInFails(
          new GraphQLError('Too many attempts. Try again in 120 seconds.', {
            extensions: { code: 'RATE_LIMITED', retryAfter: 120 },
          }),
        ),
      ],
      'ru',
    );
    await submit(user, 'Адрес электронной почты', 'Пароль', 'Войти');
    const summary = await screen.findByRole('alert', { name: 'Исправьте ошибки' });
    expect(summary.querySelector('li')?.textContent).toBe(
      'Слишком много попыток. Попробуйте снова через 2 минуты.',
    );
  });
});

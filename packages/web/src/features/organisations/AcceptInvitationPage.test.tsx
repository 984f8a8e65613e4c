import { GraphQLError } from 'graphql';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockedResponse } from '@apollo/client/testing';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../app/i18n/I18nProvider';
import type { Locale } from '../../app/i18n/messages';
import { AcceptInvitationDocument, ViewerDocument } from '../../gql/graphql';
import { invitationRoutes } from './routes';

const signedIn: MockedResponse = {
  request: { query: ViewerDocument },
  result: {
    data: {
      viewer: {
        __typename: 'User',
        id: 'u1',
        displayName: 'Daniyar Bekov',
        email: 'daniyar@example.kz',
        locale: 'en',
        createdAt: '2026-11-27T10:00:00Z',
      },
    },
  },
  maxUsageCount: Infinity,
};

const guest: MockedResponse = {
  request: { query: ViewerDocument },
  result: { data: { viewer: null } },
  maxUsageCount: Infinity,
};

function acceptFails(error: GraphQLError): MockedResponse {
  return {
    request: { query: AcceptInvitationDocument, variables: { input: { token: 'secret-1' } } },
    result: { errors: [error] },
  };
}

function renderPage(mocks: MockedResponse[], locale: Locale = 'en') {
  const router = createMemoryRouter(invitationRoutes, {
    initialEntries: ['/invitations/accept?token=secret-1'],
  });
  render(
    <MockedProvider mocks={mocks}>
      <I18nProvider initial={locale}>
        <RouterProvider router={router} />
      </I18nProvider>
    </MockedProvider>,
  );
}

describe('the accept-invitation page', () => {
  it('asks a signed-out person to sign in or sign up, and to come back here', async () => {
    renderPage([guest]);
    const signIn = await screen.findByRole('link', { name: 'Sign in' });
    expect(signIn.getAttribute('href')).toBe(
      '/sign-in?next=%2Finvitations%2Faccept%3Ftoken%3Dsecret-1',
    );
    expect(screen.getByRole('link', { name: 'Create an account' }).getAttribute('href')).toBe(
      '/sign-up?next=%2Finvitations%2Faccept%3Ftoken%3Dsecret-1',
    );
  });

  it('says in words that the invitation expired', async () => {
    const user = userEvent.setup();
    renderPage([
      signedIn,
      acceptFails(
        new GraphQLError('This invitation has expired.', {
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [{ field: 'token', reason: 'INVITATION_EXPIRED', message: 'Expired.' }],
          },
        }),
      ),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Accept invitation' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This invitation has expired. Ask the organisation for a new one.',
    );
  });

  it('names the other address in Russian when the invitation was sent elsewhere', async () => {
    const user = userEvent.setup();
    renderPage(
      [
        signedIn,
        acceptFails(
          new GraphQLError(
            'This invitation was sent to a…@example.kz. Sign in with that address to accept it.',
            { extensions: { code: 'FORBIDDEN' } },
          ),
        ),
      ],
      'ru',
    );
    await user.click(await screen.findByRole('button', { name: 'Принять приглашение' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Приглашение отправлено на другой адрес (a…@example.kz). Выйдите и войдите с этим адресом, чтобы принять его.',
    );
  });
});

import { CombinedGraphQLErrors } from '@apollo/client';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../app/i18n/I18nProvider';
import type { Locale } from '../app/i18n/messages';
import { QueryBoundary } from './QueryBoundary';

function renderAt(element: ReactNode, locale: Locale = 'en') {
  const router = createMemoryRouter([{ path: '/s/:id', element }], {
    initialEntries: ['/s/42?tab=events'],
  });
  render(
    <I18nProvider initial={locale}>
      <RouterProvider router={router} />
    </I18nProvider>,
  );
}

const failure = (code: string) =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message: 'x', extensions: { code } }] });

const notFound = {
  title: 'This space does not exist',
  body: 'It may have been deleted.',
  link: { to: '/spaces', label: 'All spaces' },
};

describe('QueryBoundary', () => {
  it('says it is loading, politely', () => {
    renderAt(<QueryBoundary loading error={undefined} retry={() => {}} notFound={notFound} />);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
  });

  it('shows the page’s own not-found text when there is nothing, or the server says NOT_FOUND', () => {
    renderAt(
      <QueryBoundary
        loading={false}
        error={failure('NOT_FOUND')}
        retry={() => {}}
        notFound={notFound}
      />,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('This space does not exist');
    expect(screen.getByText('It may have been deleted.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'All spaces' }).getAttribute('href')).toBe('/spaces');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('falls back to the general not-found page', () => {
    renderAt(<QueryBoundary loading={false} error={undefined} retry={() => {}} />, 'ru');
    expect(screen.getByRole('link', { name: 'На главную' })).toBeTruthy();
  });

  it('offers to try again after a network failure, in the person’s language', async () => {
    const retry = vi.fn();
    renderAt(
      <QueryBoundary
        loading={false}
        error={new TypeError('Failed to fetch')}
        retry={retry}
        notFound={notFound}
      />,
      'kk',
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Alany');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Қайталау' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('asks to sign in, and comes back here after, when the session ended', () => {
    renderAt(<QueryBoundary loading={false} error={failure('UNAUTHENTICATED')} retry={() => {}} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in to see this page');
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe(
      '/sign-in?next=%2Fs%2F42%3Ftab%3Devents',
    );
  });

  it('says the page is not for this person, without a retry that cannot help', () => {
    renderAt(<QueryBoundary loading={false} error={failure('FORBIDDEN')} retry={() => {}} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('You cannot open this page');
    expect(screen.getByRole('alert').textContent).toBe('You are not allowed to do this.');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('stays inside a section when inline', () => {
    renderAt(
      <QueryBoundary
        inline
        loading={false}
        error={failure('INTERNAL_SERVER_ERROR')}
        retry={() => {}}
      />,
    );
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

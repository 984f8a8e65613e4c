import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../app/i18n/I18nProvider';
import type { Locale } from '../../app/i18n/messages';
import { CreateOrganisationPage } from './CreateOrganisationPage';
import { suggestSlug, transliterate } from './slug';

// Issue 26, item 6: a Cyrillic name used to suggest nothing ("Адал" → ""), so the address had
// to be typed by hand in Latin letters.
describe('suggestSlug', () => {
  it('keeps Latin letters and digits and joins the rest with single dashes', () => {
    expect(suggestSlug('Adal Almaty 2026!')).toBe('adal-almaty-2026');
    expect(suggestSlug('  Café  Öffentlich ')).toBe('cafe-offentlich');
  });

  it('writes Kazakh in the Latin alphabet of 2021, then keeps what an address allows', () => {
    expect(transliterate('Әділет Ғасыр Қоғам Таңғы Өнер Ұлт Үміт Һәм Іскер', 'kk')).toBe(
      'ädılet ğasyr qoğam tañğy öner ūlt ümıt häm ısker',
    );
    expect(suggestSlug('Әділетті Қоғам қоры', 'ru')).toBe('adiletti-qogam-qory');
    expect(suggestSlug('Шымкент жастары үшін', 'kk')).toBe('shymkent-jastary-ushin');
    expect(suggestSlug('Адал Алматы', 'kk')).toBe('adal-almaty');
  });

  it('writes Russian as passports do (ICAO 9303)', () => {
    expect(suggestSlug('Прозрачный Шымкент', 'ru')).toBe('prozrachnyi-shymkent');
    expect(suggestSlug('Щит и Юстиция', 'en')).toBe('shchit-i-iustitsiia');
    expect(suggestSlug('Центр «Честность» 2026', 'ru')).toBe('tsentr-chestnost-2026');
  });
});

function renderPage(locale: Locale) {
  const router = createMemoryRouter([{ path: '/', element: <CreateOrganisationPage /> }]);
  render(
    <MockedProvider mocks={[]}>
      <I18nProvider initial={locale}>
        <RouterProvider router={router} />
      </I18nProvider>
    </MockedProvider>,
  );
}

describe('the new organisation form', () => {
  it('suggests the address from a Cyrillic name, and stops once the person edits it', async () => {
    const user = userEvent.setup();
    renderPage('kk');
    const name = screen.getByLabelText('Атауы');
    const slug = screen.getByLabelText<HTMLInputElement>('Мекенжайы');
    await user.type(name, 'Адал Қоғам');
    expect(slug.value).toBe('adal-qogam');
    await user.clear(slug);
    await user.type(slug, 'adal');
    await user.type(name, ' Алматы');
    expect(slug.value).toBe('adal');
  });
});

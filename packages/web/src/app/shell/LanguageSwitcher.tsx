import { useMutation } from '@apollo/client/react';
import { useId } from 'react';
import { UPDATE_PROFILE } from '../../features/settings/documents';
import { useI18n } from '../i18n/I18nProvider';
import { isLocale, LOCALES, type Locale } from '../i18n/messages';
import { useViewer } from '../viewer';

/**
 * Guests: the choice is remembered on this device. Signed in: it is saved to the account, so
 * every device follows; the interface switches at once and the server catches up.
 */
export function LanguageSwitcher() {
  const id = useId();
  const { t, locale, setLocale } = useI18n();
  const { viewer } = useViewer();
  const [updateProfile] = useMutation(UPDATE_PROFILE);

  function choose(next: Locale) {
    setLocale(next);
    if (viewer) {
      void updateProfile({
        variables: { input: { locale: next } },
        optimisticResponse: {
          updateProfile: {
            __typename: 'UserPayload',
            user: {
              __typename: 'User',
              id: viewer.id,
              displayName: viewer.displayName,
              locale: next,
            },
          },
        },
      }).catch(() => {
        // The account keeps its old language; the interface follows it back.
        setLocale(viewer.locale);
      });
    }
  }

  return (
    <div className="language-switcher">
      <label htmlFor={id} className="language-switcher__label">
        <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" className="icon">
          <circle cx="10" cy="10" r="8" fill="none" strokeWidth="1.6" />
          <path
            d="M2 10h16M10 2c2.5 2.4 2.5 13.6 0 16M10 2c-2.5 2.4-2.5 13.6 0 16"
            fill="none"
            strokeWidth="1.6"
          />
        </svg>
        <span className="visually-hidden">{t('shell.language')}</span>
      </label>
      <select
        id={id}
        className="language-switcher__select"
        value={locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) choose(event.target.value);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

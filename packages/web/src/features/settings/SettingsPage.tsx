import { NavLink, Outlet } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider';
import { Page } from '../../ui';

export function SettingsPage() {
  const { t } = useI18n();
  const sections = [
    { to: 'profile', label: t('settings.profile.title') },
    { to: 'password', label: t('settings.password.title') },
    { to: 'sessions', label: t('settings.sessions.title') },
    { to: 'api-tokens', label: t('apiTokens.title') },
  ];
  return (
    <Page title={t('settings.title')}>
      <div className="settings">
        <nav className="settings__nav" aria-label={t('settings.sections')}>
          <ul>
            {sections.map((section) => (
              <li key={section.to}>
                <NavLink to={section.to} className="settings__link">
                  {section.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="settings__content">
          <Outlet />
        </div>
      </div>
    </Page>
  );
}

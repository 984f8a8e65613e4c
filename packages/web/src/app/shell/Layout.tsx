import { Link, NavLink, Outlet } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { FollowAccountLanguage, useViewer } from '../viewer';
import { NotificationBell } from '../../features/discussions/NotificationBell';
import { VerifyEmailBanner } from '../../features/accounts/VerifyEmailBanner';
import { ConnectionIndicator } from './ConnectionIndicator';
import { LanguageSwitcher } from './LanguageSwitcher';
import { OrganisationSwitcher } from './OrganisationSwitcher';
import { SessionEndedNotice } from './SessionEndedNotice';
import { UserMenu } from './UserMenu';

export function Layout() {
  const { t } = useI18n();
  const { viewer, loading } = useViewer();
  return (
    <div className="shell">
      <FollowAccountLanguage />
      <a className="skip-link" href="#main">
        {t('shell.skipLink')}
      </a>
      <header className="header">
        <div className="header__bar">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              A
            </span>
            <span className="brand__name">{t('app.name')}</span>
          </Link>
          <div className="header__tools">
            <LanguageSwitcher />
            {viewer && <NotificationBell />}
            {viewer ? (
              <UserMenu viewer={viewer} />
            ) : (
              !loading && (
                <nav className="header__guest" aria-label={t('shell.mainNav')}>
                  <NavLink to="/library" className="header__link">
                    {t('shell.nav.library')}
                  </NavLink>
                  <NavLink to="/sign-in" className="header__link">
                    {t('shell.signIn')}
                  </NavLink>
                  <NavLink to="/sign-up" className="header__link header__link--strong">
                    {t('shell.signUp')}
                  </NavLink>
                </nav>
              )
            )}
          </div>
        </div>
        {viewer && (
          <div className="header__nav">
            <nav className="header__tabs" aria-label={t('shell.mainNav')}>
              <NavLink to="/" end className="header__tab">
                {t('shell.nav.home')}
              </NavLink>
              <NavLink to="/events" className="header__tab">
                {t('shell.nav.events')}
              </NavLink>
              <NavLink to="/library" className="header__tab">
                {t('shell.nav.library')}
              </NavLink>
              <NavLink to="/risks" className="header__tab">
                {t('shell.nav.risks')}
              </NavLink>
              <NavLink to="/search" className="header__tab">
                {t('shell.nav.search')}
              </NavLink>
              <NavLink to="/settings" className="header__tab">
                {t('shell.nav.settings')}
              </NavLink>
            </nav>
            <OrganisationSwitcher />
          </div>
        )}
      </header>
      <ConnectionIndicator />
      <VerifyEmailBanner />
      <main id="main" className="main" tabIndex={-1}>
        <SessionEndedNotice />
        <Outlet />
      </main>
      <footer className="footer">
        <p>{t('app.tagline')}</p>
        <p className="muted">{t('shell.footer')}</p>
      </footer>
    </div>
  );
}

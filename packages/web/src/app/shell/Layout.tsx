import { Link, NavLink, Outlet } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { FollowAccountLanguage, useViewer } from '../viewer';
import { NotificationBell } from '../../features/discussions/NotificationBell';
import { VerifyEmailBanner } from '../../features/accounts/VerifyEmailBanner';
import { ConnectionIndicator } from './ConnectionIndicator';
import { GUEST_DESTINATIONS, SIGNED_IN_DESTINATIONS } from './destinations';
import { LanguageSwitcher } from './LanguageSwitcher';
import { NavMenu } from './NavMenu';
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
          <div className={viewer ? 'header__tools header__tools--member' : 'header__tools'}>
            <LanguageSwitcher />
            {viewer && <NotificationBell />}
            {viewer ? (
              <UserMenu viewer={viewer} />
            ) : (
              !loading && (
                <nav className="header__guest" aria-label={t('shell.mainNav')}>
                  {GUEST_DESTINATIONS.map((destination) => (
                    <NavLink
                      key={destination.to}
                      to={destination.to}
                      className={
                        destination.strong ? 'header__link header__link--strong' : 'header__link'
                      }
                    >
                      {t(destination.label)}
                    </NavLink>
                  ))}
                </nav>
              )
            )}
            {!loading && (
              <NavMenu
                destinations={viewer ? SIGNED_IN_DESTINATIONS : GUEST_DESTINATIONS}
                extra={viewer && <LanguageSwitcher />}
              />
            )}
          </div>
        </div>
        {viewer && (
          <div className="header__nav">
            <nav className="header__tabs" aria-label={t('shell.mainNav')}>
              {SIGNED_IN_DESTINATIONS.map((destination) => (
                <NavLink
                  key={destination.to}
                  to={destination.to}
                  end={destination.end}
                  className="header__tab"
                >
                  {t(destination.label)}
                </NavLink>
              ))}
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

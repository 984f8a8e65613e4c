import { useI18n } from '../../app/i18n/I18nProvider';
import { useViewer } from '../../app/viewer';
import { EmptyState, Page } from '../../ui';

/**
 * The start page. Organisations and spaces come with the organisations API; until then their
 * sections say honestly that there is nothing yet and why.
 */
export function HomePage() {
  const { t, date } = useI18n();
  const { viewer } = useViewer();
  if (!viewer) return null;
  return (
    <Page
      title={t('home.title', { name: viewer.displayName })}
      intro={
        <>
          {t('home.intro')}{' '}
          <span className="muted">{t('home.memberSince', { date: date(viewer.createdAt) })}</span>
        </>
      }
    >
      <div className="grid-2">
        <section className="card" aria-labelledby="home-organisations">
          <h2 id="home-organisations" className="card__title">
            {t('home.organisations.title')}
          </h2>
          <EmptyState title={t('home.organisations.emptyTitle')}>
            <p>{t('home.organisations.emptyBody')}</p>
          </EmptyState>
        </section>
        <section className="card" aria-labelledby="home-spaces">
          <h2 id="home-spaces" className="card__title">
            {t('home.spaces.title')}
          </h2>
          <EmptyState title={t('home.spaces.emptyTitle')}>
            <p>{t('home.spaces.emptyBody')}</p>
          </EmptyState>
        </section>
      </div>
    </Page>
  );
}

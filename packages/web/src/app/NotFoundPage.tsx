import { Link } from 'react-router';
import { Page } from '../ui';
import { useI18n } from './i18n/I18nProvider';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')} intro={t('notFound.body')} width="narrow">
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}

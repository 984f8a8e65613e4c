import { Loading } from '../ui';
import { useI18n } from './i18n/I18nProvider';

/** What the router shows while the first page's code is still on its way. */
export function PageLoading() {
  const { t } = useI18n();
  return <Loading label={t('common.loading')} />;
}

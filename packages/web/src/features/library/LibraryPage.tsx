import { useState } from 'react';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { ResourceFilter } from '../../gql/graphql';
import { EmptyState, Page } from '../../ui';
import { LibraryFilters } from './LibraryFilters';
import { ResourceResults } from './ResourceResults';

/** `/library`: every resource the viewer may read; without signing in, the public ones. */
export function LibraryPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<ResourceFilter>({});
  return (
    <Page title={t('library.title')} intro={t('library.intro')}>
      <section className="card" aria-label={t('library.filters')}>
        <LibraryFilters onChange={setFilter} />
      </section>
      <section className="card" aria-labelledby="library-results">
        <h2 id="library-results" className="card__title">
          {t('library.results')}
        </h2>
        <ResourceResults
          filter={filter}
          empty={
            <EmptyState title={t('library.empty.everywhere.title')}>
              <p>{t('library.empty.everywhere.body')}</p>
            </EmptyState>
          }
        />
      </section>
    </Page>
  );
}

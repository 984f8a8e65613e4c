import { useState } from 'react';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { ResourceFilter } from '../../gql/graphql';
import { EmptyState } from '../../ui';
import { LibraryFilters } from './LibraryFilters';
import { ResourceResults } from './ResourceResults';

/** The network's library: what its organisations share in their NETWORK spaces. */
export function NetworkLibrary({ networkSlug }: { networkSlug: string }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<ResourceFilter>({});
  return (
    <section className="card" aria-labelledby="network-library">
      <h2 id="network-library" className="card__title">
        {t('library.network.title')}
      </h2>
      <p className="muted">{t('library.network.intro')}</p>
      <LibraryFilters onChange={setFilter} />
      <ResourceResults
        filter={filter}
        networkSlug={networkSlug}
        empty={
          <EmptyState title={t('library.empty.network.title')}>
            <p>{t('library.empty.network.body')}</p>
          </EmptyState>
        }
      />
    </section>
  );
}

import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { ResourceFilter } from '../../gql/graphql';
import { Button, EmptyState, QueryBoundary } from '../../ui';
import { NETWORK_LIBRARY, RESOURCES } from './documents';
import { ResourceList } from './ResourceList';

const PAGE = 20;

/** Whether the person chose a filter (a space or network is where, not a filter). */
function isFiltered(filter: ResourceFilter): boolean {
  return Boolean(filter.kind || filter.language || filter.tag || filter.query);
}

/** One page of a library at a time, with "show more": everywhere, in a space or in a network. */
export function ResourceResults({
  filter,
  networkSlug,
  showSpace = true,
  empty,
}: {
  filter: ResourceFilter;
  networkSlug?: string;
  showSpace?: boolean;
  /** What an empty library says before any filter is set: how its first resource gets added. */
  empty: ReactNode;
}) {
  const { t } = useI18n();
  const everywhere = useQuery(RESOURCES, {
    variables: { filter, first: PAGE },
    skip: Boolean(networkSlug),
    fetchPolicy: 'cache-and-network',
  });
  const network = useQuery(NETWORK_LIBRARY, {
    variables: { slug: networkSlug ?? '', filter, first: PAGE },
    skip: !networkSlug,
    fetchPolicy: 'cache-and-network',
  });
  const active = networkSlug ? network : everywhere;
  const connection = networkSlug ? network.data?.network?.resources : everywhere.data?.resources;

  if ((active.loading || active.error) && !connection)
    return (
      <QueryBoundary
        inline
        loading={active.loading}
        error={active.error}
        retry={() => void active.refetch()}
      />
    );
  const resources = connection?.edges.map((edge) => edge.node) ?? [];
  if (!resources.length) {
    if (!isFiltered(filter)) return <>{empty}</>;
    return (
      <EmptyState title={t('library.emptyTitle')}>
        <p>{t('library.emptyBody')}</p>
      </EmptyState>
    );
  }

  function more() {
    const after = connection?.pageInfo.endCursor;
    if (networkSlug) {
      void network.fetchMore({
        variables: { after },
        updateQuery: (previous, { fetchMoreResult }) => {
          if (!previous.network || !fetchMoreResult.network) return previous;
          return {
            ...fetchMoreResult,
            network: {
              ...fetchMoreResult.network,
              resources: {
                ...fetchMoreResult.network.resources,
                edges: [
                  ...previous.network.resources.edges,
                  ...fetchMoreResult.network.resources.edges,
                ],
              },
            },
          };
        },
      });
    } else {
      void everywhere.fetchMore({
        variables: { after },
        updateQuery: (previous, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          resources: {
            ...fetchMoreResult.resources,
            edges: [...previous.resources.edges, ...fetchMoreResult.resources.edges],
          },
        }),
      });
    }
  }

  return (
    <>
      <ResourceList resources={resources} showSpace={showSpace} />
      {connection?.pageInfo.hasNextPage && (
        <Button variant="secondary" onClick={more}>
          {t('library.more')}
        </Button>
      )}
    </>
  );
}

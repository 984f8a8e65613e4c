import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';
import { EmptyState, QueryBoundary } from '../../ui';

const PAGE = 100;

const ORGANISATION_SPACES = graphql(`
  query OrganisationSpaces($organisationId: ID!, $first: Int!) {
    spaces(first: $first, filter: { organisationId: $organisationId }) {
      edges {
        node {
          id
          name
          description
          visibility
          network {
            id
            name
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

/** The organisation's spaces the viewer may read; admins get a way to create one. */
export function OrganisationSpacesSection({
  organisationId,
  organisationSlug,
  canCreate,
}: {
  organisationId: string;
  organisationSlug: string;
  canCreate: boolean;
}) {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(ORGANISATION_SPACES, {
    variables: { organisationId, first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const spaces = data?.spaces.edges.map((edge) => edge.node) ?? [];
  let body;
  if ((loading || error) && !data)
    body = <QueryBoundary inline loading={loading} error={error} retry={refetch} />;
  else if (!spaces.length) {
    body = (
      <EmptyState title={t('organisation.spaces.emptyTitle')}>
        <p>
          {canCreate ? t('organisation.spaces.emptyBodyAdmin') : t('organisation.spaces.emptyBody')}
        </p>
      </EmptyState>
    );
  } else {
    body = (
      <ul className="list">
        {spaces.map((space) => (
          <li key={space.id} className="list__item">
            <p className="list__title">
              <Link to={`/s/${space.id}`}>{space.name}</Link>
            </p>
            {space.description && <p className="list__description">{space.description}</p>}
            <span className="badge badge--neutral">
              {space.network
                ? t('space.visibilityIn', {
                    visibility: t(`visibility.${space.visibility}`),
                    network: space.network.name,
                  })
                : t(`visibility.${space.visibility}`)}
            </span>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <section className="card" aria-labelledby="organisation-spaces">
      <div className="card__header">
        <h2 id="organisation-spaces" className="card__title">
          {t('organisation.spaces.title')}
        </h2>
        {canCreate && (
          <Link className="button button--secondary" to={`/o/${organisationSlug}/spaces/new`}>
            {t('organisation.spaces.create')}
          </Link>
        )}
      </div>
      {body}
      {data?.spaces.pageInfo.hasNextPage && (
        <p className="muted">{t('home.more', { count: PAGE })}</p>
      )}
    </section>
  );
}

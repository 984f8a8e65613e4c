import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { describeError } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { useViewer } from '../../app/viewer';
import { graphql } from '../../gql';
import { Alert, Button, EmptyState, Loading, Page } from '../../ui';

const PAGE = 50;

const HOME = graphql(`
  query Home($first: Int!) {
    viewer {
      id
      memberships(first: $first) {
        edges {
          node {
            id
            role
            organisation {
              id
              name
              slug
              kind
              city
            }
          }
        }
        pageInfo {
          hasNextPage
        }
      }
    }
    spaces(first: $first) {
      edges {
        node {
          id
          name
          description
          visibility
          organisation {
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

/** The start page: the viewer's organisations (with their role) and the spaces open to them. */
export function HomePage() {
  const i18n = useI18n();
  const { t, date } = i18n;
  const { viewer } = useViewer();
  const { data, loading, error, refetch } = useQuery(HOME, {
    variables: { first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  if (!viewer) return null;

  const memberships = data?.viewer?.memberships?.edges.map((edge) => edge.node) ?? [];
  const spaces = data?.spaces.edges.map((edge) => edge.node) ?? [];

  let organisationsBody;
  let spacesBody;
  if (loading && !data) {
    organisationsBody = <Loading label={t('common.loading')} />;
    spacesBody = <Loading label={t('common.loading')} />;
  } else if (error && !data) {
    const problem = (
      <Alert
        tone="error"
        action={
          <Button variant="secondary" onClick={() => void refetch()}>
            {t('common.retry')}
          </Button>
        }
      >
        {describeError(error, i18n).summary}
      </Alert>
    );
    organisationsBody = problem;
    spacesBody = problem;
  } else {
    organisationsBody = memberships.length ? (
      <ul className="list">
        {memberships.map((membership) => (
          <li key={membership.id} className="list__item">
            <p className="list__title">
              <Link to={`/o/${membership.organisation.slug}`}>{membership.organisation.name}</Link>
            </p>
            <p className="list__meta">
              {[t(`kind.${membership.organisation.kind}`), membership.organisation.city]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <span className="badge">
              {t('home.yourRole', { role: t(`role.${membership.role}`) })}
            </span>
          </li>
        ))}
      </ul>
    ) : (
      <EmptyState title={t('home.organisations.emptyTitle')}>
        <p>{t('home.organisations.emptyBody')}</p>
      </EmptyState>
    );
    spacesBody = spaces.length ? (
      <ul className="list">
        {spaces.map((space) => (
          <li key={space.id} className="list__item">
            <p className="list__title">
              <Link to={`/s/${space.id}`}>{space.name}</Link>
            </p>
            <p className="list__meta">
              {t('home.spaceOf', { organisation: space.organisation.name })}
            </p>
            {space.description && <p className="list__description">{space.description}</p>}
            <span className="badge badge--neutral">{t(`visibility.${space.visibility}`)}</span>
          </li>
        ))}
      </ul>
    ) : (
      <EmptyState title={t('home.spaces.emptyTitle')}>
        <p>{t('home.spaces.emptyBody')}</p>
      </EmptyState>
    );
  }

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
          <div className="card__header">
            <h2 id="home-organisations" className="card__title">
              {t('home.organisations.title')}
            </h2>
            <Link className="button button--secondary" to="/organisations/new">
              {t('home.organisations.create')}
            </Link>
          </div>
          {organisationsBody}
          {data?.viewer?.memberships?.pageInfo.hasNextPage && (
            <p className="muted">{t('home.more', { count: PAGE })}</p>
          )}
        </section>
        <section className="card" aria-labelledby="home-spaces">
          <h2 id="home-spaces" className="card__title">
            {t('home.spaces.title')}
          </h2>
          {spacesBody}
          {data?.spaces.pageInfo.hasNextPage && (
            <p className="muted">{t('home.more', { count: PAGE })}</p>
          )}
        </section>
      </div>
    </Page>
  );
}

import { useQuery } from '@apollo/client/react';
import { Link, useLocation, useParams } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';
import { Alert, Page, QueryBoundary } from '../../ui';
import { NetworksSection } from '../networks/NetworksSection';
import { OrganisationSpacesSection } from '../spaces/OrganisationSpacesSection';
import { InvitationsSection } from './InvitationsSection';
import { LeaveSection } from './LeaveSection';
import { MembersSection } from './MembersSection';
import { ProfileSection } from './ProfileSection';

export const ORGANISATION = graphql(`
  query Organisation($slug: String!) {
    organisation(slug: $slug) {
      id
      name
      slug
      kind
      city
      country
      description
      createdAt
      viewerRole
      viewerCan {
        update
        manageMembers
        manageNetworks
        manageSpaces
        manageApiTokens
        readAuditLog
      }
      networks {
        id
        name
        slug
        steward {
          id
          name
        }
      }
    }
  }
`);

/** `/o/:slug`: an organisation's profile and, for its members, what goes on inside it. */
export function OrganisationPage() {
  const { slug = '' } = useParams();
  const location = useLocation();
  const joined = (location.state as { joined?: boolean } | null)?.joined === true;
  const i18n = useI18n();
  const { t } = i18n;
  const { data, loading, error, refetch } = useQuery(ORGANISATION, {
    variables: { slug },
    fetchPolicy: 'cache-and-network',
  });
  const organisation = data?.organisation;

  if (!organisation) {
    return (
      <QueryBoundary
        loading={loading}
        error={error}
        retry={refetch}
        notFound={{
          title: t('organisation.notFound.title'),
          body: t('organisation.notFound.body'),
          link: { to: '/', label: t('notFound.home') },
        }}
      />
    );
  }

  const place = [organisation.city, organisation.country].filter(Boolean).join(', ');
  const can = organisation.viewerCan;
  const moderator = ['OWNER', 'ADMIN', 'MODERATOR'].includes(organisation.viewerRole ?? '');
  const admin = ['OWNER', 'ADMIN'].includes(organisation.viewerRole ?? '');
  return (
    <Page
      title={organisation.name}
      intro={
        <>
          {[t(`kind.${organisation.kind}`), place].filter(Boolean).join(' · ')}
          {organisation.viewerRole && (
            <span className="badge">
              {t('home.yourRole', { role: t(`role.${organisation.viewerRole}`) })}
            </span>
          )}
        </>
      }
    >
      {joined && organisation.viewerRole && (
        <Alert tone="success">
          {t('organisation.joined', {
            name: organisation.name,
            role: t(`role.${organisation.viewerRole}`),
          })}
        </Alert>
      )}
      {(can.readAuditLog || can.manageApiTokens || moderator || organisation.viewerRole) && (
        <nav className="page-links" aria-label={t('organisation.tools')}>
          {organisation.viewerRole && (
            <Link to={`/o/${organisation.slug}/reports`}>{t('organisation.reportsLink')}</Link>
          )}
          {admin && (
            <Link to={`/o/${organisation.slug}/reporting`}>{t('organisation.reportingLink')}</Link>
          )}
          {moderator && (
            <Link to={`/o/${organisation.slug}/moderation`}>
              {t('organisation.moderationLink')}
            </Link>
          )}
          {can.readAuditLog && (
            <Link to={`/o/${organisation.slug}/audit`}>{t('organisation.auditLink')}</Link>
          )}
          {can.manageApiTokens && (
            <Link to={`/settings/api-tokens?organisation=${organisation.id}`}>
              {t('organisation.apiTokensLink')}
            </Link>
          )}
        </nav>
      )}
      <div className="columns">
        <div className="columns__side">
          <ProfileSection organisation={organisation} />
          {organisation.viewerRole && <NetworksSection organisation={organisation} />}
        </div>
        <div className="columns__main">
          <OrganisationSpacesSection
            organisationId={organisation.id}
            organisationSlug={organisation.slug}
            canCreate={can.manageSpaces}
          />
          {organisation.viewerRole && (
            <MembersSection organisationId={organisation.id} canManage={can.manageMembers} />
          )}
          {can.manageMembers && <InvitationsSection organisationId={organisation.id} />}
          {organisation.viewerRole && (
            <LeaveSection organisationId={organisation.id} name={organisation.name} />
          )}
        </div>
      </div>
    </Page>
  );
}

import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';
import type { SpaceQuery } from '../../gql/graphql';
import { Alert, Button, Page, QueryBoundary } from '../../ui';
import { SpaceDiscussions } from '../discussions/SpaceDiscussions';
import { SpaceEvents } from '../events/SpaceEvents';
import { SpaceLibrary } from '../library/SpaceLibrary';
import { SpaceRisks } from '../risks/SpaceRisks';
import { EditSpaceForm } from './EditSpaceForm';
import { SharingSection } from './SharingSection';

const SPACE = graphql(`
  query Space($id: ID!) {
    space(id: $id) {
      id
      name
      description
      visibility
      createdAt
      updatedAt
      organisation {
        id
        name
        slug
        viewerRole
        networks {
          id
          name
        }
      }
      network {
        id
        name
        slug
      }
      sharedWith {
        id
        name
        slug
      }
      viewerCan {
        share
        update
        contribute
      }
    }
  }
`);

export type SpaceDetails = NonNullable<SpaceQuery['space']>;

/** `/s/:id`: a space's details, who may read it, and its discussions. */
export function SpacePage() {
  const { id = '' } = useParams();
  const { t, date } = useI18n();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const { data, loading, error, refetch } = useQuery(SPACE, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const space = data?.space;
  if (!space) {
    return (
      <QueryBoundary
        loading={loading}
        error={error}
        retry={refetch}
        notFound={{
          title: t('space.notFound.title'),
          body: t('space.notFound.body'),
          link: { to: '/', label: t('notFound.home') },
        }}
      />
    );
  }

  const visibility = space.network
    ? t('space.visibilityIn', {
        visibility: t(`visibility.${space.visibility}`),
        network: space.network.name,
      })
    : t(`visibility.${space.visibility}`);

  return (
    <Page
      title={space.name}
      intro={
        <>
          {t('space.ownerLabel')}{' '}
          <Link to={`/o/${space.organisation.slug}`}>{space.organisation.name}</Link>
          <span className="badge badge--neutral">{visibility}</span>
        </>
      }
    >
      <div className="grid-2">
        <section className="card" aria-labelledby="space-about">
          <h2 id="space-about" className="card__title">
            {t('space.about')}
          </h2>
          {saved && !editing && <Alert tone="success">{t('space.saved')}</Alert>}
          {editing ? (
            <EditSpaceForm
              space={space}
              onDone={(didSave) => {
                setEditing(false);
                setSaved(didSave);
              }}
            />
          ) : (
            <>
              {space.description ? (
                <p className="prose">{space.description}</p>
              ) : (
                <p className="muted">{t('space.noDescription')}</p>
              )}
              <dl className="facts">
                <div>
                  <dt>{t('space.field.visibility')}</dt>
                  <dd>
                    {visibility}
                    <span className="facts__note">
                      {t(`space.visibilityHint.${space.visibility}`)}
                    </span>
                  </dd>
                </div>
                {space.network && (
                  <div>
                    <dt>{t('space.field.network')}</dt>
                    <dd>
                      <Link to={`/n/${space.network.slug}`}>{space.network.name}</Link>
                    </dd>
                  </div>
                )}
                <div>
                  <dt>{t('space.created')}</dt>
                  <dd>{date(space.createdAt)}</dd>
                </div>
              </dl>
              {space.viewerCan.update && (
                <Button
                  variant="secondary"
                  onClick={() => {
                    setSaved(false);
                    setEditing(true);
                  }}
                >
                  {t('space.edit')}
                </Button>
              )}
            </>
          )}
        </section>
        <SharingSection space={space} />
      </div>
      <SpaceDiscussions spaceId={space.id} organisationId={space.organisation.id} />
      <SpaceEvents
        spaceId={space.id}
        organisationId={space.organisation.id}
        canCreate={space.viewerCan.update}
      />
      <SpaceLibrary spaceId={space.id} canAdd={space.viewerCan.contribute} />
      <SpaceRisks
        spaceId={space.id}
        organisationId={space.organisation.id}
        canCreate={Boolean(space.organisation.viewerRole)}
      />
    </Page>
  );
}

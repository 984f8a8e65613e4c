import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider';
import { Button, EmptyState } from '../../ui';
import { ResourceForm } from './ResourceForm';
import { ResourceResults } from './ResourceResults';

/** A space's shelf of resources on its page, and for its contributors a way to add one. */
export function SpaceLibrary({ spaceId, canAdd }: { spaceId: string; canAdd: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  return (
    <section className="card" aria-labelledby="space-library">
      <div className="card__header">
        <h2 id="space-library" className="card__title">
          {t('library.space.title')}
        </h2>
        {canAdd && !adding && (
          <Button variant="secondary" onClick={() => setAdding(true)}>
            {t('library.add')}
          </Button>
        )}
      </div>
      {adding && (
        <ResourceForm
          spaceId={spaceId}
          onDone={(resource) => {
            setAdding(false);
            if (resource) void navigate(`/resources/${resource.id}`);
          }}
        />
      )}
      <ResourceResults
        filter={{ spaceId }}
        showSpace={false}
        empty={
          <EmptyState
            title={t('library.empty.space.title')}
            action={
              canAdd &&
              !adding && (
                <Button variant="secondary" onClick={() => setAdding(true)}>
                  {t('library.add')}
                </Button>
              )
            }
          >
            <p>{t(canAdd ? 'library.empty.space.body' : 'library.empty.space.readerBody')}</p>
          </EmptyState>
        }
      />
    </section>
  );
}

import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { ResourceCardFieldsFragment } from '../../gql/graphql';
import { formatSize } from './upload';

/** Resources as a list: title, kind, language, tags, where it lives and its newest file. */
export function ResourceList({
  resources,
  showSpace = true,
}: {
  resources: readonly ResourceCardFieldsFragment[];
  showSpace?: boolean;
}) {
  const { t, date, locale } = useI18n();
  return (
    <ul className="list resources">
      {resources.map((resource) => {
        const latest = resource.latestVersion;
        return (
          <li key={resource.id} className="list__item">
            <p className="list__title">
              <Link to={`/resources/${resource.id}`}>{resource.title}</Link>
              <span className="badge">{t(`library.kind.${resource.kind}`)}</span>
              <span className="badge badge--neutral">
                {t(`library.language.${resource.language}`)}
              </span>
            </p>
            {resource.description && <p className="list__description">{resource.description}</p>}
            {resource.tags.length > 0 && (
              <ul className="tags" aria-label={t('library.field.tags')}>
                {resource.tags.map((tag) => (
                  <li key={tag} className="tag">
                    {tag}
                  </li>
                ))}
              </ul>
            )}
            <p className="list__meta">
              {showSpace && `${resource.space.organisation.name} · ${resource.space.name} · `}
              {latest?.fileName && latest.downloadUrl ? (
                <>
                  <a href={latest.downloadUrl} download>
                    {t('library.download', { name: latest.fileName })}
                  </a>
                  {latest.size !== null &&
                    latest.size !== undefined &&
                    ` (${formatSize(latest.size, locale)})`}
                </>
              ) : latest?.url || resource.url ? (
                <a
                  href={latest?.url ?? resource.url ?? ''}
                  rel="noopener noreferrer"
                  target="_blank"
                >
                  {t('library.openLink')}
                </a>
              ) : (
                t('library.noFile')
              )}
              {` · ${t('library.updated', { date: date(resource.updatedAt) })}`}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

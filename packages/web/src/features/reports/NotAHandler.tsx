import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { MemberRole } from '../../gql/graphql';
import { Alert } from '../../ui';

/**
 * Said to a member who is not a case handler. Only an owner names handlers (the server refuses
 * anyone else), so an owner gets the way there, an admin the page that shows who they are, and
 * everyone else whom to ask.
 */
export function NotAHandler({
  organisation,
}: {
  organisation: { slug: string; viewerRole?: MemberRole | null };
}) {
  const { t } = useI18n();
  const role = organisation.viewerRole;
  if (role !== 'OWNER' && role !== 'ADMIN') {
    return <Alert tone="info">{t('reports.onlyHandlers')}</Alert>;
  }
  return (
    <Alert tone="info">
      {t(role === 'OWNER' ? 'reports.ownerNotHandler' : 'reports.adminNotHandler')}{' '}
      <Link to={`/o/${organisation.slug}/reporting`}>{t('organisation.reportingLink')}</Link>
    </Alert>
  );
}

import { useEffect } from 'react';
import { dismissCredentialEnded, useEndedCredential } from '../credential-ended';
import { useI18n } from '../i18n/I18nProvider';
import { useViewer } from '../viewer';
import { Alert, Button } from '../../ui';

/**
 * The session ended elsewhere (apollo.ts noticed it on the live connection): the person is
 * signed out here too, and told why, until they dismiss it or sign in again.
 */
export function SessionEndedNotice() {
  const ended = useEndedCredential() === 'session';
  const { viewer } = useViewer();
  const { t } = useI18n();
  const signedIn = Boolean(viewer);
  useEffect(() => {
    if (signedIn) dismissCredentialEnded('session');
  }, [signedIn]);
  if (!ended || signedIn) return null;
  return (
    <div className="page--narrow" data-notice="session-ended">
      <Alert
        tone="info"
        action={
          <Button variant="secondary" onClick={() => dismissCredentialEnded('session')}>
            {t('shell.dismiss')}
          </Button>
        }
      >
        {t('shell.sessionEnded')}
      </Alert>
    </div>
  );
}

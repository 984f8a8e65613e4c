import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { describeError } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { useViewer } from '../../app/viewer';
import { graphql } from '../../gql';
import { Alert, Loading, Page } from '../../ui';
import { ResendVerificationButton } from './VerifyEmailBanner';

const VERIFY_EMAIL = graphql(`
  mutation VerifyEmail($input: VerifyEmailInput!) {
    verifyEmail(input: $input) {
      emailVerified
    }
  }
`);

/**
 * `/verify-email?token=…`, the link in the confirmation e-mail. Opening it confirms the address,
 * in whichever browser it is opened (the mailbox is the proof), signed in or not.
 */
export function VerifyEmailPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const location = useLocation();
  const { viewer } = useViewer();
  const token = new URLSearchParams(location.search).get('token')?.trim() ?? '';
  // The account's own emailVerified (banner, invitation page) is fetched again.
  const [verify] = useMutation(VERIFY_EMAIL, { refetchQueries: 'active' });
  const [state, setState] = useState<'working' | 'done' | 'failed'>('working');
  const [problem, setProblem] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    verify({ variables: { input: { token } } }).then(
      () => setState('done'),
      (error: unknown) => {
        setProblem(describeError(error, i18n).summary ?? t('error.unexpected'));
        setState('failed');
      },
    );
  }, [token]);

  let body;
  if (!token) body = <Alert tone="error">{t('verifyEmail.noToken')}</Alert>;
  else if (state === 'working') body = <Loading label={t('verifyEmail.confirming')} />;
  else if (state === 'done')
    body = (
      <Alert
        tone="success"
        action={
          <Link className="button button--primary" to="/">
            {t('verifyEmail.continue')}
          </Link>
        }
      >
        {t('verifyEmail.done')}
      </Alert>
    );
  else
    body = (
      <Alert
        tone="error"
        action={viewer && viewer.emailVerified === false ? <ResendVerificationButton /> : null}
      >
        {problem}
      </Alert>
    );

  return (
    <Page title={t('verifyEmail.title')} intro={t('verifyEmail.intro')} width="narrow">
      {body}
    </Page>
  );
}

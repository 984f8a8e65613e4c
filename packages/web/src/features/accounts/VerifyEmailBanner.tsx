import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { describeError } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { useViewer } from '../../app/viewer';
import { graphql } from '../../gql';
import { Alert, Button } from '../../ui';

const RESEND_VERIFICATION_EMAIL = graphql(`
  mutation ResendVerificationEmail {
    resendVerificationEmail {
      expiresAt
    }
  }
`);

/** Mails the signed-in person a new confirmation link, and says how that went. */
export function ResendVerificationButton() {
  const i18n = useI18n();
  const { t } = i18n;
  const { viewer } = useViewer();
  const [resend, { loading }] = useMutation(RESEND_VERIFICATION_EMAIL);
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  async function send() {
    setOutcome(null);
    try {
      await resend();
      setOutcome({
        tone: 'success',
        text: t('verifyEmail.resent', { email: viewer?.email ?? '' }),
      });
    } catch (error) {
      setOutcome({
        tone: 'error',
        text: describeError(error, i18n).summary ?? t('error.unexpected'),
      });
    }
  }

  return (
    <div className="verify-email__resend">
      <Button variant="secondary" busy={loading} onClick={() => void send()}>
        {loading ? t('verifyEmail.resending') : t('verifyEmail.resend')}
      </Button>
      {outcome && (
        <p className={`verify-email__outcome verify-email__outcome--${outcome.tone}`} role="status">
          {outcome.text}
        </p>
      )}
    </div>
  );
}

/** Above every page for a signed-in person whose address is not confirmed yet. */
export function VerifyEmailBanner() {
  const { t } = useI18n();
  const { viewer } = useViewer();
  if (!viewer || viewer.emailVerified !== false) return null;
  return (
    <div className="verify-email__banner" data-testid="verify-email-banner">
      <Alert tone="info" action={<ResendVerificationButton />}>
        {t('verifyEmail.banner', { email: viewer.email ?? '' })}
      </Alert>
    </div>
  );
}

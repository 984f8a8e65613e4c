import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { describeError, serverProblems } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { useViewer } from '../../app/viewer';
import { graphql } from '../../gql';
import { Alert, Button, Loading, Page } from '../../ui';
import { ResendVerificationButton } from '../accounts/VerifyEmailBanner';
import { useInvitationPreview } from './invitation-preview';

const ACCEPT_INVITATION = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      membership {
        id
        role
        organisation {
          id
          slug
          name
        }
      }
    }
  }
`);

const REASONS = [
  'INVITATION_EXPIRED',
  'INVITATION_USED',
  'INVITATION_REVOKED',
  'ALREADY_MEMBER',
] as const;

/**
 * `/invitations/accept?token=…`, the link in the invitation e-mail. Signed-out people sign in
 * or create an account first and come back here; accepting is always a deliberate click.
 */
export function AcceptInvitationPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const location = useLocation();
  const navigate = useNavigate();
  const { viewer, loading: viewerLoading } = useViewer();
  const token = new URLSearchParams(location.search).get('token')?.trim() ?? '';
  // Memberships and spaces change for the viewer: what is on screen (the header's switcher)
  // is fetched again; the organisation and home pages fetch on arrival anyway.
  const [accept, { loading }] = useMutation(ACCEPT_INVITATION, { refetchQueries: 'active' });
  const [problem, setProblem] = useState<string | null>(null);
  const next = encodeURIComponent(location.pathname + location.search);
  const preview = useInvitationPreview(token);

  async function submit() {
    setProblem(null);
    try {
      const { data } = await accept({ variables: { input: { token } } });
      if (!data) return;
      const organisation = data.acceptInvitation.membership.organisation;
      void navigate(`/o/${organisation.slug}`, { replace: true, state: { joined: true } });
    } catch (error) {
      setProblem(invitationProblem(error));
    }
  }

  function invitationProblem(error: unknown): string {
    if (
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((e) => e.extensions?.reason === 'EMAIL_NOT_VERIFIED')
    )
      return t('acceptInvitation.notVerified', { email: viewer?.email ?? '' });
    for (const found of serverProblems(error)) {
      const reason = REASONS.find((known) => known === found.reason);
      if (reason) return t(`acceptInvitation.${reason}`);
      if (found.code === 'NOT_FOUND') return t('acceptInvitation.NOT_FOUND');
      if (found.code === 'FORBIDDEN') {
        const address = /sent to (\S+@\S+?)\.(\s|$)/.exec(found.message)?.[1];
        return address
          ? t('acceptInvitation.otherAddress', { address })
          : t('acceptInvitation.otherAddressUnknown');
      }
    }
    return describeError(error, i18n).summary ?? t('error.unexpected');
  }

  let body;
  if (!token) {
    body = <Alert tone="error">{t('acceptInvitation.noToken')}</Alert>;
  } else if (viewerLoading) {
    body = <Loading label={t('common.loading')} />;
  } else if (!viewer) {
    body = (
      <div className="card">
        <p>{t('acceptInvitation.signInFirst')}</p>
        <div className="form__actions">
          <Link className="button button--primary" to={`/sign-in?next=${next}`}>
            {t('acceptInvitation.signIn')}
          </Link>
          <Link className="button button--secondary" to={`/sign-up?next=${next}`}>
            {t('acceptInvitation.signUp')}
          </Link>
        </div>
      </div>
    );
  } else if (viewer.emailVerified === false) {
    // Accepting proves nothing until the address is proved: whoever saw the link could have
    // signed up with it.
    body = (
      <div className="card" data-testid="invitation-not-verified">
        <Alert tone="info" action={<ResendVerificationButton />}>
          {t('acceptInvitation.notVerified', { email: viewer.email ?? '' })}
        </Alert>
        <p>{t('acceptInvitation.comeBack')}</p>
      </div>
    );
  } else {
    body = (
      <div className="card">
        {problem && <Alert tone="error">{problem}</Alert>}
        <p>{t('acceptInvitation.as', { name: viewer.displayName, email: viewer.email ?? '' })}</p>
        <div className="form__actions">
          <Button busy={loading} onClick={() => void submit()}>
            {loading ? t('acceptInvitation.accepting') : t('acceptInvitation.accept')}
          </Button>
          <Link className="button button--quiet" to="/">
            {t('acceptInvitation.notNow')}
          </Link>
        </div>
      </div>
    );
  }

  return (
    <Page
      title={
        preview
          ? t('acceptInvitation.titleNamed', { organisation: preview.organisationName })
          : t('acceptInvitation.title')
      }
      intro={
        preview
          ? t('acceptInvitation.introNamed', {
              organisation: preview.organisationName,
              email: preview.email,
            })
          : t('acceptInvitation.intro')
      }
      width="narrow"
    >
      {body}
    </Page>
  );
}

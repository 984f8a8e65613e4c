import { useMutation } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { describeError, PASSWORD_MIN, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { isLocale, LOCALES } from '../../app/i18n/messages';
import { useSessionChange } from '../../app/session';
import { graphql } from '../../gql';
import { Alert, Button, Form, Page, SelectField, TextField } from '../../ui';
import { invitationTokenIn, useInvitationPreview } from '../organisations/invitation-preview';
import { safeNext } from './next';

const SIGN_UP = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      user {
        id
        displayName
        email
        locale
        createdAt
      }
    }
  }
`);

const FIELDS = ['displayName', 'email', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function SignUpPage() {
  const i18n = useI18n();
  const { t, locale, setLocale } = i18n;
  const navigate = useNavigate();
  const location = useLocation();
  const sessionChanged = useSessionChange();
  const [signUp, { loading }] = useMutation(SIGN_UP);
  const [problems, setProblems] = useState<ErrorView<Field> | null>(null);
  // Arriving from an invitation link: name who invites and fill in the invited address, which
  // is the only one that can accept it (until the person types another).
  const invitation = useInvitationPreview(
    invitationTokenIn(new URLSearchParams(location.search).get('next')),
  );
  const [email, setEmail] = useState('');
  const [emailTyped, setEmailTyped] = useState(false);
  useEffect(() => {
    if (invitation && !emailTyped) setEmail(invitation.email);
  }, [invitation, emailTyped]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setProblems(null);
    try {
      const { data } = await signUp({
        variables: {
          input: {
            displayName: String(form.get('displayName')),
            email,
            password: String(form.get('password')),
            locale,
          },
        },
      });
      if (!data) return;
      await sessionChanged();
      void navigate(safeNext(location.search), { replace: true });
    } catch (error) {
      setProblems(describeError(error, i18n, FIELDS));
    }
  }

  return (
    <Page title={t('signUp.title')} intro={t('signUp.intro')} width="narrow">
      {invitation && (
        <Alert tone="info">
          {t('signUp.invited', {
            organisation: invitation.organisationName,
            email: invitation.email,
          })}
        </Alert>
      )}
      <Form problems={problems} className="card form" onSubmit={(event) => void submit(event)}>
        <TextField
          label={t('signUp.displayName')}
          hint={t('signUp.displayNameHint')}
          name="displayName"
          autoComplete="name"
          required
          maxLength={80}
          error={problems?.fields.displayName}
        />
        <TextField
          label={t('signUp.email')}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => {
            setEmailTyped(true);
            setEmail(event.target.value);
          }}
          error={problems?.fields.email}
        />
        <TextField
          label={t('signUp.password')}
          hint={t('signUp.passwordHint', { min: PASSWORD_MIN })}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          error={problems?.fields.password}
        />
        <SelectField
          label={t('signUp.language')}
          name="locale"
          value={locale}
          onChange={(event) => {
            if (isLocale(event.target.value)) setLocale(event.target.value);
          }}
          options={LOCALES.map((code) => ({
            value: code,
            label: t(`language.${code}`),
            lang: code,
          }))}
        />
        <Button type="submit" busy={loading}>
          {loading ? t('signUp.submitting') : t('signUp.submit')}
        </Button>
      </Form>
      <p className="page__aside">
        {t('signUp.haveAccount')}{' '}
        <Link to={`/sign-in${location.search}`}>{t('signUp.signIn')}</Link>
      </p>
    </Page>
  );
}

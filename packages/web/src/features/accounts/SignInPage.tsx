import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { describeError, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { takeSignedOutNote, useSessionChange } from '../../app/session';
import { graphql } from '../../gql';
import { Alert, Button, Form, Page, TextField } from '../../ui';
import { safeNext } from './next';

const SIGN_IN = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
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

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function SignInPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const location = useLocation();
  const sessionChanged = useSessionChange();
  const [signIn, { loading }] = useMutation(SIGN_IN);
  const [problems, setProblems] = useState<ErrorView<Field> | null>(null);
  const [signedOutNote] = useState(takeSignedOutNote);
  const signedOut =
    signedOutNote || (location.state as { signedOut?: boolean } | null)?.signedOut === true;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setProblems(null);
    try {
      const { data } = await signIn({
        variables: {
          input: { email: String(form.get('email')), password: String(form.get('password')) },
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
    <Page title={t('signIn.title')} intro={t('signIn.intro')} width="narrow">
      {signedOut && !problems && <Alert tone="info">{t('signIn.signedOut')}</Alert>}
      <Form problems={problems} className="card form" onSubmit={(event) => void submit(event)}>
        <TextField
          label={t('signIn.email')}
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          error={problems?.fields.email}
        />
        <TextField
          label={t('signIn.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={problems?.fields.password}
        />
        <Button type="submit" busy={loading}>
          {loading ? t('signIn.submitting') : t('signIn.submit')}
        </Button>
      </Form>
      <p className="page__aside">
        {t('signIn.noAccount')}{' '}
        <Link to={`/sign-up${location.search}`}>{t('signIn.createAccount')}</Link>
      </p>
    </Page>
  );
}

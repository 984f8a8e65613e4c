import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError, PASSWORD_MIN, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';
import { Alert, Button, Form, TextField } from '../../ui';

const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      user {
        id
      }
    }
  }
`);

const FIELDS = ['currentPassword', 'newPassword'] as const;
type Field = (typeof FIELDS)[number];

export function PasswordSection() {
  const i18n = useI18n();
  const { t } = i18n;
  // Other sessions end on the server: the sessions list must be fetched again.
  const [changePassword, { loading }] = useMutation(CHANGE_PASSWORD, {
    refetchQueries: ['Sessions'],
  });
  const [problems, setProblems] = useState<ErrorView<Field> | null>(null);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setProblems(null);
    setDone(false);
    try {
      await changePassword({
        variables: {
          input: {
            currentPassword: String(form.get('currentPassword')),
            newPassword: String(form.get('newPassword')),
          },
        },
      });
      formElement.reset();
      setDone(true);
    } catch (error) {
      setProblems(describeError(error, i18n, FIELDS));
    }
  }

  return (
    <section className="card" aria-labelledby="settings-password">
      <h2 id="settings-password" className="card__title">
        {t('settings.password.title')}
      </h2>
      <p className="muted">{t('settings.password.intro')}</p>
      {done && <Alert tone="success">{t('settings.password.done')}</Alert>}
      <Form problems={problems} className="form" onSubmit={(event) => void submit(event)}>
        <TextField
          label={t('settings.password.current')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          error={problems?.fields.currentPassword}
        />
        <TextField
          label={t('settings.password.new')}
          hint={t('settings.password.newHint', { min: PASSWORD_MIN })}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          error={problems?.fields.newPassword}
        />
        <Button type="submit" busy={loading}>
          {loading ? t('settings.password.submitting') : t('settings.password.submit')}
        </Button>
      </Form>
    </section>
  );
}

import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { isLocale, LOCALES, type Locale } from '../../app/i18n/messages';
import { useViewer } from '../../app/viewer';
import { Alert, Button, Form, SelectField, TextField } from '../../ui';
import { UPDATE_PROFILE } from './documents';

const FIELDS = ['displayName', 'locale'] as const;
type Field = (typeof FIELDS)[number];

export function ProfileSection() {
  const i18n = useI18n();
  const { t } = i18n;
  const { viewer } = useViewer();
  const [updateProfile, { loading }] = useMutation(UPDATE_PROFILE);
  const [problems, setProblems] = useState<ErrorView<Field> | null>(null);
  const [saved, setSaved] = useState<'profile' | 'language' | null>(null);
  if (!viewer) return null;

  async function save(input: { displayName?: string; locale?: Locale }, what: typeof saved) {
    setProblems(null);
    setSaved(null);
    try {
      await updateProfile({ variables: { input } });
      setSaved(what);
    } catch (error) {
      setProblems(describeError(error, i18n, FIELDS));
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void save({ displayName: String(form.get('displayName')) }, 'profile');
  }

  return (
    <>
      <section className="card" aria-labelledby="settings-profile">
        <h2 id="settings-profile" className="card__title">
          {t('settings.profile.heading')}
        </h2>
        {saved === 'profile' && <Alert tone="success">{t('settings.profile.saved')}</Alert>}
        <Form problems={problems} className="form" onSubmit={submit}>
          <TextField
            label={t('settings.profile.displayName')}
            hint={t('settings.profile.displayNameHint')}
            name="displayName"
            autoComplete="name"
            defaultValue={viewer.displayName}
            maxLength={80}
            error={problems?.fields.displayName}
          />
          <dl className="field">
            <dt className="field__label">{t('settings.profile.email')}</dt>
            <dd className="field__static">{viewer.email}</dd>
          </dl>
          <Button type="submit" busy={loading}>
            {loading ? t('common.saving') : t('common.save')}
          </Button>
        </Form>
      </section>
      <section className="card" aria-labelledby="settings-language">
        <h2 id="settings-language" className="card__title">
          {t('settings.language.title')}
        </h2>
        {saved === 'language' && <Alert tone="success">{t('settings.language.saved')}</Alert>}
        <SelectField
          label={t('settings.language.label')}
          hint={t('settings.language.intro')}
          name="locale"
          value={viewer.locale}
          disabled={loading}
          onChange={(event) => {
            const next = event.target.value;
            if (isLocale(next)) void save({ locale: next }, 'language');
          }}
          options={LOCALES.map((code) => ({
            value: code,
            label: t(`language.${code}`),
            lang: code,
          }))}
        />
      </section>
    </>
  );
}

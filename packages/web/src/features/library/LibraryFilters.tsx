import { useState, type FormEvent } from 'react';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { ResourceFilter, ResourceKind, ResourceLanguage } from '../../gql/graphql';
import { Button, Form, SelectField, TextField } from '../../ui';
import { KINDS, LANGUAGES } from './options';

/** Kind, language, tag and words: the library's filters, applied when submitted. */
export function LibraryFilters({ onChange }: { onChange(filter: ResourceFilter): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    onChange({
      kind: (text('kind') as ResourceKind | undefined) ?? null,
      language: (text('language') as ResourceLanguage | undefined) ?? null,
      tag: text('tag')?.toLowerCase() ?? null,
      query: text('query') ?? null,
    });
    setOpen(true);
  }
  return (
    <Form className="filters" role="search" aria-label={t('library.filters')} onSubmit={submit}>
      <TextField label={t('library.filter.query')} name="query" type="search" />
      <SelectField
        label={t('library.field.kind')}
        name="kind"
        options={[
          { value: '', label: t('library.filter.any') },
          ...KINDS.map((value) => ({ value, label: t(`library.kind.${value}`) })),
        ]}
      />
      <SelectField
        label={t('library.field.language')}
        name="language"
        options={[
          { value: '', label: t('library.filter.any') },
          ...LANGUAGES.map((value) => ({ value, label: t(`library.language.${value}`) })),
        ]}
      />
      <TextField label={t('library.filter.tag')} name="tag" />
      <div className="form__actions">
        <Button type="submit" variant="secondary">
          {t('library.filter.apply')}
        </Button>
        {open && (
          <Button
            type="reset"
            variant="quiet"
            onClick={() => {
              setOpen(false);
              onChange({});
            }}
          >
            {t('library.filter.clear')}
          </Button>
        )}
      </div>
    </Form>
  );
}

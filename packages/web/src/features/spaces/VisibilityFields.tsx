import { useId, useState } from 'react';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { SpaceVisibility } from '../../gql/graphql';
import { SelectField } from '../../ui';

export const VISIBILITIES: readonly SpaceVisibility[] = ['ORGANISATION', 'NETWORK', 'PUBLIC'];

interface Props {
  networks: ReadonlyArray<{ id: string; name: string }>;
  defaultVisibility?: SpaceVisibility;
  defaultNetworkId?: string | null;
  errors?: { visibility?: string; networkId?: string };
}

/**
 * Who may read a space, as radio buttons with a sentence each; NETWORK also asks which
 * network. The values are read from the form as `visibility` and `networkId`.
 */
export function VisibilityFields({ networks, defaultVisibility, defaultNetworkId, errors }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [visibility, setVisibility] = useState<SpaceVisibility>(
    defaultVisibility ?? 'ORGANISATION',
  );
  return (
    <>
      <fieldset
        className="field choices"
        aria-describedby={errors?.visibility ? `${id}-error` : undefined}
      >
        <legend className="field__label">{t('space.field.visibility')}</legend>
        {VISIBILITIES.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="visibility"
              value={value}
              checked={visibility === value}
              onChange={() => setVisibility(value)}
            />
            <span>
              <span className="choice__label">{t(`visibility.${value}`)}</span>
              <span className="choice__hint">{t(`space.visibilityHint.${value}`)}</span>
            </span>
          </label>
        ))}
        {errors?.visibility && (
          <p className="field__error" id={`${id}-error`} data-field-error="visibility">
            <span aria-hidden="true" className="field__error-icon">
              !
            </span>
            {errors.visibility}
          </p>
        )}
      </fieldset>
      {visibility === 'NETWORK' && (
        <SelectField
          label={t('space.field.network')}
          hint={networks.length ? undefined : t('space.noNetworks')}
          name="networkId"
          defaultValue={defaultNetworkId ?? networks[0]?.id ?? ''}
          error={errors?.networkId}
          options={[
            { value: '', label: t('space.chooseNetwork') },
            ...networks.map((network) => ({ value: network.id, label: network.name })),
          ]}
        />
      )}
    </>
  );
}

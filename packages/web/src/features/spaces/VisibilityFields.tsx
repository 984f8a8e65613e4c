import { useState } from 'react';
import { useI18n } from '../../app/i18n/I18nProvider';
import type { SpaceVisibility } from '../../gql/graphql';
import { Field, SelectField } from '../../ui';

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
  const [visibility, setVisibility] = useState<SpaceVisibility>(
    defaultVisibility ?? 'ORGANISATION',
  );
  return (
    <>
      <Field
        kind="group"
        className="choices"
        label={t('space.field.visibility')}
        name="visibility"
        error={errors?.visibility}
      >
        {(control) =>
          VISIBILITIES.map((value, index) => (
            <label key={value} className="choice">
              <input
                id={index === 0 ? control.id : undefined}
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
          ))
        }
      </Field>
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

import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';
import type { SpaceVisibility } from '../../gql/graphql';
import { Button, Form, TextAreaField, TextField } from '../../ui';
import type { SpaceDetails } from './SpacePage';
import { VisibilityFields } from './VisibilityFields';

const UPDATE_SPACE = graphql(`
  mutation UpdateSpace($input: UpdateSpaceInput!) {
    updateSpace(input: $input) {
      space {
        id
        name
        description
        visibility
        updatedAt
        network {
          id
          name
          slug
        }
      }
    }
  }
`);

const FIELDS = ['name', 'description', 'visibility', 'networkId'] as const;
type Field = (typeof FIELDS)[number];

export function EditSpaceForm({
  space,
  onDone,
}: {
  space: SpaceDetails;
  onDone(saved: boolean): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [update, { loading }] = useMutation(UPDATE_SPACE, { refetchQueries: ['Home'] });
  const [problems, setProblems] = useState<ErrorView<Field> | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const visibility = String(form.get('visibility')) as SpaceVisibility;
    const networkId = form.get('networkId');
    setProblems(null);
    try {
      await update({
        variables: {
          input: {
            id: space.id,
            name: String(form.get('name')),
            description: String(form.get('description')),
            visibility,
            networkId: visibility === 'NETWORK' && networkId ? String(networkId) : null,
          },
        },
      });
      onDone(true);
    } catch (error) {
      setProblems(describeError(error, i18n, FIELDS));
    }
  }

  return (
    <>
      <Form problems={problems} className="form" onSubmit={(event) => void submit(event)}>
        <TextField
          label={t('space.field.name')}
          name="name"
          defaultValue={space.name}
          required
          maxLength={120}
          error={problems?.fields.name}
        />
        <TextAreaField
          label={t('space.field.description')}
          name="description"
          defaultValue={space.description}
          maxLength={2000}
          error={problems?.fields.description}
        />
        <VisibilityFields
          networks={space.organisation.networks}
          defaultVisibility={space.visibility}
          defaultNetworkId={space.network?.id}
          errors={{
            visibility: problems?.fields.visibility,
            networkId: problems?.fields.networkId,
          }}
        />
        <div className="form__actions">
          <Button type="submit" busy={loading}>
            {loading ? t('common.saving') : t('common.save')}
          </Button>
          <Button variant="quiet" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </Form>
    </>
  );
}

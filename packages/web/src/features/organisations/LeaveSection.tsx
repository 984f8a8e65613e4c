import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';
import { Alert, Button } from '../../ui';

const LEAVE_ORGANISATION = graphql(`
  mutation LeaveOrganisation($input: LeaveOrganisationInput!) {
    leaveOrganisation(input: $input) {
      removedMembershipId
    }
  }
`);

export function LeaveSection({ organisationId, name }: { organisationId: string; name: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // The header's switcher drops the organisation; home fetches on arrival anyway.
  const [leave, { loading }] = useMutation(LEAVE_ORGANISATION, {
    refetchQueries: ['MyOrganisations'],
  });

  async function confirm() {
    setProblem(null);
    try {
      await leave({ variables: { input: { organisationId } } });
      void navigate('/', { replace: true });
    } catch (error) {
      setConfirming(false);
      const view = describeError(error, i18n, ['organisationId']);
      setProblem(view.fields.organisationId ?? view.summary);
    }
  }

  return (
    <section className="card" aria-labelledby="organisation-leave">
      <h2 id="organisation-leave" className="card__title">
        {t('organisation.leave.title')}
      </h2>
      <p className="muted">{t('organisation.leave.intro', { name })}</p>
      {problem && <Alert tone="error">{problem}</Alert>}
      <div className="form__actions">
        {confirming ? (
          <>
            <Button variant="danger" busy={loading} onClick={() => void confirm()}>
              {t('organisation.leave.confirm', { name })}
            </Button>
            <Button variant="quiet" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </>
        ) : (
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {t('organisation.leave.button')}
          </Button>
        )}
      </div>
    </section>
  );
}

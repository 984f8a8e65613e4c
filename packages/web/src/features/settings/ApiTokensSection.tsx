import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { describeError, type ErrorView } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18nProvider';
import { graphql } from '../../gql';
import type { ApiTokenScope } from '../../gql/graphql';
import {
  Alert,
  Button,
  EmptyState,
  Field as LabelledField,
  Form,
  QueryBoundary,
  SelectField,
  TextField,
} from '../../ui';

const ADMIN_ORGANISATIONS = graphql(`
  query ApiTokenOrganisations {
    viewer {
      id
      memberships(first: 100) {
        edges {
          node {
            id
            organisation {
              id
              name
              viewerCan {
                manageApiTokens
              }
            }
          }
        }
      }
    }
  }
`);

const API_TOKENS = graphql(`
  query ApiTokens($organisationId: ID!) {
    apiTokens(organisationId: $organisationId, first: 100) {
      edges {
        node {
          id
          name
          scopes
          tokenPrefix
          createdAt
          expiresAt
          lastUsedAt
          revokedAt
        }
      }
    }
  }
`);

const CREATE_API_TOKEN = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      secret
      apiToken {
        id
        name
      }
    }
  }
`);

const REVOKE_API_TOKEN = graphql(`
  mutation RevokeApiToken($input: RevokeApiTokenInput!) {
    revokeApiToken(input: $input) {
      apiToken {
        id
        revokedAt
      }
    }
  }
`);

const FIELDS = ['name', 'scopes', 'expiresAt'] as const;
type Field = (typeof FIELDS)[number];

/** Settings → API tokens: for organisations where the viewer may manage them. */
export function ApiTokensSection() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const { data, loading, error, refetch } = useQuery(ADMIN_ORGANISATIONS, {
    fetchPolicy: 'cache-and-network',
  });
  const organisations =
    data?.viewer?.memberships?.edges
      .map((edge) => edge.node.organisation)
      .filter((organisation) => organisation.viewerCan.manageApiTokens) ?? [];
  const wanted = params.get('organisation');
  const selected = organisations.find((o) => o.id === wanted) ?? organisations[0];

  let body;
  if ((loading || error) && !data)
    body = <QueryBoundary inline loading={loading} error={error} retry={refetch} />;
  else if (!selected) {
    body = (
      <EmptyState title={t('apiTokens.noOrganisationsTitle')}>
        <p>{t('apiTokens.noOrganisationsBody')}</p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <SelectField
          label={t('apiTokens.organisation')}
          name="organisation"
          value={selected.id}
          onChange={(event) => setParams({ organisation: event.target.value }, { replace: true })}
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
        <OrganisationTokens key={selected.id} organisationId={selected.id} />
      </>
    );
  }

  return (
    <section className="card" aria-labelledby="settings-api-tokens">
      <h2 id="settings-api-tokens" className="card__title">
        {t('apiTokens.title')}
      </h2>
      <p className="muted">{t('apiTokens.intro')}</p>
      {body}
    </section>
  );
}

function OrganisationTokens({ organisationId }: { organisationId: string }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const { data, loading, error, refetch } = useQuery(API_TOKENS, {
    variables: { organisationId },
    fetchPolicy: 'cache-and-network',
  });
  const [create, { loading: creating }] = useMutation(CREATE_API_TOKEN);
  const [revoke] = useMutation(REVOKE_API_TOKEN);
  const [problems, setProblems] = useState<ErrorView<Field> | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const scopes: ApiTokenScope[] = form.get('write') ? ['READ', 'WRITE'] : ['READ'];
    const expiry = String(form.get('expiresAt') ?? '');
    setProblems(null);
    setOutcome(null);
    setCreated(null);
    setCopied(null);
    try {
      const { data: result } = await create({
        variables: {
          input: {
            organisationId,
            name: String(form.get('name')),
            scopes,
            // The end of the chosen day, where the person is.
            expiresAt: expiry ? new Date(`${expiry}T23:59:59`).toISOString() : null,
          },
        },
      });
      if (!result) return;
      formElement.reset();
      setCreated({
        name: result.createApiToken.apiToken.name,
        secret: result.createApiToken.secret,
      });
      await refetch();
    } catch (problem) {
      setProblems(describeError(problem, i18n, FIELDS));
    }
  }

  async function copy(secret: string) {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  async function revokeOne(id: string, name: string) {
    setRevoking(id);
    setOutcome(null);
    try {
      await revoke({ variables: { input: { id } } });
      setOutcome({ tone: 'success', text: t('apiTokens.revoked', { name }) });
    } catch (problem) {
      setOutcome({ tone: 'error', text: describeError(problem, i18n).summary ?? '' });
    } finally {
      setRevoking(null);
    }
  }

  const tokens = data?.apiTokens.edges.map((edge) => edge.node) ?? [];
  let list;
  if ((loading || error) && !data)
    list = <QueryBoundary inline loading={loading} error={error} retry={refetch} />;
  else if (!tokens.length) {
    list = (
      <EmptyState title={t('apiTokens.emptyTitle')}>
        <p>{t('apiTokens.emptyBody')}</p>
      </EmptyState>
    );
  } else {
    list = (
      <ul className="sessions">
        {tokens.map((token) => (
          <li key={token.id} className="session">
            <div className="session__main">
              <p className="session__device">
                {token.name}
                {token.revokedAt && (
                  <span className="badge badge--neutral">{t('apiTokens.revokedBadge')}</span>
                )}
              </p>
              <dl className="session__facts">
                <div>
                  <dt>{t('apiTokens.prefix')}</dt>
                  <dd>
                    <code>{token.tokenPrefix}…</code>
                  </dd>
                </div>
                <div>
                  <dt>{t('apiTokens.scopes')}</dt>
                  <dd>{token.scopes.map((scope) => t(`apiTokens.scope.${scope}`)).join(', ')}</dd>
                </div>
                <div>
                  <dt>{t('apiTokens.lastUsed')}</dt>
                  <dd>
                    {token.lastUsedAt ? date(token.lastUsedAt, 'dateTime') : t('apiTokens.never')}
                  </dd>
                </div>
                <div>
                  <dt>{t('apiTokens.expires')}</dt>
                  <dd>{token.expiresAt ? date(token.expiresAt) : t('apiTokens.noExpiry')}</dd>
                </div>
              </dl>
            </div>
            {!token.revokedAt && (
              <Button
                variant="danger"
                busy={revoking === token.id}
                aria-label={t('apiTokens.revokeLabel', { name: token.name })}
                onClick={() => void revokeOne(token.id, token.name)}
              >
                {t('apiTokens.revoke')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    );
  }

  return (
    <>
      {created && (
        <div className="secret" role="status">
          <p className="secret__title">{t('apiTokens.createdTitle', { name: created.name })}</p>
          <p>{t('apiTokens.createdWarning')}</p>
          <div className="secret__row">
            <code className="secret__value" aria-label={t('apiTokens.secretLabel')}>
              {created.secret}
            </code>
            <Button variant="secondary" onClick={() => void copy(created.secret)}>
              {t('apiTokens.copy')}
            </Button>
          </div>
          {copied === true && <p className="secret__copied">{t('apiTokens.copied')}</p>}
          {copied === false && <p>{t('apiTokens.copyFailed')}</p>}
          <Button variant="quiet" onClick={() => setCreated(null)}>
            {t('apiTokens.dismiss')}
          </Button>
        </div>
      )}
      {outcome && <Alert tone={outcome.tone}>{outcome.text}</Alert>}
      <h3 className="section__subtitle">{t('apiTokens.createTitle')}</h3>
      <Form problems={problems} className="form" onSubmit={(event) => void submit(event)}>
        <TextField
          label={t('apiTokens.name')}
          hint={t('apiTokens.nameHint')}
          name="name"
          required
          maxLength={80}
          autoComplete="off"
          error={problems?.fields.name}
        />
        <LabelledField
          kind="group"
          className="choices"
          label={t('apiTokens.scopes')}
          name="scopes"
          error={problems?.fields.scopes}
        >
          {(control) => (
            <>
              <label className="choice">
                <input id={control.id} type="checkbox" name="read" defaultChecked disabled />
                <span>
                  <span className="choice__label">{t('apiTokens.scope.READ')}</span>
                  <span className="choice__hint">{t('apiTokens.scopeHint.READ')}</span>
                </span>
              </label>
              <label className="choice">
                <input type="checkbox" name="write" />
                <span>
                  <span className="choice__label">{t('apiTokens.scope.WRITE')}</span>
                  <span className="choice__hint">{t('apiTokens.scopeHint.WRITE')}</span>
                </span>
              </label>
            </>
          )}
        </LabelledField>
        <TextField
          label={t('apiTokens.expiresAt')}
          hint={t('apiTokens.expiresAtHint')}
          name="expiresAt"
          type="date"
          error={problems?.fields.expiresAt}
        />
        <Button type="submit" busy={creating}>
          {creating ? t('apiTokens.creating') : t('apiTokens.create')}
        </Button>
      </Form>
      <h3 className="section__subtitle">{t('apiTokens.listTitle')}</h3>
      {list}
    </>
  );
}

import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { describeError, serverProblems } from '../app/errors';
import { useI18n } from '../app/i18n/I18nProvider';
import { Alert } from './Alert';
import { Button } from './Button';
import { Loading } from './Loading';
import { Page } from './Page';

/** A query that failed with nothing to show: the reason in words and a way to try again. */
export function QueryProblem({ error, retry }: { error: unknown; retry(): unknown }) {
  const i18n = useI18n();
  return (
    <Alert
      tone="error"
      action={
        <Button variant="secondary" onClick={() => void retry()}>
          {i18n.t('common.retry')}
        </Button>
      }
    >
      {describeError(error, i18n).summary}
    </Alert>
  );
}

export interface NotFound {
  title: string;
  body?: string;
  /** Where to go instead, such as the list the item was in; home unless given, none if null. */
  link?: { to: string; label: string } | null;
  /** Anything else the page says (shown after the link), such as a help text. */
  extra?: ReactNode;
}

interface QueryBoundaryProps {
  loading: boolean;
  error: unknown;
  retry(): unknown;
  /** What the page says when the item is not there: the server answers NOT_FOUND as well for
   * an item the viewer may not see, so both read the same. */
  notFound?: NotFound;
  /** A section of a page rather than a page: no heading of its own. */
  inline?: boolean;
  width?: 'narrow' | 'wide';
}

type Outcome = 'loading' | 'notFound' | 'unauthenticated' | 'forbidden' | 'failed';

function outcomeOf(loading: boolean, error: unknown): Outcome {
  if (loading) return 'loading';
  if (!error) return 'notFound';
  const codes = new Set(serverProblems(error).map((problem) => problem.code));
  if (codes.has('NOT_FOUND')) return 'notFound';
  if (codes.has('UNAUTHENTICATED')) return 'unauthenticated';
  if (codes.has('FORBIDDEN')) return 'forbidden';
  return 'failed';
}

/**
 * What a page (or a section) shows while its query has nothing to show yet: loading, the reason
 * it failed in the person's language by `extensions.code` (not found, sign in, not allowed, or
 * a failure worth retrying), or that the item is not there. Rendered in place of the content:
 * `if (!item) return <QueryBoundary … />`.
 */
export function QueryBoundary({
  loading,
  error,
  retry,
  notFound,
  inline = false,
  width = 'wide',
}: QueryBoundaryProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const location = useLocation();
  const outcome = outcomeOf(loading, error);
  if (outcome === 'loading') return <Loading label={t('common.loading')} />;

  if (outcome === 'notFound') {
    const shown = notFound ?? { title: t('notFound.title'), body: t('notFound.body') };
    const link = shown.link === undefined ? { to: '/', label: t('notFound.home') } : shown.link;
    const content = (
      <>
        {link && (
          <p>
            <Link to={link.to}>{link.label}</Link>
          </p>
        )}
        {shown.extra}
      </>
    );
    if (inline) {
      return (
        <Alert tone="info">
          <strong>{shown.title}</strong> {shown.body}
          {content}
        </Alert>
      );
    }
    return (
      <Page title={shown.title} intro={shown.body} width={width}>
        {content}
      </Page>
    );
  }

  const reason = describeError(error, i18n).summary;
  if (outcome === 'unauthenticated' || outcome === 'forbidden') {
    const next = `${location.pathname}${location.search}`;
    const body = (
      <Alert tone="error">
        {reason}
        {outcome === 'unauthenticated' && (
          <>
            {' '}
            <Link to={`/sign-in?next=${encodeURIComponent(next)}`}>{t('shell.signIn')}</Link>
          </>
        )}
      </Alert>
    );
    if (inline) return body;
    const title =
      outcome === 'forbidden' ? t('queryBoundary.forbiddenTitle') : t('queryBoundary.signInTitle');
    return (
      <Page title={title} width={width}>
        {body}
      </Page>
    );
  }

  const problem = <QueryProblem error={error} retry={retry} />;
  if (inline) return problem;
  return (
    <Page title={t('error.loadFailed')} width={width}>
      {problem}
    </Page>
  );
}

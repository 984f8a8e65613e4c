import { Alert, Button } from '../ui';
import { describeError } from './errors';
import { useI18n } from './i18n/I18nProvider';

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

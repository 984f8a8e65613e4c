import {
  useCallback,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type FormHTMLAttributes,
  type ReactNode,
} from 'react';
import { fieldMessage, lengthMessage } from '../app/errors';
import { useI18n } from '../app/i18n/I18nProvider';
import { ErrorSummary, type SummaryItem } from './ErrorSummary';
import { FormContext, type FieldEntry, type FormState } from './form-context';
import { checkControls, type ClientProblem } from './form-checks';

/** What the last attempt's answer said: `describeError`'s view, or one sentence. */
export interface FormProblems {
  summary: string | null;
  fields: Partial<Record<string, string>>;
}

interface FormProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'noValidate'> {
  problems?: FormProblems | string | null;
  /** Called only when the form's own checks pass; it calls `preventDefault` as before. */
  onSubmit(event: FormEvent<HTMLFormElement>): unknown;
  /** Off for forms whose empty send means something (a search that lists everything). */
  clientChecks?: boolean;
  children: ReactNode;
}

/**
 * Every form of the client: its own checks before sending, and an error summary at its top
 * that lists the problems (its own or the server's) and takes focus when sending fails.
 */
export function Form({
  problems = null,
  onSubmit,
  clientChecks = true,
  children,
  ...rest
}: FormProps) {
  const i18n = useI18n();
  const entries = useRef(new Map<string, FieldEntry>());
  const [client, setClient] = useState<{ problems: ClientProblem[] } | null>(null);

  const register = useCallback((name: string, entry: FieldEntry) => {
    entries.current.set(name, entry);
    return () => {
      if (entries.current.get(name) === entry) entries.current.delete(name);
    };
  }, []);

  const clientErrors = useMemo(() => {
    const errors: Partial<Record<string, string>> = {};
    for (const problem of client?.problems ?? []) {
      errors[problem.name] =
        problem.reason === 'REQUIRED'
          ? i18n.t('fieldError.REQUIRED')
          : problem.reason === 'INVALID_LENGTH'
            ? (lengthMessage(i18n, problem) ?? i18n.t('fieldError.INVALID_LENGTH'))
            : fieldMessage(i18n, { field: problem.name, reason: problem.reason, message: '' });
    }
    return errors;
  }, [client, i18n]);

  const state = useMemo<FormState>(() => ({ register, clientErrors }), [register, clientErrors]);

  const items: SummaryItem[] = [];
  if (client) {
    for (const problem of client.problems) items.push(itemFor(problem.name, clientErrors));
  } else if (typeof problems === 'string') {
    items.push({ text: problems });
  } else if (problems) {
    if (problems.summary && problems.summary !== i18n.t('common.fixErrors')) {
      items.push({ text: problems.summary });
    }
    const named = Object.keys(problems.fields).filter((name) => problems.fields[name]);
    for (const name of inDocumentOrder(named)) items.push(itemFor(name, problems.fields));
  }

  function itemFor(name: string, messages: Partial<Record<string, string>>): SummaryItem {
    const entry = entries.current.get(name);
    return { text: messages[name] ?? '', label: entry?.label, target: entry?.id };
  }

  function inDocumentOrder(names: string[]): string[] {
    const position = (name: string) => {
      const id = entries.current.get(name)?.id;
      return id ? document.getElementById(id) : null;
    };
    return [...names].sort((a, b) => {
      const first = position(a);
      const second = position(b);
      if (!first || !second) return first ? -1 : second ? 1 : 0;
      return first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    const found = clientChecks ? checkControls(event.currentTarget) : [];
    if (found.length) {
      event.preventDefault();
      setClient({ problems: found });
      return;
    }
    setClient(null);
    return onSubmit(event);
  }

  return (
    <FormContext.Provider value={state}>
      <form {...rest} noValidate onSubmit={submit}>
        <ErrorSummary
          title={i18n.t('errorSummary.title')}
          items={items}
          attempt={client ?? problems}
        />
        {children}
      </form>
    </FormContext.Provider>
  );
}

import { useEffect, useId, useRef } from 'react';

export interface SummaryItem {
  /** The message, as shown beside the field. */
  text: string;
  /** The field's label, said before the message so the list reads on its own. */
  label?: string;
  /** The id of the control to move to; items without one (a server error) are plain text. */
  target?: string;
}

interface ErrorSummaryProps {
  title: string;
  items: readonly SummaryItem[];
  /**
   * Changes with every failed attempt (a new problems object): the summary takes focus each
   * time, so the person is brought to it even when the text is the same as before.
   */
  attempt: unknown;
}

/**
 * The GOV.UK error-summary pattern: at the top of the form, announced, focused when sending
 * fails, one link per problem that moves focus to its field. Without it a failed send on a
 * phone shows nothing: the messages are beside fields far above the button.
 */
export function ErrorSummary({ title, items, attempt }: ErrorSummaryProps) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const shown = items.length > 0;
  useEffect(() => {
    if (!shown || !box.current) return;
    box.current.focus();
    // Focus scrolls only as far as needed; the whole summary, heading first, belongs on screen.
    box.current.scrollIntoView?.({ block: 'start', behavior: 'instant' });
  }, [attempt, shown]);
  if (!shown) return null;
  return (
    <div
      ref={box}
      className="error-summary"
      role="alert"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-error-summary=""
    >
      <h2 className="error-summary__title" id={titleId}>
        {title}
      </h2>
      <ul className="error-summary__list">
        {items.map((item, index) => (
          <li key={`${item.target ?? ''}-${index}`}>
            {item.target ? (
              <a
                href={`#${item.target}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusField(item.target!);
                }}
              >
                {item.label ? `${item.label}: ` : ''}
                {item.text}
              </a>
            ) : (
              item.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Focuses the control and shows its label too (GOV.UK: the label and the question sit above the
 * control, and scrolling the control alone to the top would hide them).
 */
function focusField(id: string) {
  const element = document.getElementById(id);
  if (!element) return;
  const control = element.matches('input, select, textarea, button, [tabindex]')
    ? element
    : element.querySelector<HTMLElement>('input, select, textarea, button, [tabindex]');
  (control ?? element).focus({ preventScroll: true });
  const field = element.closest('.field') ?? element;
  field.scrollIntoView?.({ block: 'start', behavior: 'instant' });
}

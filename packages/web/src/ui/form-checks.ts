/** A problem the browser-side check found, worded later like the server's (see app/errors.ts). */
export interface ClientProblem {
  name: string;
  reason: 'REQUIRED' | 'INVALID_LENGTH' | 'INVALID_FORMAT' | 'INVALID_EMAIL';
  min?: number;
  max?: number;
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const SKIPPED = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'file']);

// Close to the HTML standard's "valid e-mail address"; the server has the last word.
const EMAIL = /^[^\s@]+@[^\s@]+$/;

function isControl(element: Element): element is Control {
  return (
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement
  );
}

function matchesPattern(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    // A pattern the browser would ignore as invalid is no reason to stop the form.
    return true;
  }
}

/**
 * The form's own rules, read from its controls (`required`, `minlength`, `maxlength`,
 * `pattern`, `type=email`), one problem per name in document order. The forms are `noValidate`
 * so that these, not the browser's bubbles, are shown: worded in the page's language, in the
 * error summary and beside the field. `maxlength` stops typing but not pasted or preset text.
 */
export function checkControls(form: HTMLFormElement): ClientProblem[] {
  const problems: ClientProblem[] = [];
  const seen = new Set<string>();
  for (const element of Array.from(form.elements)) {
    if (!isControl(element) || !element.name || element.disabled) continue;
    if (element instanceof HTMLInputElement && SKIPPED.has(element.type)) continue;
    if (seen.has(element.name)) continue;
    const problem = check(form, element);
    if (problem) {
      seen.add(element.name);
      problems.push(problem);
    }
  }
  return problems;
}

function check(form: HTMLFormElement, element: Control): ClientProblem | null {
  const name = element.name;
  if (
    element instanceof HTMLInputElement &&
    (element.type === 'radio' || element.type === 'checkbox')
  ) {
    if (!element.required) return null;
    const anyChecked = Array.from(form.elements).some(
      (other) => other instanceof HTMLInputElement && other.name === name && other.checked,
    );
    return anyChecked ? null : { name, reason: 'REQUIRED' };
  }
  const value = element.value;
  if (!value.trim()) return element.required ? { name, reason: 'REQUIRED' } : null;
  if (element instanceof HTMLSelectElement) return null;
  const min = element.minLength > 0 ? element.minLength : undefined;
  const max = element.maxLength >= 0 ? element.maxLength : undefined;
  const length = value.length;
  if ((min !== undefined && length < min) || (max !== undefined && length > max)) {
    return { name, reason: 'INVALID_LENGTH', min: min ?? (element.required ? 1 : undefined), max };
  }
  if (element instanceof HTMLInputElement) {
    if (element.pattern && !matchesPattern(element.pattern, value)) {
      return { name, reason: 'INVALID_FORMAT' };
    }
    if (element.type === 'email' && !EMAIL.test(value.trim())) {
      return { name, reason: 'INVALID_EMAIL' };
    }
  }
  return null;
}

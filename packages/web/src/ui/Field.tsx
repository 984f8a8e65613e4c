import { useId, useLayoutEffect, type ReactNode } from 'react';
import { useFormState } from './form-context';

/** What the control inside a Field spreads onto itself. */
export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

interface FieldProps {
  label: string;
  /** Help shown under the label; read by screen readers with the control. */
  hint?: ReactNode;
  /**
   * The problem with the value; marks the control invalid and is read with it. Inside a Form,
   * a problem the form found before sending shows when the page passes none.
   */
  error?: string;
  /** The control's name: links the Form's problems for it to this field. */
  name?: string;
  /**
   * `control` (default): label above the control. `check`: a checkbox or radio with its label
   * beside it. `group`: a fieldset whose legend is the label, for radio groups and checkbox
   * lists; the control props go on the fieldset, and the first control gets `id`.
   */
  kind?: 'control' | 'check' | 'group';
  /** Beside the label (such as an editor's Write / Preview tabs); `topClassName` lays them out. */
  aside?: ReactNode;
  topClassName?: string;
  className?: string;
  children(control: ControlProps): ReactNode;
}

/**
 * The one place that wires a label, a hint and an error to a control: ids, `aria-describedby`,
 * `aria-invalid`, and the entry the error summary links to.
 */
export function Field({
  label,
  hint,
  error,
  name,
  kind = 'control',
  aside,
  topClassName = 'field__top',
  className,
  children,
}: FieldProps) {
  const id = useId();
  const form = useFormState();
  const shown = error ?? (name ? form?.clientErrors[name] : undefined);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, shown ? errorId : null].filter(Boolean).join(' ');
  const control: ControlProps = {
    id,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': shown ? true : undefined,
  };
  const register = form?.register;
  useLayoutEffect(() => {
    if (register && name) return register(name, { id, label });
  }, [register, name, id, label]);

  const classes = ['field', shown ? 'field--invalid' : null, className].filter(Boolean).join(' ');
  const hintBlock = hint ? (
    <p className="field__hint" id={hintId}>
      {hint}
    </p>
  ) : null;
  const errorBlock = shown ? (
    <p className="field__error" id={errorId} data-field-error={name}>
      <span aria-hidden="true" className="field__error-icon">
        !
      </span>
      {shown}
    </p>
  ) : null;

  if (kind === 'group') {
    return (
      <fieldset
        className={`${classes} field--group`}
        aria-describedby={control['aria-describedby']}
        aria-invalid={control['aria-invalid']}
      >
        <legend className="field__label">{label}</legend>
        {hintBlock}
        {errorBlock}
        {children({ id, 'aria-describedby': undefined, 'aria-invalid': undefined })}
      </fieldset>
    );
  }
  if (kind === 'check') {
    return (
      <div className={classes}>
        {errorBlock}
        <label className="checkbox" htmlFor={id}>
          {children(control)}
          {label}
        </label>
        {hintBlock}
      </div>
    );
  }
  const labelBlock = (
    <label className="field__label" htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={classes}>
      {aside ? (
        <div className={topClassName}>
          {labelBlock}
          {aside}
        </div>
      ) : (
        labelBlock
      )}
      {hintBlock}
      {children(control)}
      {errorBlock}
    </div>
  );
}

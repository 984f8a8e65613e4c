import type { InputHTMLAttributes } from 'react';
import { Field } from './Field';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  /** Help shown under the label; read by screen readers with the input. */
  hint?: string;
  /** The problem with the value; marks the input invalid and is read with it. */
  error?: string;
  name: string;
}

export function TextField({ label, hint, error, name, type = 'text', ...rest }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} name={name}>
      {(control) => (
        <input {...rest} {...control} name={name} type={type} className="field__input" />
      )}
    </Field>
  );
}

import type { TextareaHTMLAttributes } from 'react';
import { Field } from './Field';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: string;
  hint?: string;
  error?: string;
  name: string;
}

/** Longer text, such as a description; marked and described like TextField. */
export function TextAreaField({ label, hint, error, name, rows = 4, ...rest }: TextAreaFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} name={name}>
      {(control) => (
        <textarea
          {...rest}
          {...control}
          name={name}
          rows={rows}
          className="field__input field__textarea"
        />
      )}
    </Field>
  );
}

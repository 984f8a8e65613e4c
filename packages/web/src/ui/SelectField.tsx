import type { SelectHTMLAttributes } from 'react';
import { Field } from './Field';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  hint?: string;
  /** The problem with the choice; marks the select invalid and is read with it. */
  error?: string;
  options: ReadonlyArray<{ value: string; label: string; lang?: string }>;
}

export function SelectField({ label, hint, error, options, ...rest }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} name={rest.name}>
      {(control) => (
        <select {...rest} {...control} className="field__input field__select">
          {options.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

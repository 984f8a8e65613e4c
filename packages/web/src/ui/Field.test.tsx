import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../app/i18n/I18nProvider';
import { Field } from './Field';
import { SelectField } from './SelectField';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';

describe('Field', () => {
  it('links the label, the hint and the error to the control', () => {
    render(
      <Field
        label="Organisation name"
        hint="As it is registered."
        error="Use 2 to 120 characters."
        name="name"
      >
        {(control) => <input {...control} name="name" />}
      </Field>,
    );
    const input = screen.getByLabelText('Organisation name');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['As it is registered.', '!Use 2 to 120 characters.']);
  });

  it('leaves a valid control unmarked and undescribed', () => {
    render(<Field label="City">{(control) => <input {...control} />}</Field>);
    const input = screen.getByLabelText('City');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });

  it('names a radio group with a legend and describes the group', () => {
    render(
      <Field
        kind="group"
        label="Who may read it?"
        hint="You can change it later."
        error="Choose one."
      >
        {(control) => (
          <>
            <label>
              <input id={control.id} type="radio" name="visibility" value="PRIVATE" /> Members
            </label>
            <label>
              <input type="radio" name="visibility" value="PUBLIC" /> Everyone
            </label>
          </>
        )}
      </Field>,
    );
    const group = screen.getByRole('group', { name: 'Who may read it?' });
    expect(group.getAttribute('aria-invalid')).toBe('true');
    expect(group.getAttribute('aria-describedby')?.split(' ')).toHaveLength(2);
    expect(screen.getByLabelText('Members').id).toBeTruthy();
  });

  it('is what TextField, TextAreaField and SelectField are made of', () => {
    render(
      <I18nProvider initial="en">
        <TextField label="Title" name="title" error="Use 1 to 200 characters." />
        <TextAreaField label="Body" name="body" hint="Say what happened." />
        <SelectField
          label="Category"
          name="category"
          error="Choose a category."
          options={[{ value: 'a', label: 'Bribery' }]}
        />
      </I18nProvider>,
    );
    for (const [label, invalid] of [
      ['Title', true],
      ['Body', false],
      ['Category', true],
    ] as const) {
      const control = screen.getByLabelText(label);
      expect(control.getAttribute('aria-invalid') === 'true').toBe(invalid);
      expect(control.closest('.field')?.classList.contains('field--invalid')).toBe(invalid);
    }
    expect(screen.getByLabelText('Body').getAttribute('aria-describedby')).toBeTruthy();
  });
});

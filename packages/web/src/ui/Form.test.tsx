import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type FormEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../app/i18n/I18nProvider';
import type { Locale } from '../app/i18n/messages';
import { Button } from './Button';
import { Field } from './Field';
import { Form, type FormProblems } from './Form';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';

/** A form like the pages' own: the answer to a send comes back as `problems`. */
function ReportLikeForm({
  answer,
  sent,
}: {
  answer: () => FormProblems | string | null;
  sent(data: FormData): void;
}) {
  const [problems, setProblems] = useState<FormProblems | string | null>(null);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    sent(new FormData(event.currentTarget));
    setProblems(answer());
  }
  const fields = typeof problems === 'object' ? problems?.fields : undefined;
  return (
    <Form problems={problems} onSubmit={submit} aria-label="Report">
      <TextField
        label="A short title"
        name="title"
        required
        maxLength={200}
        error={fields?.title}
      />
      <TextAreaField label="Describe what happened" name="body" required error={fields?.body} />
      <TextField label="When" name="occurredAt" pattern="\d{4}-\d{2}(-\d{2})?" />
      <Field kind="check" label="I accept" name="consent">
        {(control) => <input {...control} type="checkbox" name="consent" required />}
      </Field>
      <Button type="submit">Send</Button>
    </Form>
  );
}

function renderForm(
  answer: () => FormProblems | string | null = () => null,
  locale: Locale = 'en',
) {
  const sent = vi.fn<(data: FormData) => void>();
  render(
    <I18nProvider initial={locale}>
      <ReportLikeForm answer={answer} sent={sent} />
    </I18nProvider>,
  );
  return { sent, user: userEvent.setup() };
}

const summary = () => screen.getByRole('alert', { name: 'There is a problem' });

describe('the error summary', () => {
  it('takes focus when the form’s own checks fail, and sends nothing', async () => {
    const { sent, user } = renderForm();
    await user.type(screen.getByLabelText('When'), 'last spring');
    await user.click(screen.getByRole('button', { name: 'Send' }));

    expect(sent).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(summary());
    const links = within(summary())
      .getAllByRole('link')
      .map((link) => link.textContent);
    // In the order of the form, each with its field's label.
    expect(links).toEqual([
      'A short title: Fill in this field.',
      'Describe what happened: Fill in this field.',
      'When: Use a month like 2026-05 or a day like 2026-05-14.',
      'I accept: Fill in this field.',
    ]);
    // The same words beside each field, which is marked invalid.
    expect(screen.getByLabelText('A short title').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('I accept').getAttribute('aria-invalid')).toBe('true');
  });

  it('moves focus to the field whose link is followed', async () => {
    const { user } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await user.click(within(summary()).getByRole('link', { name: /^Describe what happened/ }));
    expect(document.activeElement).toBe(screen.getByLabelText('Describe what happened'));
    await user.click(within(summary()).getByRole('link', { name: /^I accept/ }));
    expect(document.activeElement).toBe(screen.getByLabelText('I accept'));
  });

  it('states the allowed length when a value is longer than the field takes', async () => {
    const { user } = renderForm(() => null, 'ru');
    const title = screen.getByLabelText('A short title') as HTMLInputElement;
    // maxlength stops typing, not a value set by a script or kept by the browser.
    title.value = 'x'.repeat(201);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const alert = screen.getByRole('alert', { name: 'Исправьте ошибки' });
    expect(within(alert).getByRole('link', { name: /^A short title/ }).textContent).toBe(
      'A short title: Количество символов: от 1 до 200.',
    );
  });

  it('lists the server’s problems, with one that has no field as plain text, and takes focus', async () => {
    let answers = 0;
    const { sent, user } = renderForm(() => ({
      summary: `Too many attempts (${++answers}).`,
      fields: { body: 'Use 1 to 20,000 characters.' },
    }));
    await user.type(screen.getByLabelText('A short title'), 'Split tenders');
    await user.type(screen.getByLabelText('Describe what happened'), 'Three tenders.');
    await user.click(screen.getByLabelText('I accept'));
    await user.click(screen.getByRole('button', { name: 'Send' }));

    expect(sent).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(summary());
    const items = within(summary()).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Too many attempts (1).',
      'Describe what happened: Use 1 to 20,000 characters.',
    ]);
    expect(within(items[0]!).queryByRole('link')).toBeNull();

    // A second failure brings focus back to the summary, wherever the person was.
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(document.activeElement).toBe(summary());
    expect(summary().textContent).toContain('Too many attempts (2).');
  });

  it('shows nothing while nothing is wrong', async () => {
    const { sent, user } = renderForm(() => null);
    await user.type(screen.getByLabelText('A short title'), 'Split tenders');
    await user.type(screen.getByLabelText('Describe what happened'), 'Three tenders.');
    await user.type(screen.getByLabelText('When'), '2026-05');
    await user.click(screen.getByLabelText('I accept'));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(sent).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

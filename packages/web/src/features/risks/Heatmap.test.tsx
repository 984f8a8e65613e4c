import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../app/i18n/I18nProvider';
import { Heatmap } from './Heatmap';

const cells = [
  { likelihood: 5, impact: 5, level: 'CRITICAL' as const, count: 1 },
  { likelihood: 4, impact: 5, level: 'CRITICAL' as const, count: 2 },
];

describe('Heatmap', () => {
  it('is a table whose cells say their count and level, and choosing one filters', async () => {
    const onSelect = vi.fn();
    render(
      <I18nProvider initial="en">
        <Heatmap cells={cells} caption="Before treatment" selected={null} onSelect={onSelect} />
      </I18nProvider>,
    );
    expect(screen.getByRole('table', { name: 'Before treatment' })).toBeTruthy();
    const two = screen.getByRole('button', {
      name: 'Likelihood 4, impact 5, Critical: 2 risks',
    });
    expect(two.textContent).toContain('2');
    expect(
      (
        screen.getByRole('button', {
          name: 'Likelihood 1, impact 1, Low: 0 risks',
        }) as HTMLButtonElement
      ).disabled,
    ).toBe(true);
    await userEvent.click(two);
    expect(onSelect).toHaveBeenCalledWith({ likelihood: 4, impact: 5 });
  });

  it('without a handler shows the cells as text only', () => {
    render(
      <I18nProvider initial="ru">
        <Heatmap cells={cells} caption="Карта" />
      </I18nProvider>,
    );
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(screen.getByText('Вероятность 5, последствия 5, Критический: 1 риск')).toBeTruthy();
  });
});

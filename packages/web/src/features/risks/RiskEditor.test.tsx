import { MockedProvider } from '@apollo/client/testing/react';
import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../app/i18n/I18nProvider';
import { AddRiskDocument, type RiskFieldsFragment } from '../../gql/graphql';
import { Mitigations } from './Mitigations';
import { RiskEditor } from './RiskEditor';

const THREAD = '0b7c52c4-7f0e-4a57-9a43-2f1d1c7f6a10';

const evidenceRefused: MockedResponse = {
  request: {
    query: AddRiskDocument,
    variables: {
      input: {
        assessmentId: 'a1',
        title: 'Kickbacks for permits',
        process: '',
        description: '',
        scheme: '',
        indicators: [],
        likelihood: 4,
        impact: 3,
        evidenceThreadIds: [THREAD],
        evidenceResourceIds: [],
      },
    },
  },
  result: {
    errors: [
      new GraphQLError('One of the evidence threads does not exist or you cannot read it.', {
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [
            {
              field: 'evidenceThreadIds',
              reason: 'EVIDENCE_NOT_FOUND',
              message: 'One of the evidence threads does not exist or you cannot read it.',
            },
          ],
        },
      }),
    ],
  },
};

function described(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('the risk editor', () => {
  it('explains the score while the sliders move, and puts a refused evidence link beside its field', async () => {
    const user = userEvent.setup();
    render(
      <MockedProvider mocks={[evidenceRefused]}>
        <I18nProvider initial="en">
          <RiskEditor assessmentId="a1" onDone={() => {}} />
        </I18nProvider>
      </MockedProvider>,
    );
    await user.type(screen.getByLabelText('Risk'), 'Kickbacks for permits');
    fireEvent.change(screen.getByLabelText('Likelihood'), { target: { value: '4' } });
    expect(screen.getByText('Score 4 × 3 = 12:').closest('p')?.textContent).toContain('High');
    await user.type(screen.getByLabelText('Evidence'), `https://alany.kz/t/${THREAD}`);
    await user.click(screen.getByRole('button', { name: 'Add risk' }));
    const evidence = screen.getByLabelText('Evidence');
    await screen.findByText(/One of these threads does not exist or you cannot read it/, {
      selector: '.field__error',
    });
    expect(evidence.getAttribute('aria-invalid')).toBe('true');
    expect(described(evidence)).toContain('One of these threads does not exist');
  });

  it('refuses text that is not a thread link before sending anything', async () => {
    const user = userEvent.setup();
    render(
      <MockedProvider mocks={[]}>
        <I18nProvider initial="ru">
          <RiskEditor assessmentId="a1" onDone={() => {}} />
        </I18nProvider>
      </MockedProvider>,
    );
    await user.type(screen.getByLabelText('Риск'), 'Откаты');
    await user.type(screen.getByLabelText('Доказательства'), 'см. выше');
    await user.click(screen.getByRole('button', { name: 'Добавить риск' }));
    expect(
      await screen.findByText(/Вставьте ссылки на обсуждения/, { selector: '.field__error' }),
    ).toBeTruthy();
  });
});

const risk: RiskFieldsFragment = {
  __typename: 'Risk',
  id: 'r1',
  title: 'Plots allocated without an auction',
  description: '',
  process: '',
  scheme: '',
  indicators: [],
  likelihood: 5,
  impact: 5,
  score: 25,
  level: 'CRITICAL',
  residualLikelihood: null,
  residualImpact: null,
  residualScore: 25,
  residualLevel: 'CRITICAL',
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
  evidenceThreads: [],
  evidenceResources: [],
  history: [],
  mitigations: [
    {
      __typename: 'Mitigation',
      id: 'm1',
      action: 'Publish every decision of the land commission',
      dueDate: '2026-11-10',
      status: 'OVERDUE',
      completedAt: null,
      createdAt: '2026-11-01T10:00:00Z',
      owner: { __typename: 'User', id: 'u1', displayName: 'Aigerim Sadykova' },
    },
  ],
};

describe('the mitigation tracker', () => {
  it('marks an overdue action in words, and refuses a due date in the past without writing', async () => {
    const user = userEvent.setup();
    render(
      <MockedProvider mocks={[]}>
        <I18nProvider initial="en">
          <Mitigations risk={risk} assessmentId="a1" organisationId={undefined} canEdit />
        </I18nProvider>
      </MockedProvider>,
    );
    expect(screen.getByText('1 action is overdue.')).toBeTruthy();
    expect(screen.getByText('Overdue').closest('.mitigation--overdue')).toBeTruthy();
    expect(screen.getByText(/Responsible: Aigerim Sadykova/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Add an action' }));
    await user.type(screen.getByLabelText('Action'), 'Auction every plot');
    fireEvent.change(screen.getByLabelText('Due date'), { target: { value: '2020-01-01' } });
    await user.click(screen.getByRole('button', { name: 'Add action' }));
    const due = screen.getByLabelText('Due date');
    expect(
      await screen.findByText(/A new action cannot be due in the past/, {
        selector: '.field__error',
      }),
    ).toBeTruthy();
    expect(due.getAttribute('aria-invalid')).toBe('true');
    // Still one action: nothing was sent.
    expect(screen.getAllByText(/Publish every decision/)).toHaveLength(1);

    // Correcting the date takes its message away.
    fireEvent.change(due, { target: { value: '2099-01-01' } });
    expect(screen.queryByText(/A new action cannot be due in the past/)).toBeNull();
    expect(due.getAttribute('aria-invalid')).toBeNull();
  });
});

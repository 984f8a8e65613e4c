import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../app/i18n/translate';
import { describeAuditData } from './audit-details';

const invitationId = '0b6c9a52-4a57-4e8f-9a59-5f8d3c1f2e10';
const userId = '5c1e1c1e-2f0b-4d7a-8b3e-2a9b7c6d5e4f';

describe('audit details', () => {
  it('translates enum values and names ids, in each language', () => {
    const data = { invitationId, role: 'MEMBER' };
    const references = [
      { key: 'invitationId', kind: 'INVITATION', id: invitationId, name: 'erlan@example.kz' },
    ];
    expect(describeAuditData(createTranslator('en'), data, references)).toBe(
      'invitation: erlan@example.kz · role: Member',
    );
    expect(describeAuditData(createTranslator('ru'), data, references)).toBe(
      'приглашение: erlan@example.kz · роль: Участник',
    );
    expect(describeAuditData(createTranslator('kk'), { visibility: 'ORGANISATION' }, [])).toBe(
      'кімге көрінеді: Тек ұйым',
    );
  });

  it('never shows a bare id, even when the name is not visible to the reader', () => {
    const text = describeAuditData(
      createTranslator('en'),
      { userId, from: 'MEMBER', to: 'ADMIN' },
      [{ key: 'userId', kind: 'PERSON', id: userId, name: null }],
    );
    expect(text).toBe('person: not visible to you · from: Member · to: Administrator');
    expect(text).not.toContain(userId);
  });
});

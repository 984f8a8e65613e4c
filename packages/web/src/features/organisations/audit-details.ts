import type { Translator } from '../../app/i18n/translate';

export interface AuditReferenceView {
  key: string;
  kind: string;
  id: string;
  name?: string | null;
}

/** Values that are enum members the interface already has words for. */
const TRANSLATED_VALUES: Record<string, string> = {
  role: 'role.',
  from: 'role.',
  to: 'role.',
  visibility: 'visibility.',
};

function valueText(i18n: Translator, key: string, value: unknown): string {
  if (typeof value === 'boolean') return i18n.t(value ? 'audit.value.yes' : 'audit.value.no');
  if (Array.isArray(value)) return value.map((v) => valueText(i18n, key, v)).join(', ');
  if (value && typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  const translated = `${TRANSLATED_VALUES[key] ?? 'audit.value.'}${text}`;
  return key in TRANSLATED_VALUES && i18n.has(translated) ? i18n.t(translated) : text;
}

/**
 * An audit entry's details as a reader wants them (issue #26.11): each key in words, enum values
 * translated, and ids replaced by the names the server resolved for this reader ("not visible to
 * you" when it gave none: never a bare UUID).
 */
export function describeAuditData(
  i18n: Translator,
  data: unknown,
  references: readonly AuditReferenceView[],
): string {
  if (!data || typeof data !== 'object') return '';
  return Object.entries(data as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .filter(([, value]) => !Array.isArray(value) || value.length > 0)
    .map(([key, value]) => {
      const labelKey = `audit.key.${key}`;
      const label = i18n.has(labelKey) ? i18n.t(labelKey) : key;
      const named = references.filter((ref) => ref.key === key);
      const text = named.length
        ? named.map((ref) => ref.name ?? i18n.t('audit.notVisible')).join(', ')
        : valueText(i18n, key, value);
      return `${label}: ${text}`;
    })
    .join(' · ');
}

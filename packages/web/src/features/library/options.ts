import type { ResourceKind, ResourceLanguage } from '../../gql/graphql';

export const KINDS: readonly ResourceKind[] = [
  'DOCUMENT',
  'TEMPLATE',
  'TOOLKIT',
  'STUDY',
  'DATASET',
  'LINK',
];
export const LANGUAGES: readonly ResourceLanguage[] = ['KK', 'RU', 'EN', 'MULTILINGUAL', 'OTHER'];

/** "Anti-bribery, Procurement , " → ["Anti-bribery", "Procurement"]. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

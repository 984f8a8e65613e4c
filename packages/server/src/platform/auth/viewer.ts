export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export type Viewer =
  { kind: 'anonymous' } | { kind: 'user'; userId: string; sessionId: string; locale: Locale };

export const ANONYMOUS: Viewer = Object.freeze({ kind: 'anonymous' });

/** Authenticates a bearer secret (a session cookie's value); unknown, expired or revoked → anonymous. */
export type Authenticate = (secret: string) => Promise<Viewer>;

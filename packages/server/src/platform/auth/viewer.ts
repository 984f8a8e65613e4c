export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const TOKEN_SCOPES = ['READ', 'WRITE'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * When the credential stops working (`null`: never by itself), as its lookup found it; a
 * WebSocket carrying the credential is closed at that moment. Absent where nobody needs it (an
 * HTTP request's session looked up in its `BEGIN`).
 */
interface Expiring {
  expiresAt?: Date | null;
}

export type Viewer =
  | { kind: 'anonymous' }
  | ({ kind: 'user'; userId: string; sessionId: string; locale: Locale } & Expiring)
  /** An integrator's API token: acts for one organisation, as a plain member, within its scopes. */
  | ({
      kind: 'apiToken';
      tokenId: string;
      organisationId: string;
      scopes: readonly TokenScope[];
    } & Expiring)
  /** Someone in an event's audience without an account: known only by a guest token. */
  | ({
      kind: 'guest';
      participantId: string;
      eventId: string;
      /**
       * The hash of the guest's token, the proof a vote carries to `alany.cast_vote` (as stored
       * in the database; never the token itself).
       */
      tokenHash: string;
    } & Expiring);

export const ANONYMOUS: Viewer = Object.freeze({ kind: 'anonymous' });

/**
 * Authenticates a bearer secret (a session cookie's value or an API token). An unknown, expired
 * or revoked session is anonymous; an unknown, expired or revoked API token is refused
 * (`undefined`), since an integrator must learn that its token stopped working.
 */
export type Authenticate = (secret: string) => Promise<Viewer | undefined>;

export const API_TOKEN_PREFIX = 'alany_';
export const GUEST_TOKEN_PREFIX = 'guest_';

/** Credentials as one string each: revocations name them so, and sockets are counted by them. */
export const credential = {
  session: (sessionId: string) => `session:${sessionId}`,
  apiToken: (tokenId: string) => `apiToken:${tokenId}`,
  guest: (participantId: string) => `guest:${participantId}`,
};

/** The credential a viewer acts with (see `credential`); `undefined` for nobody. */
export function credentialKey(viewer: Viewer): string | undefined {
  switch (viewer.kind) {
    case 'user':
      return credential.session(viewer.sessionId);
    case 'apiToken':
      return credential.apiToken(viewer.tokenId);
    case 'guest':
      return credential.guest(viewer.participantId);
    default:
      return undefined;
  }
}

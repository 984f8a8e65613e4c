import { useSyncExternalStore } from 'react';

/**
 * The credential this browser used ended elsewhere: the session was signed out on another
 * device (or expired, or was replaced), or the event's guest token was refused. Set by the
 * Apollo setup (apollo.ts) when the server closes the socket with 4403 or refuses the token over
 * HTTP; read by the pages that tell the person (Layout for a session, the audience page for a
 * guest) until they dismiss it, sign in or join again.
 */
export type EndedCredential = 'session' | 'guest';

let ended: EndedCredential | null = null;
const listeners = new Set<() => void>();

function set(next: EndedCredential | null): void {
  if (next === ended) return;
  ended = next;
  for (const listener of listeners) listener();
}

export function announceCredentialEnded(kind: EndedCredential): void {
  set(kind);
}

/** Once the person has read it, or has a credential again. */
export function dismissCredentialEnded(kind: EndedCredential): void {
  if (ended === kind) set(null);
}

export function useEndedCredential(): EndedCredential | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => ended,
  );
}

let signingOutUntil = 0;

/**
 * This tab signs out itself: the server then closes its socket with 4403 too, which is no news
 * to tell the person about.
 */
export function expectSignOut(): void {
  signingOutUntil = Date.now() + 15_000;
}

export function signOutExpected(): boolean {
  return Date.now() < signingOutUntil;
}

/**
 * A guest at a live event carries a token instead of a session. It is kept per event code in
 * sessionStorage (gone when the tab closes) and sent only while that event's audience page is
 * open: as `Authorization: Bearer` on HTTP and as connectionParams.authorization on the socket.
 */
let active: string | null = null;

const key = (code: string) => `alany.guest.${code.toUpperCase()}`;

export function storedGuestToken(code: string): string | null {
  try {
    return sessionStorage.getItem(key(code));
  } catch {
    return null;
  }
}

export function storeGuestToken(code: string, token: string): void {
  try {
    sessionStorage.setItem(key(code), token);
  } catch {
    // Storage disabled: the token still works until the page is closed.
  }
}

export function setActiveGuestToken(token: string | null): void {
  active = token;
}

export function activeGuestToken(): string | null {
  return active;
}

/** The server refused this token (its event is gone, or it expired): never send it again. */
export function forgetGuestToken(token: string): void {
  if (active === token) active = null;
  try {
    for (let i = sessionStorage.length - 1; i >= 0; i -= 1) {
      const name = sessionStorage.key(i);
      if (name?.startsWith('alany.guest.') && sessionStorage.getItem(name) === token) {
        sessionStorage.removeItem(name);
      }
    }
  } catch {
    // Storage disabled: nothing was kept.
  }
}

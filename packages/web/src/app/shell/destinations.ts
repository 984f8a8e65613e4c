import type { TextKey } from '../i18n/messages';

export interface Destination {
  to: string;
  label: TextKey;
  /** Only the exact path counts as "here" (the home page would otherwise match everything). */
  end?: boolean;
  strong?: boolean;
}

/** Every place a signed-in person can go from the header, in the order the tabs show them. */
export const SIGNED_IN_DESTINATIONS: readonly Destination[] = [
  { to: '/', label: 'shell.nav.home', end: true },
  { to: '/events', label: 'shell.nav.events' },
  { to: '/library', label: 'shell.nav.library' },
  { to: '/risks', label: 'shell.nav.risks' },
  { to: '/search', label: 'shell.nav.search' },
  { to: '/settings', label: 'shell.nav.settings' },
];

/** What a signed-out visitor can reach from the header. */
export const GUEST_DESTINATIONS: readonly Destination[] = [
  { to: '/library', label: 'shell.nav.library' },
  { to: '/sign-in', label: 'shell.signIn' },
  { to: '/sign-up', label: 'shell.signUp', strong: true },
];

import { Authorized, type AuthChecker } from 'type-graphql';
import type { TokenScope, Viewer } from '../auth/viewer.js';
import type { Context } from './context.js';
import { forbidden, unauthenticated } from './errors.js';

/**
 * Every root field says who may call it, with exactly one of these decorators; a test fails on
 * a Query, Mutation or Subscription field that has none, so nothing is open by accident.
 * Finer rules (which organisation, which role) live in each feature's policy.
 */
const PUBLIC = 'PUBLIC';
const tokenRole = (scope: TokenScope) => `API_TOKEN:${scope}`;

/** Anyone, signed in or not. Say it out loud. */
export const Public = () => Authorized(PUBLIC);

/** A signed-in person; API tokens may not. */
export const SignedIn = () => Authorized();

/** A signed-in person, or a guest of an event's audience (joined with the event's code). */
const AUDIENCE = 'AUDIENCE';
export const Audience = () => Authorized(AUDIENCE);

/** A signed-in person, or an integrator's API token holding `scope`. */
export const SignedInOrToken = (scope: TokenScope) => Authorized(tokenRole(scope));

export const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  if (roles.includes(PUBLIC)) return true;
  const viewer = context.viewer;
  if (viewer.kind === 'user') return true;
  if (viewer.kind === 'guest') {
    if (roles.includes(AUDIENCE)) return true;
    throw forbidden('Guests can only take part in the event they joined.');
  }
  if (viewer.kind === 'apiToken') {
    if (viewer.scopes.some((scope) => roles.includes(tokenRole(scope)))) return true;
    throw forbidden('An API token cannot do this, or lacks the scope for it.');
  }
  throw unauthenticated();
};

export type UserViewer = Extract<Viewer, { kind: 'user' }>;

/** Narrows the viewer for services: fails closed instead of acting for nobody. */
export function requireUser(context: Context): UserViewer {
  if (context.viewer.kind !== 'user') throw unauthenticated();
  return context.viewer;
}

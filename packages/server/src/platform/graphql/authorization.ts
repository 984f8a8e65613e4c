import { Authorized, type AuthChecker } from 'type-graphql';
import type { Context } from './context.js';
import { unauthenticated } from './errors.js';

/**
 * Every root field says who may call it, with exactly one of these decorators; a test fails on
 * a Query, Mutation or Subscription field that has none, so nothing is open by accident.
 * Finer rules (which organisation, which role) live in each feature's policy.
 */
const PUBLIC = 'PUBLIC';

/** Anyone, signed in or not. Say it out loud. */
export const Public = () => Authorized(PUBLIC);

/** A signed-in person. */
export const SignedIn = () => Authorized();

export const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  if (roles.includes(PUBLIC)) return true;
  if (context.viewer.kind === 'user') return true;
  throw unauthenticated();
};

/** Narrows the viewer for services: fails closed instead of acting for nobody. */
export function requireUser(context: Context): Extract<Context['viewer'], { kind: 'user' }> {
  if (context.viewer.kind !== 'user') throw unauthenticated();
  return context.viewer;
}

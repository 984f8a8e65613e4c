import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../../platform/auth/passwords.js';
import { LocaleCode, User } from '../accounts/index.js';

export const DEMO_SIGN_IN = { email: 'demo@alany.kz', password: 'alany-demo-2026' } as const;

/** Seeds the demo data once: a database that already has the demo account is left as it is. */
export async function seedDemoData(em: EntityManager): Promise<boolean> {
  if (await em.count(User, { email: DEMO_SIGN_IN.email })) return false;
  em.create(User, {
    email: DEMO_SIGN_IN.email,
    displayName: 'Aigerim Demo',
    handle: 'aigerim',
    passwordHash: await hashPassword(DEMO_SIGN_IN.password),
    locale: LocaleCode.en,
    // Nobody can follow a link mailed to the demo address: it counts as confirmed.
    emailVerifiedAt: new Date(),
  });
  await em.flush();
  return true;
}

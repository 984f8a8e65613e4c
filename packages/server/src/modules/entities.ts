import { Session, User } from './accounts/accounts.entity.js';

/** Every MikroORM entity, listed explicitly: no file-system discovery at start. */
export const entities = [User, Session] as const;

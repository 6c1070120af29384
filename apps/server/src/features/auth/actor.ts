import { can, type Permission, type Role } from '@rapport/contracts';
import { AppError } from '../../errors.js';

/** Who is acting: a signed-in user, through a session cookie or an API token. */
export interface Actor {
  id: string;
  name: string;
  role: Role;
  via: 'session' | 'token';
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('unauthenticated');
  return actor;
}

/** Services open with this: authorisation first, then the rules. */
export function requirePermission(actor: Actor | null, permission: Permission): Actor {
  const signedIn = requireActor(actor);
  if (!can(signedIn.role, permission)) {
    throw new AppError('forbidden', `The role ${signedIn.role} may not do this (${permission})`);
  }
  return signedIn;
}

// The three roles, each including the ones below it: admin ⊃ analyst ⊃ viewer.
export type Role = 'admin' | 'analyst' | 'viewer';
export const ROLES: Role[] = ['admin', 'analyst', 'viewer'];

export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(needed);
}

/** The lesser of two roles: a token never carries more than its creator holds now. */
export function lesserRole(a: Role, b: Role): Role {
  return ROLES.indexOf(a) >= ROLES.indexOf(b) ? a : b;
}

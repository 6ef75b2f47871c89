/**
 * Roles and what they may do. Pure: no database, no Next.
 *
 * - read:   see datasets, pairs, runs, exports (every signed-in user)
 * - review: pair decisions, bulk review, flags, reference corrections
 * - export: create export snapshots
 * - manage: users, dataset membership, providers, datasets (create, import, guidelines), runs (start, cancel)
 */
export const ROLES = ["admin", "reviewer", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = ["read", "review", "export", "manage"] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(PERMISSIONS),
  reviewer: new Set(["read", "review", "export"]),
  viewer: new Set(["read"]),
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

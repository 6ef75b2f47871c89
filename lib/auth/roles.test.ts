import { describe, expect, it } from "vitest";
import { can, isRole, PERMISSIONS, ROLES, type Permission, type Role } from "./roles";

const EXPECTED: Record<Role, Permission[]> = {
  admin: ["read", "review", "export", "manage"],
  reviewer: ["read", "review", "export"],
  viewer: ["read"],
};

describe("can", () => {
  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const allowed = EXPECTED[role].includes(permission);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    }
  }

  it("grants are nested: every permission of a lower role is held by the roles above it", () => {
    const pairs: [Role, Role][] = [
      ["viewer", "reviewer"],
      ["reviewer", "admin"],
    ];
    for (const [lower, higher] of pairs) {
      for (const p of PERMISSIONS) if (can(lower, p)) expect(can(higher, p)).toBe(true);
    }
  });
});

describe("isRole", () => {
  it("accepts the three roles and nothing else", () => {
    expect(ROLES.every(isRole)).toBe(true);
    for (const v of ["Admin", "owner", "", null, 1, undefined]) expect(isRole(v)).toBe(false);
  });
});

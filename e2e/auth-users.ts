import path from "node:path";

// Users the e2e global setup creates on the fresh test server, one per role.
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? ".data-e2e";
export const E2E_PASSWORD = "e2e password 0123";
export const E2E_USERS = {
  admin: { email: "e2e-admin@example.test", name: "E2E Admin", role: "admin" },
  reviewer: { email: "e2e-reviewer@example.test", name: "E2E Reviewer", role: "reviewer" },
  viewer: { email: "e2e-viewer@example.test", name: "E2E Viewer", role: "viewer" },
} as const;
export type E2ERole = keyof typeof E2E_USERS;

/** Playwright storage state (session cookie) of a role's signed-in user. */
export function storageStateOf(role: E2ERole): string {
  return path.join(E2E_DATA_DIR, "e2e-auth", `${role}.json`);
}

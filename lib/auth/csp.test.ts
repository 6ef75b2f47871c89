import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isPublicPath } from "./csp";

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce (no unsafe-inline) and forbids framing", () => {
    const csp = contentSecurityPolicy("abc123", false);
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });
  it("adds eval and websockets only in development (React dev tools, HMR)", () => {
    expect(contentSecurityPolicy("n", true)).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n", true)).toContain("connect-src 'self' ws: wss:");
  });
});

describe("isPublicPath", () => {
  it.each([
    ["/login", true],
    ["/api/auth/sign-in/email", true],
    ["/api/health", true],
    ["/api/v1/datasets", true],
    ["/", false],
    ["/datasets", false],
    ["/api/runs/1", false],
    ["/api/healthz", false],
    ["/api/v10", false],
    ["/loginx", false],
  ])("%s → %s", (path, expected) => expect(isPublicPath(path)).toBe(expected));
});

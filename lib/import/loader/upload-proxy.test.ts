import * as staticInfo from "next/dist/build/analysis/get-page-static-info";
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";

// Next buffers (and cuts at 10 MB) the body of every request its proxy sees: the upload route must
// not be one of them. The matcher is compiled here exactly as `next build` compiles it (the function
// is exported, though not typed).
const { getMiddlewareMatchers } = staticInfo as unknown as {
  getMiddlewareMatchers(matcher: unknown, nextConfig: object): { regexp: string }[];
};
const matchers = getMiddlewareMatchers(config.matcher, {}).map((m) => new RegExp(m.regexp));
const proxied = (path: string) => matchers.some((re) => re.test(path));

describe("proxy matcher", () => {
  it("leaves the upload route out, so its body streams whole", () => {
    expect(proxied("/api/datasets/demo/imports")).toBe(false);
    expect(proxied("/api/datasets/my-set-2/imports/")).toBe(false);
  });

  it("still runs before everything else, the upload's status and rejects routes included", () => {
    for (const path of [
      "/",
      "/datasets",
      "/datasets/demo/import",
      "/api/health",
      "/api/datasets/demo/imports/5",
      "/api/datasets/demo/imports/5/rejects",
      "/api/datasets/demo/pairs",
      "/api/v1/datasets",
    ]) {
      expect(proxied(path), path).toBe(true);
    }
    expect(proxied("/_next/static/chunks/app.js")).toBe(false);
  });
});

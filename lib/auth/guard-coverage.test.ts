import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every server action and route handler must check the caller on the server (issue #9).
// Route handlers under these folders authenticate differently (better-auth itself) or are public
// (health probe). The REST API (api/v1) guards with requireApiActor (bearer token or session), which
// its handlers call through the helpers of app/api/v1/_lib/guard.ts (checked below to do so).
const APP = path.resolve(__dirname, "../../app");
const EXEMPT_ROUTES = ["api/auth/", "api/health/"];
const API_GUARD_MODULE = "api/v1/_lib/guard.ts";
const API_GUARD_HELPERS = ["withApiActor", "withApiDataset", "withApiRecord"];
const GUARDS = ["requireActor", "requireDatasetActor", "requireRouteActor", "requireApiActor", ...API_GUARD_HELPERS];
const HTTP_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);
// State-changing handlers must use a guard that also refuses cross-origin cookie requests (CSRF,
// issue 16): requireActor alone does not look at the request's Origin.
const MUTATING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const ORIGIN_CHECKING_GUARDS = ["requireRouteActor", "requireApiActor", ...API_GUARD_HELPERS];
const LIB_AUTH = path.resolve(__dirname);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

type Handler = { name: string; body: ts.Node | undefined };

/** Exported functions (declarations and `export const x = async () => …`) of a module. */
export function exportedFunctions(source: string, file = "x.ts"): Handler[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const out: Handler[] = [];
  const exported = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && exported(st) && st.name) out.push({ name: st.name.text, body: st.body });
    if (ts.isVariableStatement(st) && exported(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        if (ts.isIdentifier(d.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)))
          out.push({ name: d.name.text, body: init.body });
      }
    }
  }
  return out;
}

/** True when the function body calls one of the guards (anywhere, including nested callbacks). */
export function callsGuard(body: ts.Node | undefined, guards: readonly string[] = GUARDS): boolean {
  let found = false;
  const visit = (n: ts.Node) => {
    if (found) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && guards.includes(n.expression.text)) found = true;
    else ts.forEachChild(n, visit);
  };
  if (body) visit(body);
  return found;
}

function isServerActionModule(source: string): boolean {
  return /^\s*(?:\/\/[^\n]*\n\s*)*["']use server["']/.test(source);
}

const files = walk(APP).map((f) => ({ rel: path.relative(APP, f).split(path.sep).join("/"), source: readFileSync(f, "utf8") }));

describe("every server action and route handler calls the auth guard", () => {
  const actionModules = files.filter((f) => f.rel.endsWith("actions.ts") || isServerActionModule(f.source));
  const routeModules = files.filter((f) => /(^|\/)route\.ts$/.test(f.rel) && !EXEMPT_ROUTES.some((p) => f.rel.startsWith(p)));

  it("finds the modules it checks (the scan itself works)", () => {
    expect(actionModules.length).toBeGreaterThanOrEqual(7);
    expect(routeModules.length).toBeGreaterThanOrEqual(6);
  });

  for (const f of actionModules) {
    it(`server actions in app/${f.rel}`, () => {
      const unguarded = exportedFunctions(f.source, f.rel)
        .filter((h) => !callsGuard(h.body))
        .map((h) => h.name);
      expect(unguarded, `exported server actions without requireActor(...) in app/${f.rel}`).toEqual([]);
    });
  }

  for (const f of routeModules) {
    it(`route handlers in app/${f.rel}`, () => {
      const handlers = exportedFunctions(f.source, f.rel).filter((h) => HTTP_METHODS.has(h.name));
      expect(handlers.length).toBeGreaterThan(0);
      const unguarded = handlers.filter((h) => !callsGuard(h.body)).map((h) => h.name);
      expect(unguarded, `route handlers without requireRouteActor(...) / requireApiActor(...) / withApi*(...) in app/${f.rel}`).toEqual([]);
    });
  }

  for (const f of routeModules) {
    it(`state-changing route handlers in app/${f.rel} check the Origin`, () => {
      const mutating = exportedFunctions(f.source, f.rel).filter((h) => MUTATING_METHODS.has(h.name));
      const unchecked = mutating.filter((h) => !callsGuard(h.body, ORIGIN_CHECKING_GUARDS)).map((h) => h.name);
      expect(unchecked, `POST/PUT/PATCH/DELETE handlers without requireRouteActor(...) / withApi*(...) in app/${f.rel}`).toEqual([]);
    });
  }

  it("the guards of state-changing route handlers call assertSameOrigin (the one CSRF check)", () => {
    const fn = (file: string, name: string) =>
      exportedFunctions(readFileSync(path.join(LIB_AUTH, file), "utf8"), file).find((h) => h.name === name)?.body;
    expect(callsGuard(fn("route-guard.ts", "requireRouteActor"), ["assertSameOrigin"])).toBe(true);
    expect(callsGuard(fn("bearer.ts", "actorFromRequest"), ["assertSameOrigin"])).toBe(true);
    expect(callsGuard(fn("bearer.ts", "requireApiActor"), ["actorFromRequest"])).toBe(true);
  });

  it(`the /api/v1 guard helpers in app/${API_GUARD_MODULE} exist and call requireApiActor themselves`, () => {
    const guardModule = files.find((f) => f.rel === API_GUARD_MODULE);
    expect(guardModule, `app/${API_GUARD_MODULE}`).toBeDefined();
    const helpers = new Map(exportedFunctions(guardModule!.source, guardModule!.rel).map((h) => [h.name, h.body]));
    expect(API_GUARD_HELPERS.filter((name) => !helpers.has(name))).toEqual([]);
    // withApiActor calls requireApiActor; the others call it or withApiActor (one level, no cycle).
    expect(callsGuard(helpers.get("withApiActor"), ["requireApiActor"])).toBe(true);
    for (const name of API_GUARD_HELPERS) {
      expect(callsGuard(helpers.get(name), ["requireApiActor", "withApiActor"]), name).toBe(true);
    }
  });
});

describe("the scanner", () => {
  /** The handlers found in `src` in order, and those flagged for calling none of `guards`. */
  const scan = (src: string, guards: readonly string[] = GUARDS) => {
    const handlers = exportedFunctions(src);
    return { found: handlers.map((h) => h.name), unguarded: handlers.filter((h) => !callsGuard(h.body, guards)).map((h) => h.name) };
  };

  it("flags an exported action without a guard and accepts one with it", () => {
    const src = `"use server";
export async function a(input: unknown) { return runAction(Z, input, async (d) => { const actor = await requireActor("review", d.slug); return f(d, actor.userId); }); }
export async function b(input: unknown) { return runAction(Z, input, (d) => f(d)); }
export const c = async () => { await requireActor("manage"); };
export const d = async () => { /* requireActor( in a comment does not count */ };`;
    expect(scan(src)).toEqual({ found: ["a", "b", "c", "d"], unguarded: ["b", "d"] });
  });

  it("flags a route handler without a guard and accepts the /api/v1 guard helpers", () => {
    const src = `
export async function GET(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  return withApiDataset(request, ctx.params, "read", async ({ dataset }) => json(dataset));
}
export async function POST(request: Request) {
  try { const db = await getDatabase(); return json(await listDatasets(db)); } catch (e) { return errorResponse(e); }
}
export async function PUT(request: Request) { return withApiActor(request, "manage", async ({ actor }) => json(actor)); }
export async function PATCH(request: Request, ctx: { params: Promise<{ id: string }> }) {
  return withApiRecord(request, ctx.params, "review", PAIR, async ({ id }) => json(id));
}
export async function DELETE(request: Request) { const guard = withApiActor; return json(guard.name); }
export const OPTIONS = async (request: Request) => wrapped(request, "withApiDataset");`;
    expect(scan(src)).toEqual({ found: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"], unguarded: ["POST", "DELETE", "OPTIONS"] });
  });

  it("takes requireActor alone as no CSRF check for a state-changing handler", () => {
    const src = `
export async function POST(request: Request) { await requireActor("manage", undefined, request.headers); return new Response(null); }
export async function DELETE(request: Request) { const auth = await requireRouteActor(request, "manage"); return auth.denied ?? new Response(null); }`;
    expect(scan(src)).toEqual({ found: ["POST", "DELETE"], unguarded: [] });
    expect(scan(src, ORIGIN_CHECKING_GUARDS).unguarded).toEqual(["POST"]);
  });
});

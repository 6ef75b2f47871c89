import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every server action and route handler must check the caller on the server (issue #9).
// Route handlers under these folders authenticate differently (better-auth itself) or are public
// (health probe). The REST API (api/v1) guards with requireApiActor (bearer token or session).
const APP = path.resolve(__dirname, "../../app");
const EXEMPT_ROUTES = ["api/auth/", "api/health/"];
const GUARDS = ["requireActor", "requireRouteActor", "requireApiActor"];
const HTTP_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

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
        if (ts.isIdentifier(d.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) out.push({ name: d.name.text, body: init.body });
      }
    }
  }
  return out;
}

/** True when the function body calls one of the guards (anywhere, including nested callbacks). */
export function callsGuard(body: ts.Node | undefined): boolean {
  let found = false;
  const visit = (n: ts.Node) => {
    if (found) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && GUARDS.includes(n.expression.text)) found = true;
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
      const unguarded = exportedFunctions(f.source, f.rel).filter((h) => !callsGuard(h.body)).map((h) => h.name);
      expect(unguarded, `exported server actions without requireActor(...) in app/${f.rel}`).toEqual([]);
    });
  }

  for (const f of routeModules) {
    it(`route handlers in app/${f.rel}`, () => {
      const handlers = exportedFunctions(f.source, f.rel).filter((h) => HTTP_METHODS.has(h.name));
      expect(handlers.length).toBeGreaterThan(0);
      const unguarded = handlers.filter((h) => !callsGuard(h.body)).map((h) => h.name);
      expect(unguarded, `route handlers without requireRouteActor(...) in app/${f.rel}`).toEqual([]);
    });
  }
});

describe("the scanner", () => {
  it("flags an exported action without a guard and accepts one with it", () => {
    const src = `"use server";
export async function a(input: unknown) { return runAction(Z, input, async (d) => { const actor = await requireActor("review", d.slug); return f(d, actor.userId); }); }
export async function b(input: unknown) { return runAction(Z, input, (d) => f(d)); }
export const c = async () => { await requireActor("manage"); };
export const d = async () => { /* requireActor( in a comment does not count */ };`;
    const result = exportedFunctions(src).map((h) => [h.name, callsGuard(h.body)]);
    expect(result).toEqual([["a", true], ["b", false], ["c", true], ["d", false]]);
  });
});

import type { Database } from "@/lib/db/client";
import { createApiToken } from "../auth/api-tokens";
import type { Role } from "../auth/roles";

/** Test support: one user per role (plus a reviewer outside the restricted dataset), each with an API token. */
export type ApiUsers = Record<Role | "outsider", { id: number; token: string }>;

export async function createApiUsers(db: Database): Promise<ApiUsers> {
  const users = {} as ApiUsers;
  const roles: [keyof ApiUsers, Role][] = [
    ["admin", "admin"],
    ["reviewer", "reviewer"],
    ["viewer", "viewer"],
    ["outsider", "reviewer"],
  ];
  for (const [key, role] of roles) {
    const user = await db.prisma.user.create({ data: { email: `${key}@api.example`, name: key, role } });
    users[key] = { id: user.id, token: (await createApiToken(db, user.id, `${key} token`)).token };
  }
  return users;
}

/** Makes a dataset visible only to admins and the given members. */
export async function restrictDataset(db: Database, datasetId: number, memberIds: number[]): Promise<void> {
  await db.prisma.datasetMember.createMany({ data: memberIds.map((userId) => ({ datasetId, userId })) });
}

/** Calls a route handler's exported function the way Next does: a real Request and the path params. */
export async function callRoute<P>(
  handler: (request: Request, ctx: { params: Promise<P> }) => Promise<Response>,
  path: string,
  opts: { token?: string | null; method?: string; body?: unknown; rawBody?: string; params?: P; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: unknown; response: Response }> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://127.0.0.1${path}`, {
    method: opts.method ?? "GET",
    headers,
    body: opts.rawBody ?? (opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body)),
  });
  const response = await handler(request, { params: Promise.resolve(opts.params ?? ({} as P)) });
  const type = response.headers.get("content-type") ?? "";
  const body = type.startsWith("application/json") ? await response.clone().json() : null;
  return { status: response.status, body, response };
}

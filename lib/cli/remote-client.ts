import { env } from "@/lib/env";
import { AppError, type ErrorCode } from "@/lib/errors";

export type RemoteConfig = { serverUrl: string; token: string };

/** The remote server to talk to, when CM_SERVER_URL is set; CM_API_TOKEN must then be set too. */
export function remoteConfig(): RemoteConfig | null {
  const e = env();
  if (!e.CM_SERVER_URL) return null;
  if (!e.CM_API_TOKEN) {
    throw new AppError(
      "BAD_INPUT",
      "CM_SERVER_URL is set but CM_API_TOKEN is not: create a token under Settings → API tokens on the server",
    );
  }
  return { serverUrl: e.CM_SERVER_URL.replace(/\/+$/, ""), token: e.CM_API_TOKEN };
}

const CODE_OF_STATUS: Record<number, ErrorCode> = { 401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "NOT_FOUND", 409: "CONFLICT" };

/** A refused or failed REST call, with the server's message. */
export class RemoteError extends AppError {
  constructor(
    readonly status: number,
    message: string,
    details?: unknown,
  ) {
    super(CODE_OF_STATUS[status] ?? "BAD_INPUT", message, details);
  }
}

function explain(status: number, serverMessage: string, config: RemoteConfig): string {
  if (status === 401) {
    return `${config.serverUrl} refused the API token (401: ${serverMessage}); check CM_API_TOKEN, it may be revoked or mistyped`;
  }
  if (status === 403) return `not allowed (403): ${serverMessage}`;
  return `${serverMessage} (HTTP ${status})`;
}

/** Calls the REST API with the token; a non-2xx answer becomes a RemoteError naming the problem. */
export async function remoteFetch(config: RemoteConfig, path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  const url = `${config.serverUrl}/api/v1${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? "GET",
      headers: {
        authorization: `Bearer ${config.token}`,
        accept: "application/json",
        ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      redirect: "error",
    });
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : e instanceof Error ? e.message : String(e);
    throw new AppError("BAD_INPUT", `cannot reach ${config.serverUrl} (CM_SERVER_URL): ${cause}`);
  }
  if (response.ok) return response;
  const text = await response.text();
  let body: { error?: unknown } = {};
  try {
    body = JSON.parse(text) as { error?: unknown };
  } catch {
    body = {};
  }
  const message = typeof body.error === "string" ? body.error : text.slice(0, 200) || response.statusText;
  throw new RemoteError(response.status, explain(response.status, message, config), body);
}

export async function remoteJson<T>(config: RemoteConfig, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  return (await (await remoteFetch(config, path, init)).json()) as T;
}

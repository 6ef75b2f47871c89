import type { Role } from "./roles";

/** Who is making a request: a signed-in browser session or an API token. */
export type Actor = {
  userId: number;
  email: string;
  name: string;
  role: Role;
  via: "session" | "token";
};

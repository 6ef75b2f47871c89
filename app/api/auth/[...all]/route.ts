import { getAuth } from "@/lib/auth/better-auth";

export const dynamic = "force-dynamic";

// better-auth's endpoints: sign-in/email, sign-out, change-password, get-session (rate limited there).
export async function GET(request: Request) {
  return (await getAuth()).handler(request);
}

export async function POST(request: Request) {
  return (await getAuth()).handler(request);
}

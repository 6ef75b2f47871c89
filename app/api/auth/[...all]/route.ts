import { handleAuthRequest } from "@/lib/auth/auth-handler";

export const dynamic = "force-dynamic";

// better-auth's endpoints: sign-in/email, sign-out, change-password, get-session (rate limited there
// per client address, and sign-in per account as well).
export async function GET(request: Request) {
  return handleAuthRequest(request);
}

export async function POST(request: Request) {
  return handleAuthRequest(request);
}

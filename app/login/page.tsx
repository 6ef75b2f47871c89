import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/auth/next-path";
import { currentUser } from "@/lib/auth/session";
import { SignInForm } from "./_components/sign-in-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in · CM-Align Studio" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await currentUser()) redirect(next);
  return (
    <div className="mx-auto mt-12 max-w-sm rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
      <p className="mb-4 text-sm text-slate-600">Accounts are created by an admin on the Users page.</p>
      <SignInForm next={next} />
    </div>
  );
}

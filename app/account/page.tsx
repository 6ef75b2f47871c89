import Link from "next/link";
import { pageActor } from "@/lib/auth/page-guard";

export const dynamic = "force-dynamic";
export const metadata = { title: "Account · CM-Align Studio" };

export default async function AccountPage() {
  const actor = await pageActor();
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-xl font-semibold">Account</h1>
      <dl className="grid grid-cols-[8rem_1fr] gap-y-1 rounded-lg bg-white p-4 text-sm shadow-sm">
        <dt className="text-slate-500">Name</dt>
        <dd>{actor.name}</dd>
        <dt className="text-slate-500">Email</dt>
        <dd>{actor.email}</dd>
        <dt className="text-slate-500">Role</dt>
        <dd data-testid="account-role">{actor.role}</dd>
      </dl>
      <Link prefetch={false} href="/account/password" className="text-sm text-indigo-700 hover:underline">
        Change password
      </Link>
    </div>
  );
}

import { pageActor } from "@/lib/auth/page-guard";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { getDatabase } from "@/lib/db/client";
import { CreateTokenForm } from "./_components/create-token-form";
import { TokensTable } from "./_components/tokens-table";

export const dynamic = "force-dynamic";
export const metadata = { title: "API tokens · CM-Align Studio" };

export default async function TokensPage() {
  const actor = await pageActor();
  const admin = actor.role === "admin";
  const tokens = await listApiTokens(await getDatabase(), { userId: actor.userId, allUsers: admin });
  const own = tokens.filter((t) => t.userId === actor.userId);
  const others = tokens.filter((t) => t.userId !== actor.userId);
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-xl font-semibold">API tokens</h1>
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-1 font-medium">New token</h2>
        <p className="mb-3 text-sm text-slate-600">
          A token acts as you (role <strong>{actor.role}</strong>) in the REST API (<code>/api/v1</code>) and in the CLI against this server
          (<code>CM_SERVER_URL</code>, <code>CM_API_TOKEN</code>). It is shown once; only its hash is stored.
        </p>
        <CreateTokenForm />
      </section>
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-3 font-medium">Your tokens</h2>
        <TokensTable tokens={own} showOwner={false} label="Your tokens" />
      </section>
      {admin && (
        <section className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-3 font-medium">Other users’ tokens</h2>
          <TokensTable tokens={others} showOwner label="Other users’ tokens" />
        </section>
      )}
    </div>
  );
}

import { abilities, pageActor } from "@/lib/auth/page-guard";
import { getProviderSettingsView } from "@/lib/llm/providers/mutations";
import { OFFLINE_EMBEDDING_MODEL } from "@/lib/llm/embed/offline-embedder";
import { SettingsForm } from "./_components/settings-form";
import { TestConnection } from "./_components/test-connection";

export const dynamic = "force-dynamic";
export const metadata = { title: "Settings · CM-Align Studio" };

export default async function SettingsPage() {
  if (!abilities(await pageActor()).manage) return <p className="text-sm text-slate-600">Only admins change the provider settings.</p>;
  const view = await getProviderSettingsView();
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-xl font-semibold">Settings</h1>
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-1 font-medium">Model provider</h2>
        <p className="mb-4 text-sm text-slate-600">
          Any OpenAI-compatible endpoint (vLLM, SGLang, Ollama, TEI, Infinity, OpenAI). The API key is stored on the server and never sent
          to the browser. Without an embedding endpoint, embed runs use the offline embedder <code>{OFFLINE_EMBEDDING_MODEL}</code>.
        </p>
        <SettingsForm view={view} />
      </section>
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-3 font-medium">Test connection</h2>
        <TestConnection />
      </section>
    </div>
  );
}

import Link from "next/link";
import { JobProgress } from "@/components/job-progress";
import { getDatabase } from "@/lib/db/client";
import { jobProgressOf } from "@/lib/jobs/job-status";
import { abilities, pageDataset } from "@/lib/auth/page-guard";
import { OFFLINE_EMBEDDING_MODEL } from "@/lib/llm/embed/offline-embedder";
import { listProviderRuns } from "@/lib/llm/generate/queries";
import { getProviderSettingsView } from "@/lib/llm/providers/mutations";
import { EmbedForm } from "./_components/embed-form";
import { GenerateForm } from "./_components/generate-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Generate" };

export default async function GeneratePage({ params }: { params: Promise<{ slug: string }> }) {
  const { actor, dataset } = await pageDataset((await params).slug);
  const can = abilities(actor);
  const [settings, runs] = await Promise.all([getProviderSettingsView(), listProviderRuns(await getDatabase(), dataset.id)]);
  return (
    <div className="space-y-6">
      {!settings.baseUrl && (
        <p role="note" className="rounded bg-amber-50 p-3 text-sm text-amber-900">
          {can.manage ? (
            <>
              No provider is configured: set a base URL in{" "}
              <Link prefetch={false} className="underline" href="/settings">
                Settings
              </Link>{" "}
              to generate.
            </>
          ) : (
            "No provider is configured yet (an admin sets one)."
          )}{" "}
          Embed runs use the offline embedder until then.
        </p>
      )}
      {can.manage && (
        <>
          <section className="rounded-lg bg-white p-4 shadow-sm">
            <h2 className="mb-3 font-medium">Generate responses</h2>
            <GenerateForm slug={dataset.slug} languages={dataset.languages} defaultModel={settings.generationModel ?? ""} />
          </section>
          <section className="rounded-lg bg-white p-4 shadow-sm">
            <h2 className="mb-3 font-medium">Embed responses</h2>
            <EmbedForm
              slug={dataset.slug}
              defaultModel={settings.baseUrl && settings.embeddingModel ? settings.embeddingModel : OFFLINE_EMBEDDING_MODEL}
            />
          </section>
        </>
      )}
      <section className="rounded-lg bg-white p-4 shadow-sm" aria-label="Generate and embed runs">
        <h2 className="mb-3 font-medium">Generate and embed runs</h2>
        {runs.length === 0 && <p className="text-sm text-slate-600">No generate or embed runs yet.</p>}
        <ul className="divide-y divide-slate-100">
          {runs.map((run) => (
            <li key={run.id} className="space-y-1 py-2 text-sm" data-testid={`provider-run-${run.id}`}>
              <div className="flex flex-wrap items-center gap-4">
                <span className="font-mono">run {run.id}</span>
                <span className="text-slate-600">
                  {run.kind} · {String(run.config.model ?? "")}
                  {run.kind === "generate" ? ` · K=${String(run.config.samples ?? "")}` : ""}
                </span>
                <JobProgress
                  kind={run.kind}
                  id={run.id}
                  unit="groups"
                  testIds={{ root: `run-progress-${run.id}`, status: `run-status-${run.id}` }}
                  initial={jobProgressOf(run)}
                />
                <span className="tabular-nums text-slate-600">
                  {run.promptTokens} prompt + {run.completionTokens} completion tokens
                </span>
                <span className={run.failedItems > 0 ? "text-red-700" : "text-slate-600"}>{run.failedItems} failed</span>
              </div>
              {run.error && <p className="text-red-700">{run.error}</p>}
              {run.failures.length > 0 && (
                <ul className="ml-4 list-disc text-xs text-red-800" aria-label={`Failures of run ${run.id}`}>
                  {run.failures.slice(0, 5).map((f) => (
                    <li key={`${f.groupId}-${f.language}-${f.error}`}>
                      group {f.groupId} · {f.language}: {f.error}
                    </li>
                  ))}
                  {run.failedItems > 5 && <li>… and {run.failedItems - 5} more</li>}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

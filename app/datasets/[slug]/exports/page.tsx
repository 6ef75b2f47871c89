import { getDatabase } from "@/lib/db/client";
import { abilities, pageDataset } from "@/lib/auth/page-guard";
import { isAppError, describeIssues } from "@/lib/errors";
import { EXPORT_FORMATS } from "@/lib/export/formats";
import { formFromSearchParams, ZExportForm } from "@/lib/export/snapshots/form";
import { previewExport, type ExportPreview } from "@/lib/export/snapshots/preview-export";
import { listExports } from "@/lib/export/snapshots/queries";
import { CreateExportForm } from "./_components/create-export-form";
import { ExportsTable } from "./_components/exports-table";

export const dynamic = "force-dynamic";
export const metadata = { title: "Exports" };

type SearchParams = Record<string, string | string[] | undefined>;

async function loadPreview(datasetId: number, params: Record<string, string>): Promise<ExportPreview | { error: string } | null> {
  if (!params.format) return null;
  const form = ZExportForm.safeParse(params);
  if (!form.success) return { error: describeIssues(form.error, "form") };
  try {
    return await previewExport(await getDatabase(), datasetId, form.data, 3);
  } catch (e) {
    if (isAppError(e)) return { error: e.message };
    throw e;
  }
}

export default async function ExportsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { actor, dataset } = await pageDataset((await params).slug);
  const can = abilities(actor);
  const form = formFromSearchParams(await searchParams);
  const [exports, preview] = await Promise.all([listExports(await getDatabase(), dataset.id), loadPreview(dataset.id, form)]);
  const languages = dataset.languages.filter((l) => l !== dataset.pivotLanguage);
  return (
    <div className="space-y-6">
      {can.export && (
        <section className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-3 font-medium">New export</h2>
          <CreateExportForm
            slug={dataset.slug}
            formats={EXPORT_FORMATS}
            languages={languages}
            pivot={dataset.pivotLanguage}
            defaults={form}
          />
        </section>
      )}
      {preview && (
        <section id="preview" className="rounded-lg bg-white p-4 shadow-sm" aria-label="Preview">
          <h2 className="mb-3 font-medium">Preview</h2>
          {"error" in preview ? (
            <p role="alert" className="text-sm text-red-700">
              {preview.error}
            </p>
          ) : (
            <>
              <p className="mb-2 text-sm text-slate-600">
                {preview.total.toLocaleString("en")} pairs would be exported as <span className="font-mono">{preview.config.format}</span>
                {preview.config.format === "parquet" ? " (rows shown as JSON Lines)" : ""}; the first records:
              </p>
              <pre
                className="max-h-96 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-3 font-mono text-xs"
                dir="auto"
                data-testid="export-preview"
              >
                {preview.text || "(no pairs match)"}
              </pre>
            </>
          )}
        </section>
      )}
      <section className="rounded-lg bg-white p-4 shadow-sm" aria-label="Exports">
        <h2 className="mb-3 font-medium">Past exports</h2>
        <ExportsTable exports={exports} canCancel={can.export} />
      </section>
    </div>
  );
}

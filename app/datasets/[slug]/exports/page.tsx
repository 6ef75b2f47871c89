import { previewFields } from "@/components/export/preview-fields";
import { LanguageText } from "@/components/language-text";
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
      <h1 className="text-xl font-semibold">Exports</h1>
      {can.export && (
        <section className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-3 font-medium">New export</h2>
          <CreateExportForm
            slug={dataset.slug}
            formats={EXPORT_FORMATS}
            languages={languages}
            pivot={dataset.pivotLanguage}
            defaults={form}
            statuses={Object.fromEntries(exports.map((e) => [e.id, e.status]))}
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
                {preview.config.format === "parquet" ? " (rows shown as JSON Lines)" : ""}; the first records, field by field, each with its
                line as the file holds it:
              </p>
              {preview.records.length === 0 && <p className="text-sm text-slate-600">(no pairs match)</p>}
              <ol className="max-h-[36rem] space-y-3 overflow-auto" data-testid="export-preview">
                {preview.records.map((r, i) => (
                  <li key={i} className="rounded border border-slate-200 p-3" data-testid="export-preview-record">
                    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                      {previewFields(r.record, r.lang, dataset.pivotLanguage).map((f, j) => (
                        <div key={j} className="contents">
                          <dt className="font-mono text-xs text-slate-500">{f.name}</dt>
                          <dd data-field={f.name}>
                            {f.kind === "value" ? (
                              <span className="font-mono text-xs">{f.value}</span>
                            ) : f.lang ? (
                              <LanguageText lang={f.lang} text={f.value} className="whitespace-pre-wrap" />
                            ) : (
                              <div dir="auto" className="model-text whitespace-pre-wrap">
                                {f.value}
                              </div>
                            )}
                          </dd>
                        </div>
                      ))}
                    </dl>
                    {/* The raw JSON, in file order left to right: isolated, so right-to-left text cannot move its quotes and escapes. */}
                    <pre
                      dir="ltr"
                      className="mt-2 overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs [unicode-bidi:isolate]"
                      data-testid="export-preview-line"
                    >
                      {r.line}
                    </pre>
                  </li>
                ))}
              </ol>
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

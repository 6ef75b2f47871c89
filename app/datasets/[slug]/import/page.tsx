import { notFound } from "next/navigation";
import { UploadForm } from "@/components/import/upload-form";
import { abilities, pageActor } from "@/lib/auth/page-guard";
import { findDatasetBySlug } from "@/lib/datasets/queries";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export default async function AddDataPage({ params }: { params: Promise<{ slug: string }> }) {
  const dataset = await findDatasetBySlug((await params).slug);
  if (!dataset) notFound();
  const can = abilities(await pageActor(dataset));
  return (
    <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <h2 className="font-medium">Add data to {dataset.name}</h2>
      <p className="text-sm text-slate-600">Responses already in the dataset (same group, language and text) are not added twice.</p>
      {can.manage ? (
        <UploadForm slug={dataset.slug} limitMb={env().CM_UPLOAD_LIMIT_MB} rejectsKeepHours={env().CM_REJECTS_KEEP_HOURS} />
      ) : (
        <p className="text-sm text-slate-600">Only admins add data.</p>
      )}
    </section>
  );
}

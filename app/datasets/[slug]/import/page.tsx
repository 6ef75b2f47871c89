import { UploadForm } from "@/components/import/upload-form";
import { abilities, pageDataset } from "@/lib/auth/page-guard";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata = { title: "Add data" };

export default async function AddDataPage({ params }: { params: Promise<{ slug: string }> }) {
  const { actor, dataset } = await pageDataset((await params).slug);
  const can = abilities(actor);
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

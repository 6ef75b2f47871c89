"use client";

import Link from "next/link";
import { useState } from "react";

type Summary = { dataset: string; records: number; invalid: number; groupsAdded: number; responsesAdded: number; duplicateResponses: number; rejectsFile: string | null };
type State = { phase: "idle" } | { phase: "uploading"; sent: number; total: number } | { phase: "importing" } | { phase: "done"; summary: Summary } | { phase: "error"; message: string };

const field = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";

function upload(url: string, file: File, onProgress: (sent: number) => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => resolve({ status: xhr.status, body: JSON.parse(xhr.responseText || "{}") });
    xhr.onerror = () => reject(new Error("The upload failed (network error)."));
    xhr.send(file);
  });
}

/** Streams a file to the import route with a progress bar; `slug` set = add data to that dataset. */
export function UploadForm({ slug, limitMb }: { slug?: string; limitMb: number }) {
  const [state, setState] = useState<State>({ phase: "idle" });
  async function submit(form: FormData) {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return setState({ phase: "error", message: "Choose a file to import." });
    if (file.size > limitMb * 2 ** 20) return setState({ phase: "error", message: `The file is larger than the upload limit of ${limitMb} MB.` });
    const target = slug ?? String(form.get("slug") ?? "");
    const q = new URLSearchParams({ filename: file.name, skipInvalid: form.get("skipInvalid") ? "1" : "0" });
    if (!slug) {
      q.set("create", "1");
      q.set("task", String(form.get("task")));
      q.set("name", String(form.get("name") || target));
    }
    const format = String(form.get("format") ?? "");
    if (format) q.set("format", format);
    setState({ phase: "uploading", sent: 0, total: file.size });
    try {
      const res = await upload(`/api/datasets/${encodeURIComponent(target)}/imports?${q}`, file, (sent) =>
        setState(sent >= file.size ? { phase: "importing" } : { phase: "uploading", sent, total: file.size }),
      );
      if (res.status !== 200) return setState({ phase: "error", message: (res.body as { error?: string }).error ?? `HTTP ${res.status}` });
      setState({ phase: "done", summary: res.body as Summary });
    } catch (e) {
      setState({ phase: "error", message: (e as Error).message });
    }
  }
  const busy = state.phase === "uploading" || state.phase === "importing";
  return (
    <form action={submit} className="space-y-3" aria-label="Import a file">
      {!slug && (
        <div className="flex flex-wrap gap-4">
          <label className="flex flex-col text-xs text-slate-600">Slug<input name="slug" required pattern="[a-z0-9][a-z0-9-]{0,62}" className={field} /></label>
          <label className="flex flex-col text-xs text-slate-600">Name<input name="name" className={field} /></label>
          <label className="flex flex-col text-xs text-slate-600">Task
            <select name="task" className={field} defaultValue="general"><option>general</option><option>math</option><option>translation</option></select>
          </label>
        </div>
      )}
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col text-xs text-slate-600">File (.jsonl, .json, .csv, .parquet, optionally .gz)
          <input name="file" type="file" className="text-sm" accept=".jsonl,.json,.csv,.parquet,.gz" />
        </label>
        <label className="flex flex-col text-xs text-slate-600">Format
          <select name="format" className={field} defaultValue=""><option value="">detect</option><option>nested</option><option>flat</option><option>csv</option></select>
        </label>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="skipInvalid" /> Skip invalid records</label>
        <button disabled={busy} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">Import</button>
      </div>
      {state.phase === "uploading" && (
        <progress className="w-80" max={state.total} value={state.sent} aria-label="Upload progress" />
      )}
      {state.phase === "importing" && <p className="text-sm text-slate-600">Uploaded; importing…</p>}
      {state.phase === "error" && <pre role="alert" className="whitespace-pre-wrap rounded bg-red-50 p-3 text-sm text-red-800">{state.message}</pre>}
      {state.phase === "done" && (
        <p role="status" className="rounded bg-emerald-50 p-3 text-sm text-emerald-900">
          {state.summary.records} records read: {state.summary.groupsAdded} groups and {state.summary.responsesAdded} responses added,{" "}
          {state.summary.duplicateResponses} already present, {state.summary.invalid} invalid
          {state.summary.rejectsFile ? ` (written to ${state.summary.rejectsFile})` : ""}.{" "}
          <Link className="text-indigo-700 underline" href={`/datasets/${state.summary.dataset}`}>Open the dataset</Link>
        </p>
      )}
    </form>
  );
}

export function LanguageBadge({ lang }: { lang: string }) {
  return (
    <span className="inline-block rounded bg-slate-200 px-1.5 py-0.5 font-mono text-xs text-slate-700" title={lang}>
      {lang}
    </span>
  );
}

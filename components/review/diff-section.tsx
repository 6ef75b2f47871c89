import { diffLanguage } from "./queue-wording";
import { WordDiff } from "./word-diff";

type Text = { text: string; detectedLanguage: string | null };

/**
 * A word diff from `before` to `after`, only between two texts in the same language (an English and an
 * Arabic text interleaved read as neither); otherwise a sentence saying why, naming the texts by `names`.
 */
export function DiffSection({
  title,
  before,
  after,
  pairLanguage,
  names,
}: {
  title: string;
  before: Text;
  after: Text;
  pairLanguage: string;
  names?: readonly [string, string];
}) {
  const diff = diffLanguage(after.detectedLanguage, before.detectedLanguage, pairLanguage, names);
  return (
    <section aria-label="Word diff" className="rounded bg-white p-3 shadow-sm">
      <h3 className="mb-1 text-xs uppercase text-slate-500">{title}</h3>
      {"lang" in diff ? (
        <WordDiff before={before.text} after={after.text} lang={diff.lang} />
      ) : (
        <p className="text-sm text-slate-500" data-testid="no-word-diff">
          {diff.why}
        </p>
      )}
    </section>
  );
}

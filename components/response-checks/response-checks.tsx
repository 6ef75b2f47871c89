import { describeDefect, shareBadge } from "./labels";

type Props = { targetShare: number | null; languageMix: string | null; defect: string | null; language: string };

/** What the guard knows of a response: its defect, and how much of it is in its language (mixed below 80%). */
export function ResponseChecks({ targetShare, languageMix, defect, language }: Props) {
  const share = shareBadge(targetShare, languageMix, language);
  return (
    <>
      {defect !== null && (
        <span
          data-testid="response-defect"
          className="rounded bg-red-100 px-1.5 py-0.5 font-medium text-red-800"
          title="Never chosen nor made the reference"
        >
          {describeDefect(defect)}
        </span>
      )}
      {share !== null && (
        <span
          data-testid="language-share"
          title={share.title}
          className={share.mixed ? "rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-800" : "text-slate-500"}
        >
          {share.label}
        </span>
      )}
    </>
  );
}

"use client";

import { GuidelinesPanel } from "@/components/review/guidelines-panel";
import { saveGuidelinesAction } from "../actions";

export function ReviewGuidelines({
  slug,
  guidelines,
  lang,
  canEdit,
}: {
  slug: string;
  guidelines: string;
  lang: string;
  canEdit: boolean;
}) {
  return (
    <GuidelinesPanel
      guidelines={guidelines}
      lang={lang}
      save={canEdit ? (text) => saveGuidelinesAction({ slug, guidelines: text }) : undefined}
    />
  );
}

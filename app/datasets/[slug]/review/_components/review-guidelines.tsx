"use client";

import { GuidelinesPanel } from "@/components/review/guidelines-panel";
import { saveGuidelinesAction } from "../actions";

export function ReviewGuidelines({ slug, guidelines, lang }: { slug: string; guidelines: string; lang: string }) {
  return <GuidelinesPanel guidelines={guidelines} lang={lang} save={(text) => saveGuidelinesAction({ slug, guidelines: text })} />;
}

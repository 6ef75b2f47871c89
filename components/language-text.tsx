import { directionOf } from "@/lib/text-direction";

type Props = { lang: string; text: string; className?: string; as?: "div" | "p" | "span" };

/** Untrusted text (prompts, model output) rendered as text only, in its language's direction. */
export function LanguageText({ lang, text, className = "", as: Tag = "div" }: Props) {
  return (
    <Tag lang={lang} dir={directionOf(lang)} className={`model-text ${className}`}>
      {text}
    </Tag>
  );
}

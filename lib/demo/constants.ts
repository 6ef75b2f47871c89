export const MODELS = [
  "qwen2.5-7b-instruct",
  "llama-3.1-8b-instruct",
  "gemma-2-9b-it",
  "mistral-7b-instruct-v0.3",
  "aya-expanse-8b",
] as const;

/**
 * The only response carrying raw HTML/script, for testing sanitized rendering. general-0003 is
 * always the "email" task, so the snippet reads as a P.S. under an otherwise normal email.
 */
export const HTML_TRAP = { groupId: "general-0003", lang: "en", sample: 2 } as const;

export const HTML_SNIPPET =
  "In my mail client the agenda link shows up as <img src=x onerror=alert(1)> followed by <script>alert('xss')</script>, so could you check the template before Friday?";

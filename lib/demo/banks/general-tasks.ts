import type { GeneralKind, GeneralTaskId } from "./types";

export interface GeneralTask {
  id: GeneralTaskId;
  kind: GeneralKind;
  /** Code variants for `code` tasks; language-neutral, so shared by every bank. */
  code?: readonly string[];
}

const PALINDROME = [
  [
    "def is_palindrome(text: str) -> bool:",
    '    cleaned = "".join(ch.lower() for ch in text if ch.isalnum())',
    "    return cleaned == cleaned[::-1]",
  ].join("\n"),
  ["def is_palindrome(s):", '    s = s.replace(" ", "").lower()', "    return s == s[::-1]"].join("\n"),
];

const EVENS = [
  ["def sum_even(numbers: list[int]) -> int:", "    return sum(n for n in numbers if n % 2 == 0)"].join("\n"),
  [
    "def sum_even(numbers):",
    "    total = 0",
    "    for n in numbers:",
    "        if n % 2 == 0:",
    "            total += n",
    "    return total",
  ].join("\n"),
];

export const GENERAL_TASKS: readonly GeneralTask[] = [
  { id: "photosynthesis", kind: "prose" },
  { id: "sky", kind: "prose" },
  { id: "email", kind: "lines" },
  { id: "sleep", kind: "list" },
  { id: "palindrome", kind: "code", code: PALINDROME },
  { id: "evens", kind: "code", code: EVENS },
];

/**
 * Phrases that introduce a final answer, by language. A "strict" marker ends with a
 * connective or a colon ("answer is", "Antwort:"); a "loose" one is the bare word
 * (Arabic الإجابة, Hindi उत्तर, …) and only counts when a number follows within
 * LOOSE_MARKER_REACH characters, so "उत्तर देने के लिए …" ("to answer …") is not taken.
 */

const WORD_START = String.raw`(?<![\p{L}\p{M}\p{N}_])`;
const COLON = String.raw`\s*[:：=]`;

const STRICT_WORD_MARKERS = [
  String.raw`(?:final\s+)?answer(?:\s+(?:is|was|would\s+be|will\s+be)|${COLON})`,
  String.raw`final\s+answer`,
  String.raw`(?:antwort|ergebnis)(?:\s+(?:ist|lautet)|${COLON})`,
  String.raw`réponse(?:\s+finale)?(?:\s+est|${COLON})`,
  String.raw`respuesta(?:\s+final)?(?:\s+es|${COLON})`,
  String.raw`resposta(?:\s+final)?(?:\s+é|${COLON})`,
  String.raw`risposta(?:\s+finale)?(?:\s+è|${COLON})`,
  String.raw`antwoord(?:\s+is|${COLON})`,
  String.raw`jibu(?:\s+la\s+mwisho)?(?:\s+ni|${COLON})`,
  String.raw`jawaban(?:nya)?(?:\s+akhir(?:nya)?)?(?:\s+adalah|${COLON})`,
  String.raw`(?:cevap|yanıt)${COLON}`,
  String.raw`(?:đáp\s+án|câu\s+trả\s+lời)(?:\s+là|${COLON})`,
  String.raw`ответ(?:\s+(?:равен|будет)|\s*[:：=—–-])`,
  String.raw`відповідь(?:\s+(?:дорівнює|буде)|\s*[:：=—–-])`,
  String.raw`odpowiedź(?:\s+to|${COLON})`,
];

const STRICT_SCRIPT_MARKERS = [
  String.raw`答案(?:是|为|為|${COLON})`,
  String.raw`答${COLON}`,
  String.raw`(?:答え|解答)(?:は|${COLON})`,
  String.raw`(?:정답|답)(?:은|는|${COLON})`,
];

const LOOSE_MARKERS = [
  String.raw`(?:الإجابة|الاجابة|الجواب)(?:\s+النهائية)?(?:\s+(?:هي|هو))?`,
  String.raw`(?:پاسخ|جواب)(?:\s+نهایی)?`,
  String.raw`उत्तर(?:\s+(?:है|आहे))?`,
  String.raw`উত্তর(?:\s+হল)?`,
  String.raw`సమాధానం`,
  String.raw`விடை`,
  String.raw`คำตอบ(?:คือ)?`,
];

export const LOOSE_MARKER_REACH = 16;

export interface MarkerHit {
  start: number;
  end: number;
  loose: boolean;
}

const STRICT_RE = new RegExp([...STRICT_WORD_MARKERS.map((m) => WORD_START + m), ...STRICT_SCRIPT_MARKERS].join("|"), "giu");
const LOOSE_RE = new RegExp(LOOSE_MARKERS.join("|"), "gu");

/** Every marker occurrence, last first. */
export function findMarkers(text: string): MarkerHit[] {
  const hits: MarkerHit[] = [];
  for (const [re, loose] of [
    [STRICT_RE, false],
    [LOOSE_RE, true],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      hits.push({ start: m.index, end: m.index + m[0].length, loose });
    }
  }
  return hits.sort((a, b) => b.start - a.start);
}

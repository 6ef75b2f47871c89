import type { LanguageBank } from "./types";

export const de: LanguageBank = {
  code: "de",
  name: "Deutsch",
  rtl: false,
  sep: " ",
  numbers: { dec: ",", group: "." },
  answer: [(v) => `Antwort: ${v}`, (v) => `Die Antwort lautet ${v}.`, (v) => `Ergebnis: ${v}`],
  restate: "Gegeben ist:",
  mathIntro: ["Wir lösen die Aufgabe Schritt für Schritt.", "Lösung:", "Gehen wir das Schritt für Schritt durch.", "Rechnen wir nach."],
  plan: [
    "Dazu berechnen wir zuerst die Zwischenwerte und setzen sie dann zusammen.",
    "Wichtig ist, eine Größe nach der anderen zu behandeln und auf die Einheiten zu achten.",
    "Zuerst lesen wir die Frage genau, um zu sehen, was eigentlich gesucht ist.",
  ],
  check: [
    "Ich prüfe jeden Schritt noch einmal.",
    "Ich lese die Aufgabe erneut, damit nichts fehlt.",
    "Die Rechnung wird sorgfältig kontrolliert.",
    "Jeder Schritt stimmt mit der vorherigen Rechnung überein.",
  ],
  tableHead: ["Schritt", "Rechnung"],
  codeIntro: "Zur Kontrolle ein kurzes Python-Skript:",
  keyPoints: "Das Wichtigste",
  intros: ["Gern!", "Natürlich.", "Gute Frage.", "Hier ist meine Antwort."],
  closings: ["Ich hoffe, das hilft!", "Melde dich, wenn du Fragen hast.", "Frag gern nach, wenn etwas unklar ist.", "Viel Erfolg!"],
  refusal: "Tut mir leid, dabei kann ich nicht helfen.",
  filler: [
    "Anders gesagt: Der Kern bleibt gleich, auch wenn man ihn aus einem anderen Blickwinkel betrachtet.",
    "Es lohnt sich, diesen Punkt zu wiederholen, weil er am häufigsten missverstanden wird.",
    "Ich fasse denselben Gedanken noch einmal mit etwas anderen Worten zusammen.",
    "In der Praxis machen solche kleinen Details einen spürbaren Unterschied.",
    "Das hängt auch mit dem zusammen, was weiter oben gesagt wurde, sodass alles zusammenpasst.",
    "Falls noch etwas unklar ist, hilft es, den vorigen Absatz langsam noch einmal zu lesen.",
  ],
  styles: ["", "Fasse dich kurz.", "Verwende einfache Sprache.", "Bitte antworte präzise."],
  math: {
    shopping: {
      prompt: (p, f) =>
        `Lena kauft ${f(p.a)} Hefte zu je ${f(p.price)} Euro und ${f(p.b)} Stifte zu je ${f(p.price2)} Euro. Wie viel gibt sie insgesamt aus?`,
      steps: (p, ans, f) => [
        `Die Hefte kosten ${f(p.a)} · ${f(p.price)} = ${f(p.sub1)} Euro.`,
        `Die Stifte kosten ${f(p.b)} · ${f(p.price2)} = ${f(p.sub2)} Euro.`,
        `Zusammen: ${f(p.sub1)} + ${f(p.sub2)} = ${f(ans)} Euro.`,
      ],
    },
    speed: {
      prompt: (p, f) =>
        `Ein Zug fährt ${f(p.t1)} Stunden lang mit ${f(p.v1)} km/h und danach ${f(p.t2)} Stunden lang mit ${f(p.v2)} km/h. Wie viele Kilometer legt er insgesamt zurück?`,
      steps: (p, ans, f) => [
        `Erster Abschnitt: ${f(p.v1)} · ${f(p.t1)} = ${f(p.d1)} km.`,
        `Zweiter Abschnitt: ${f(p.v2)} · ${f(p.t2)} = ${f(p.d2)} km.`,
        `Gesamtstrecke: ${f(p.d1)} + ${f(p.d2)} = ${f(ans)} km.`,
      ],
    },
    percent: {
      prompt: (p, f) =>
        `Eine Jacke kostet ${f(p.price)} Euro. Das Geschäft gewährt ${f(p.pct)} % Rabatt. Wie hoch ist der reduzierte Preis in Euro?`,
      steps: (p, ans, f) => [
        `Der Rabatt beträgt ${f(p.pct)} % von ${f(p.price)}: ${f(p.price)} · ${f(p.pct)} / ${f(100)} = ${f(p.off)} Euro.`,
        `Reduzierter Preis: ${f(p.price)} − ${f(p.off)} = ${f(ans)} Euro.`,
      ],
    },
    ages: {
      prompt: (p, f) =>
        `Jonas ist ${f(p.age)} Jahre alt. Sein Vater ist ${f(p.times)}-mal so alt wie er. Wie alt ist sein Vater in ${f(p.years)} Jahren?`,
      steps: (p, ans, f) => [
        `Alter des Vaters heute: ${f(p.age)} · ${f(p.times)} = ${f(p.father)}.`,
        `In ${f(p.years)} Jahren: ${f(p.father)} + ${f(p.years)} = ${f(ans)}.`,
      ],
    },
    area: {
      prompt: (p, f) =>
        `Ein rechteckiger Garten ist ${f(p.len)} m lang und ${f(p.wid)} m breit. Ein Weg nimmt ${f(p.path)} Quadratmeter ein. Wie viele Quadratmeter bleiben zum Bepflanzen übrig?`,
      steps: (p, ans, f) => [
        `Fläche des Gartens: ${f(p.len)} · ${f(p.wid)} = ${f(p.total)} m².`,
        `Ohne den Weg: ${f(p.total)} − ${f(p.path)} = ${f(ans)} m².`,
      ],
    },
    wages: {
      prompt: (p, f) =>
        `Eine Arbeiterin verdient ${f(p.rate)} Euro pro Stunde und arbeitet ${f(p.days)} Tage lang jeweils ${f(p.hours)} Stunden. Wie viel verdient sie insgesamt?`,
      steps: (p, ans, f) => [
        `Lohn pro Tag: ${f(p.rate)} · ${f(p.hours)} = ${f(p.daily)} Euro.`,
        `Für ${f(p.days)} Tage: ${f(p.daily)} · ${f(p.days)} = ${f(ans)} Euro.`,
      ],
    },
  },
  general: {
    photosynthesis: {
      prompt: "Erkläre in einfachen Worten, wie Photosynthese funktioniert.",
      answer: [
        "Photosynthese ist der Vorgang, mit dem Pflanzen Sonnenlicht in chemische Energie umwandeln.",
        "Die Blätter nehmen Kohlendioxid aus der Luft auf, und die Wurzeln ziehen Wasser aus dem Boden.",
        "Das Chlorophyll, der grüne Farbstoff in den Blättern, fängt das Licht ein und nutzt seine Energie, um aus diesen Stoffen Traubenzucker herzustellen.",
        "Als Nebenprodukt wird Sauerstoff freigesetzt – deshalb sind Pflanzen so wichtig für die Luft, die wir atmen.",
      ],
    },
    sky: {
      prompt: "Erkläre, warum der Himmel blau ist.",
      answer: [
        "Sonnenlicht wirkt weiß, ist aber in Wirklichkeit eine Mischung aus allen Farben des Regenbogens.",
        "Auf dem Weg durch die Atmosphäre trifft das Licht auf winzige Gasmoleküle und wird in alle Richtungen gestreut.",
        "Blaues Licht hat eine kurze Wellenlänge und wird deshalb viel stärker gestreut als rotes oder gelbes Licht.",
        "Dieses gestreute blaue Licht erreicht unsere Augen aus allen Richtungen, darum erscheint der Himmel blau.",
      ],
    },
    email: {
      prompt: "Schreibe eine kurze E-Mail an einen Kollegen mit der Bitte, das Meeting von morgen auf Freitag zu verschieben.",
      answer: [
        "Betreff: Verschiebung unseres Meetings morgen",
        "Hallo Tobias,",
        "mir ist leider etwas Dringendes dazwischengekommen, deshalb kann ich morgen nicht an unserem Meeting teilnehmen.",
        "Könnten wir es auf Freitag zur gleichen Uhrzeit verschieben?",
        "Danke für dein Verständnis und entschuldige die kurzfristige Absage.",
        "Viele Grüße\nAnna",
      ],
    },
    sleep: {
      prompt: "Gib drei Tipps für besseren Schlaf.",
      answer: [
        "Hier sind drei Tipps für besseren Schlaf:",
        "Geh jeden Tag zur gleichen Zeit ins Bett und steh zur gleichen Zeit auf, auch am Wochenende.",
        "Verzichte eine Stunde vor dem Schlafengehen auf Bildschirme und helles Licht.",
        "Halte dein Schlafzimmer kühl, dunkel und ruhig und trink nach dem Mittagessen keinen Kaffee mehr.",
      ],
    },
    palindrome: {
      prompt: "Schreibe eine Python-Funktion, die prüft, ob eine Zeichenkette ein Palindrom ist.",
      answer: [
        "Hier ist eine kurze Funktion dafür:",
        "Sie behält nur Buchstaben und Ziffern und ignoriert Groß- und Kleinschreibung.",
        'Dann vergleicht sie die bereinigte Zeichenkette mit ihrer Umkehrung, sodass is_palindrome("Anna") True zurückgibt.',
      ],
    },
    evens: {
      prompt: "Schreibe eine Python-Funktion, die die Summe der geraden Zahlen in einer Liste zurückgibt.",
      answer: [
        "Das geht in einer einzigen Zeile:",
        "Der Generator-Ausdruck behält nur die Zahlen, die durch 2 teilbar sind.",
        "Die eingebaute Funktion sum() addiert sie, daher liefert sum_even([1, 2, 3, 4]) den Wert 6.",
      ],
    },
  },
};

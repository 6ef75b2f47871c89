import { describe, expect, it } from "vitest";

import { chunkedSource, collect, fixtureFile, groupsOf, gzipSync, problemsOf } from "@/lib/testing/import-formats";

const HEADER = "prompt_id,lang,prompt,response,sample,model,gold,temperature";

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join("\n") + "\n";
}

describe("CSV (flat columns)", () => {
  it("reads rows into partial groups, typing sample and keeping unknown columns as params", async () => {
    const text = csv('q1,EN,"What is 6 x 3?","It is 18, clearly.",,qwen,18,0.7', 'q1,zh,6乘3是多少？,"十八",3,,,');
    const items = await collect({ path: fixtureFile("rows.csv", text) });
    expect(problemsOf(items)).toEqual([]);
    expect(groupsOf(items)).toMatchObject([
      {
        line: 2,
        externalId: "q1",
        gold: "18",
        prompts: [{ lang: "en", text: "What is 6 x 3?", machineTranslated: false }],
        responses: [{ lang: "en", sampleIndex: 0, text: "It is 18, clearly.", model: "qwen", params: { temperature: "0.7" } }],
        complete: false,
      },
      { line: 3, gold: null, responses: [{ lang: "zh", sampleIndex: 3, text: "十八", model: null, params: null }] },
    ]);
  });

  it("numbers records by their first line when quoted fields span lines, with BOM and CRLF", async () => {
    const lines = [
      "prompt_id,lang,prompt,response",
      'q1,en,"Line one',
      'line two",a',
      "",
      'q2,en,p2,"b ""quoted""',
      "",
      'end"',
      "q3,en,p3",
    ];
    const text = "\uFEFF" + lines.join("\r\n") + "\r\n";
    const items = await collect(chunkedSource(text, "multi.csv", 1));
    expect(problemsOf(items)).toEqual([[8, null, "expected 4 columns as in the header, got 3"]]);
    expect(groupsOf(items).map((g) => [g.line, g.prompts[0]?.text, g.responses[0]?.text])).toEqual([
      [2, "Line one\nline two", "a"],
      [5, "p2", 'b "quoted"\n\nend'],
    ]);
  });

  it("rejects a malformed record with csv-parse's reason and resumes on the next record", async () => {
    const text = csv("q1,en,p,a,,,,", 'q1,en,p,"b"x,,,,', 'q1,en,p,c"d,,,,', "q1,en,p,e,,,,");
    const items = await collect({ path: fixtureFile("quotes.csv", text) });
    expect(problemsOf(items)).toEqual([
      [3, null, "invalid CSV: a closing quote must be followed by a comma or the end of the line"],
      [4, null, 'invalid CSV: a quote inside an unquoted field (quote the whole field and write "" for a quote)'],
    ]);
    expect(groupsOf(items).map((g) => [g.line, g.responses[0]?.text])).toEqual([[2, "a"]]);
    // Line 4's stray quote leaves a quote open, so line 5 joins its record and is rejected with it.
    expect(items.at(-1)).toMatchObject({ kind: "invalid", line: 4, raw: 'q1,en,p,c"d,,,,\nq1,en,p,e,,,,' });
  });

  it("checks cells with the flat record rules", async () => {
    const text = csv("q1,en,p,a,x,,,", ",en,p,b,,,,", "q1,en_us,p,c,,,,", "q1,en,,d,,,,");
    expect(problemsOf(await collect({ path: fixtureFile("cells.csv", text) }))).toEqual([
      [2, "sample", 'expected a non-negative integer, got "x"'],
      [3, "prompt_id", "required field is missing"],
      [4, "lang", '"en_us" is not a valid BCP-47 language code (did you mean "en-US"?)'],
      [5, "prompt", "required field is missing"],
    ]);
  });

  it("requires a header row naming the flat columns", async () => {
    const items = await collect({ path: fixtureFile("noheader.csv", "q1,en,p,a\n") });
    expect(items).toEqual([
      {
        kind: "fatal",
        line: 1,
        message:
          'the CSV header row lacks the columns "prompt_id", "lang", "prompt", "response" ' +
          "(expected prompt_id, lang, prompt, response, sample, model, gold, machine_translated; the first row must be the header)",
      },
    ]);
    expect(await collect({ path: fixtureFile("empty.csv", "\n\n") })).toEqual([
      { kind: "fatal", line: null, message: "the CSV input is empty: a header row is required" },
    ]);
  });

  it("reports invalid UTF-8 and over-long lines on the exact line", async () => {
    const bytes = Buffer.concat([
      Buffer.from(csv("q1,en,p,a,,,,") + "q1,en,p,"),
      Buffer.from([0xe2, 0x82]),
      Buffer.from(",,,,\n"),
      Buffer.from(`q1,en,p,${"y".repeat(300)},,,,\nq1,en,p,z,,,,\n`),
    ]);
    const items = await collect(chunkedSource(bytes, "bad.csv", 5), { maxLineBytes: 200 });
    expect(problemsOf(items)).toEqual([
      [3, null, "line is not valid UTF-8"],
      [4, null, "line is longer than the limit of 200 bytes (maxLineBytes)"],
    ]);
    expect(groupsOf(items).map((g) => g.line)).toEqual([2, 5]);
  });

  it("reads gzip-compressed CSV and --format csv for other names", async () => {
    const text = csv("q1,en,p,a,,,,");
    expect(groupsOf(await collect({ path: fixtureFile("rows.csv.gz", gzipSync(text)) }))).toHaveLength(1);
    expect(groupsOf(await collect({ path: fixtureFile("rows.txt", text) }, { format: "csv" }))).toHaveLength(1);
  });
});

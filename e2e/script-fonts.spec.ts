import { expect, test, type Page } from "@playwright/test";

// Every script the app shows renders as glyphs, not as empty boxes (tofu), on a machine without
// fonts for it: this one has only DejaVu and Liberation, so every script below but Arabic and Hebrew
// (which DejaVu Sans covers) depends on the self-hosted Noto faces of app/script-fonts.ts.
const SAMPLES = [
  { script: "Arabic", lang: "ar", dir: "rtl", text: "كم عدد التفاحات المتبقية؟" },
  { script: "Hebrew", lang: "he", dir: "rtl", text: "כמה תפוחים נשארו?" },
  { script: "Devanagari", lang: "hi", dir: "ltr", text: "कितने सेब बचे हैं?" },
  { script: "Bengali", lang: "bn", dir: "ltr", text: "কতগুলো আপেল বাকি আছে?" },
  { script: "Telugu", lang: "te", dir: "ltr", text: "ఎన్ని ఆపిల్స్ మిగిలి ఉన్నాయి?" },
  { script: "Tamil", lang: "ta", dir: "ltr", text: "எத்தனை ஆப்பிள்கள் மீதம் உள்ளன?" },
  { script: "Thai", lang: "th", dir: "ltr", text: "เหลือแอปเปิ้ลกี่ผล?" },
  { script: "Han", lang: "zh", dir: "ltr", text: "还剩下多少个苹果？" },
  { script: "Kana", lang: "ja", dir: "ltr", text: "りんごはいくつ残っていますか？" },
  { script: "Hangul", lang: "ko", dir: "ltr", text: "사과가 몇 개 남았나요?" },
] as const;

/** An unassigned code point: every font draws it as its missing-glyph box. */
const TOFU = "\u0378";

/**
 * Puts the sample, and a reference of as many missing-glyph boxes, into the page in its own styles,
 * once the faces its text needs are loaded, as a page's first layout loads them. (Chromium on Linux
 * was seen to keep text laid out while its faces still loaded, at some sizes, on a local font's boxes.)
 */
async function render(page: Page, sample: (typeof SAMPLES)[number]) {
  await page.evaluate(
    async ({ sample, tofu }) => {
      const main = document.querySelector("main")!;
      await document.fonts.load(`16px ${getComputedStyle(main).fontFamily}`, sample.text);
      const box = document.createElement("div");
      box.id = "script-sample";
      const line = (text: string, id: string) => {
        const p = document.createElement("p");
        p.id = id;
        p.lang = sample.lang;
        p.dir = sample.dir;
        p.className = "inline-block text-base";
        p.textContent = text;
        box.append(p, document.createElement("br"));
      };
      line(sample.text, "sample");
      line(sample.text.replace(/\S/gu, tofu), "tofu");
      main.prepend(box);
    },
    { sample, tofu: TOFU },
  );
}

/** Code points of the sample that its font stack draws exactly like the missing-glyph box. */
function boxedCharacters(page: Page) {
  return page.evaluate((tofu) => {
    const el = document.getElementById("sample")!;
    const font = `400 16px ${getComputedStyle(el).fontFamily}`;
    const canvas = document.createElement("canvas");
    canvas.width = 40;
    canvas.height = 40;
    const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
    const draw = (ch: string) => {
      ctx.clearRect(0, 0, 40, 40);
      ctx.font = font;
      ctx.fillText(ch, 10, 28);
      return ctx.getImageData(0, 0, 40, 40).data.join(",");
    };
    const box = draw(tofu);
    const letters = [...new Set(el.textContent!.match(/\p{L}/gu))];
    return { boxed: letters.filter((ch) => draw(ch) === box), letters: letters.length };
  }, TOFU);
}

for (const sample of SAMPLES) {
  test(`${sample.script} text renders as glyphs, not boxes`, async ({ page }, testInfo) => {
    await page.goto("/datasets");
    await render(page, sample);
    const { boxed, letters } = await boxedCharacters(page);
    expect(letters).toBeGreaterThan(3);
    expect(boxed, `${sample.script} letters drawn as missing-glyph boxes`).toEqual([]);

    // The screenshot a reviewer would see, against as many boxes: identical pictures mean tofu.
    const shot = await page.locator("#sample").screenshot();
    const boxes = await page.locator("#tofu").screenshot();
    await testInfo.attach(`${sample.script}.png`, { body: shot, contentType: "image/png" });
    expect(shot.equals(boxes), `${sample.script} sample looks like a row of boxes`).toBe(false);
  });
}

test("a page without such text downloads no script font", async ({ page }) => {
  const fonts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "font") fonts.push(r.url());
  });
  await page.goto("/settings/tokens");
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState("networkidle");
  expect(fonts).toEqual([]);
});

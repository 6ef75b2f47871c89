import { expect, test } from "@playwright/test";

test.describe.configure({ timeout: 90_000 });

test("guidelines are edited in the queue, rendered as sanitized markdown, kept across reloads; typing fires no shortcut", async ({
  page,
}) => {
  const pwned: string[] = [];
  page.on("dialog", (d) => {
    pwned.push(d.message());
    void d.dismiss();
  });
  await page.goto("/datasets/demo/review?lang=sw&status=proposed");
  await expect(page.locator("[data-keys-ready=true]")).toHaveCount(1);
  const card = page.getByTestId("pair-card");
  const pairId = await card.getAttribute("data-pair-id");
  const panel = page.getByRole("group", { name: "Review guidelines" });
  await panel.locator("summary").click();
  await panel.getByRole("button", { name: "Edit guidelines" }).click();
  const markdown = [
    "## Swahili review",
    "",
    "- **Accept** when the chosen answer is correct",
    "- reject answers in English",
    "",
    "<img src=x onerror=\"alert('img')\"> <script>alert('script')</script>",
  ].join("\n");
  await panel.getByLabel("Guidelines (markdown)").fill(markdown);
  // "a" and "r" typed in the text field must not accept or reject the pair.
  await panel.getByLabel("Guidelines (markdown)").press("End");
  await panel.getByLabel("Guidelines (markdown)").pressSequentially(" ar");
  await panel.getByRole("button", { name: "Save guidelines" }).click();

  const body = panel.getByTestId("guidelines-body");
  await expect(body.getByRole("heading", { name: "Swahili review" })).toBeVisible();
  await expect(body.locator("strong")).toHaveText("Accept");
  await expect(body.locator("li")).toHaveCount(2);
  await expect(body.locator("img, script")).toHaveCount(0);
  await expect(card).toHaveAttribute("data-pair-id", pairId!);
  await expect(page.getByTestId("pair-status")).toHaveText("proposed");

  await page.reload();
  const again = page.getByRole("group", { name: "Review guidelines" });
  await expect(again.getByTestId("guidelines-body").locator("strong")).toHaveText("Accept");
  await expect(again.getByTestId("guidelines-body")).toContainText("<script>alert('script')</script> ar");
  expect(pwned).toEqual([]);
  expect(await page.evaluate(() => document.querySelectorAll("img[src=x]").length)).toBe(0);
});

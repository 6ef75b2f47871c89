import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { GUIDELINES_MAX_CHARS, updateGuidelines } from "./guidelines";

let t: TestDatabase;
let datasetId: number;
let userId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  datasetId = (await t.db.prisma.dataset.create({ data: { slug: "g", name: "g", languages: ["en", "de"] } })).id;
  userId = (await t.db.prisma.user.create({ data: { email: "admin@example.org", name: "Admin", role: "admin" } })).id;
}, 120_000);
afterAll(async () => t.drop());

const stored = async () => (await t.db.prisma.dataset.findUniqueOrThrow({ where: { id: datasetId } })).guidelines;

describe("review guidelines", () => {
  it("stores the markdown (line endings normalised, trimmed) and audits old and new text with the user", async () => {
    expect(await updateGuidelines(t.db, datasetId, "# Rules\r\n\r\n- prefer the *correct* answer\r\n", userId)).toEqual({
      guidelines: "# Rules\n\n- prefer the *correct* answer",
    });
    await updateGuidelines(t.db, datasetId, "Reject <script>alert(1)</script> answers in the wrong language.", null);
    expect(await stored()).toBe("Reject <script>alert(1)</script> answers in the wrong language.");
    const audit = await t.db.prisma.auditEvent.findMany({ where: { datasetId, action: "dataset.guidelines" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.userId, a.entity, a.entityId, a.data])).toEqual([
      [userId, "dataset", String(datasetId), { before: "", after: "# Rules\n\n- prefer the *correct* answer" }],
      [
        null,
        "dataset",
        String(datasetId),
        { before: "# Rules\n\n- prefer the *correct* answer", after: "Reject <script>alert(1)</script> answers in the wrong language." },
      ],
    ]);
  });

  it("refuses text over the limit with a message naming the field, and writes nothing", async () => {
    const before = await stored();
    const events = await t.db.prisma.auditEvent.count();
    await expect(updateGuidelines(t.db, datasetId, "x".repeat(GUIDELINES_MAX_CHARS + 1))).rejects.toThrow(
      `guidelines: at most ${GUIDELINES_MAX_CHARS} characters (got ${GUIDELINES_MAX_CHARS + 1})`,
    );
    expect([await stored(), await t.db.prisma.auditEvent.count()]).toEqual([before, events]);
  });

  it("an unknown dataset is NOT_FOUND", async () => {
    await expect(updateGuidelines(t.db, 999_999, "x")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { queryRows, sql } from "@/lib/db/sql";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { createUser, listUsers, updateUser } from "./accounts";

// The Users page's review languages: created with the user, listed, and set through updateUser (its action's one lib call).

let t: TestDatabase;
let adminId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  ({ id: adminId } = await createUser(t.db, { email: "root@x.test", name: "Root", role: "admin", password: "0123456789ab" }));
});
afterAll(() => t.drop());

const languagesOf = async (email: string) => (await listUsers(t.db)).find((u) => u.email === email)?.languages;

describe("review languages on the Users page", () => {
  it("lists a new user's languages, and no languages (= all) when none were given", async () => {
    await createUser(
      t.db,
      { email: "ana@x.test", name: "Ana", role: "reviewer", password: "0123456789ab", languages: ["de", "ar"] },
      adminId,
    );
    expect(await languagesOf("ana@x.test")).toEqual(["de", "ar"]);
    expect(await languagesOf("root@x.test")).toEqual([]);
  });

  it("sets, dedupes and clears a user's languages, with an audit row per change", async () => {
    const ana = (await listUsers(t.db)).find((u) => u.email === "ana@x.test")!;
    expect(await updateUser(t.db, { userId: ana.id }, { languages: ["hi", "zh-TW", "hi"] }, adminId)).toMatchObject({
      email: "ana@x.test",
      languages: ["hi", "zh-TW"],
      disabled: false,
    });
    expect(await languagesOf("ana@x.test")).toEqual(["hi", "zh-TW"]);
    await updateUser(t.db, { userId: ana.id }, { languages: [] }, adminId);
    expect(await languagesOf("ana@x.test")).toEqual([]);
    const audit = await queryRows(
      t.db.pool,
      sql`SELECT user_id AS "userId", data FROM audit_events WHERE action = 'user.languages' AND entity_id = ${ana.id} ORDER BY id`,
      z.object({ userId: z.number(), data: z.object({ languages: z.array(z.string()) }) }),
    );
    expect(audit).toEqual([
      { userId: adminId, data: { languages: ["hi", "zh-TW"] } },
      { userId: adminId, data: { languages: [] } },
    ]);
  });

  it("refuses a malformed code with the field named and changes nothing", async () => {
    const ana = (await listUsers(t.db)).find((u) => u.email === "ana@x.test")!;
    await updateUser(t.db, { userId: ana.id }, { languages: ["sw"] }, adminId);
    await expect(updateUser(t.db, { userId: ana.id }, { languages: ["sw", "DE!"] }, adminId)).rejects.toThrow(
      'languages: "DE!" is not a language code such as de or zh-TW',
    );
    expect(await languagesOf("ana@x.test")).toEqual(["sw"]);
    await expect(updateUser(t.db, { userId: 999_999 }, { languages: ["de"] }, adminId)).rejects.toThrow(/No user/);
  });
});

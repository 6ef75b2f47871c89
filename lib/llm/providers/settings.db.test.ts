import { describe, expect, it } from "vitest";
import { databaseForThisFile } from "@/lib/testing/test-db";
import { loadProviderSettings, loadProviderSettingsView, maskApiKey, saveProviderSettings } from "./settings";

const KEY = "sk-test-9f8e7d6c5b4a-SECRET";
const t = databaseForThisFile();

describe("provider settings", () => {
  it("stores the key server-side and hands the page only a masked form", async () => {
    const view = await saveProviderSettings(t.db, {
      baseUrl: "http://127.0.0.1:8000/v1",
      apiKey: KEY,
      generationModel: "m-gen",
      embeddingModel: "m-emb",
    });
    expect(view).toEqual({
      baseUrl: "http://127.0.0.1:8000/v1",
      generationModel: "m-gen",
      embeddingModel: "m-emb",
      apiKeyMasked: "sk-…CRET",
      apiKeySource: "settings",
    });
    expect(JSON.stringify(await loadProviderSettingsView(t.db))).not.toContain(KEY.slice(3, -4));
    expect((await loadProviderSettings(t.db)).apiKey).toBe(KEY);
  });

  it("an empty key field keeps the stored key; clearing removes it; an empty model falls back to the environment", async () => {
    await saveProviderSettings(t.db, { baseUrl: "http://127.0.0.1:8000/v1", apiKey: "", generationModel: "", embeddingModel: "m-emb" });
    const s = await loadProviderSettings(t.db);
    expect({ key: s.apiKey, gen: s.generationModel }).toEqual({ key: KEY, gen: null });
    await saveProviderSettings(t.db, { clearApiKey: true });
    expect((await loadProviderSettings(t.db)).apiKey).toBe(null);
    expect((await loadProviderSettingsView(t.db)).apiKeyMasked).toBe(null);
  });

  it("rejects a base URL that is not http(s)", async () => {
    await expect(saveProviderSettings(t.db, { baseUrl: "ftp://x" })).rejects.toThrow("must be an http(s) URL");
  });

  it("masks short keys completely", () => {
    expect(maskApiKey("abc")).toBe("••••");
    expect(maskApiKey("sk-1234567890")).toBe("sk-…7890");
  });
});

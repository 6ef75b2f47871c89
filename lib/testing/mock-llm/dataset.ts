import { saveProviderSettings, type TProviderSettingsInput } from "@/lib/llm/providers/settings";
import { createDataset, type FixtureGroup } from "@/lib/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { startMockLlm, type MockLlm } from "./server";

export type MockLlmDataset = { t: TestDatabase; mock: MockLlm; datasetId: number };

/**
 * A started mock LLM and a fresh test database holding one dataset, whose provider settings point at
 * the mock (`settings` adds the models or a key). Stop both with `stopMockLlmDataset`.
 */
export async function startMockLlmDataset(
  dataset: { slug: string; groups: FixtureGroup[]; languages: string[] },
  settings: Omit<TProviderSettingsInput, "baseUrl"> = {},
): Promise<MockLlmDataset> {
  const mock = await startMockLlm();
  const t = await createTestDatabase();
  const datasetId = await createDataset(t.db, dataset.slug, dataset.groups, dataset.languages);
  await saveProviderSettings(t.db, { ...settings, baseUrl: mock.url });
  return { t, mock, datasetId };
}

export async function stopMockLlmDataset({ t, mock }: Pick<MockLlmDataset, "t" | "mock">): Promise<void> {
  await t.drop();
  await mock.close();
}

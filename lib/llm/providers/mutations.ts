import "server-only";
import { getDatabase } from "@/lib/db/client";
import { Provider } from "./provider";
import { describeProviderError } from "./retry";
import {
  loadProviderSettings,
  loadProviderSettingsView,
  saveProviderSettings,
  type ProviderSettingsView,
  type TProviderSettingsInput,
} from "./settings";

export async function updateProviderSettings(input: TProviderSettingsInput): Promise<ProviderSettingsView> {
  return saveProviderSettings(await getDatabase(), input);
}

export async function getProviderSettingsView(): Promise<ProviderSettingsView> {
  return loadProviderSettingsView(await getDatabase());
}

export type ConnectionCheck = { ok: true; models: string[] } | { ok: false; error: string };

/** Lists the configured server's models with the stored key; the key itself never leaves the server. */
export async function checkProviderConnection(): Promise<ConnectionCheck> {
  const settings = await loadProviderSettings(await getDatabase());
  if (!settings.baseUrl) return { ok: false, error: "No base URL is configured." };
  try {
    const provider = new Provider(settings, { timeoutMs: 10_000, retry: { retries: 1 } });
    return { ok: true, models: await provider.listModels() };
  } catch (e) {
    const message = describeProviderError(e);
    return { ok: false, error: settings.apiKey ? message.split(settings.apiKey).join("[key]") : message };
  }
}

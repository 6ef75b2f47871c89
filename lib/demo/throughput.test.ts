import { expect, it } from "vitest";
import { generateGroups } from "./generate";

it("generates 10,000 benchmark groups quickly (prints responses/s)", { timeout: 120_000 }, () => {
  const languages = ["en", "de", "zh", "ar", "hi", "sw", "fr", "ja"];
  const started = performance.now();
  const cpu = process.cpuUsage();
  let responses = 0;
  let chars = 0;
  for (const g of generateGroups({ seed: 11, groups: 10_000, languages, samples: 8 })) {
    for (const list of Object.values(g.responses)) {
      responses += list.length;
      for (const r of list) chars += r.text.length;
    }
  }
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  console.log(
    `demo generator: ${responses} responses in ${wall.toFixed(2)}s wall (${Math.round(responses / wall)} responses/s), ` +
      `${Math.round(responses / cpuSeconds)} responses per CPU-second, avg ${Math.round(chars / responses)} chars`,
  );
  expect(responses).toBe(10_000 * languages.length * 8);
});

import { codeBlock, countsTable } from "./markdown";
import type { SplitCounts } from "./types";

export const OPENRLHF_FLAGS = [
  "--data.prompt_key prompt",
  "--data.chosen_key chosen",
  "--data.rejected_key rejected",
  "--data.apply_chat_template",
] as const;

/** README written next to the OpenRLHF JSONL files: which record form this is and the flags that read it. */
export function buildOpenRlhfReadme(options: {
  datasetName: string;
  files: readonly string[];
  counts: Record<string, SplitCounts>;
  hasSplit: boolean;
}): string {
  const trainFile = options.files.find((f) => f.startsWith("train")) ?? "train.jsonl";
  const flags = [`--data.dataset PATH_TO_EXPORT/${trainFile}`, ...OPENRLHF_FLAGS].join(" \\\n");
  const example = {
    prompt: [{ role: "user", content: "<prompt>" }],
    chosen: [{ role: "assistant", content: "<chosen response>" }],
    rejected: [{ role: "assistant", content: "<rejected response>" }],
    margin: 0.42,
  };
  return `# ${options.datasetName}: OpenRLHF preference data

Files: ${options.files.map((f) => `\`${f}\``).join(", ")}. One JSON object per line.

## Record form: explicit prompt key

${codeBlock(JSON.stringify(example), "json")}

- \`prompt\` is a message list (an optional \`system\` message, then the \`user\` turn).
- \`chosen\` and \`rejected\` each hold only the final \`assistant\` message.
- \`margin\` is the CM-Align cross-lingual consistency gap, CL(chosen) - CL(rejected). OpenRLHF reads an
  optional numeric margin per record; only margin-based losses use it.

## Flags

Pass all of these to the DPO trainer (\`openrlhf.cli.train_dpo\`), besides your model and training options:

${codeBlock(flags, "bash")}

## Why the explicit prompt form

OpenRLHF also accepts full conversations in \`chosen\`/\`rejected\` without a prompt key, and then takes
the prompt from \`chosen[:-1]\`. The two forms can yield different response strings once the chat
template is applied (OpenRLHF issue #909). Here the prompt messages are stored apart from the replies,
so \`chosen\` and \`rejected\` hold only the assistant turn and nothing has to be split off a shared
conversation prefix; a system prompt has one obvious place (the start of \`prompt\`). It is the same
prompt/chosen/rejected split as the \`trl-chat\` export, and every file of this export uses it.

## Pairs per language

${countsTable(options.counts, options.hasSplit)}
`;
}

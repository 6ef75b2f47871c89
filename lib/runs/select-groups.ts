import { selectGroup, selectGroupWithReference, type GroupInput, type GroupSelection, type TSelectConfigInput } from "@/lib/pipeline";

/** One chunk's scoring, the CPU-bound part of a select run: plain data in and out, so a thread can compute it. */
export type SelectBatch = {
  groups: GroupInput[];
  config: TSelectConfigInput;
  /** group id → the response a human chose as its reference. */
  humanReferences: Map<string, string>;
};

/** Selects every group of the batch, in order. */
export function selectGroups(batch: SelectBatch): GroupSelection[] {
  return batch.groups.map((g) => select(g, batch.config, batch.humanReferences.get(g.groupId)));
}

/** A reference a human corrected is kept: the run scores the group against it. */
function select(group: GroupInput, config: TSelectConfigInput, humanReference: string | undefined): GroupSelection {
  if (humanReference !== undefined && group.candidates.some((c) => c.id === humanReference && c.text.trim() !== "")) {
    return selectGroupWithReference(group, config, humanReference);
  }
  return selectGroup(group, config);
}

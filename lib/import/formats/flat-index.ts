import { CompactKeyMap } from "./hash";

class U32Column {
  data = new Uint32Array(256);
  get(i: number): number {
    return this.data[i] ?? 0;
  }
  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const bigger = new Uint32Array(Math.max(this.data.length * 2, i + 1));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[i] = v;
  }
}

const PIVOT_SEEN = 1;
const GOLD_SEEN = 2;

/**
 * What a flat import must remember across lines, in compact form.
 * Per prompt group: its id (a Map entry, ~60 bytes + the id), first line, flags, 64-bit gold fingerprint.
 * Per (group, language) "slot": 64-bit prompt fingerprint, its line, rows seen (~40 bytes).
 * Per response: one entry (slot, sample index) → line in a CompactKeyMap (≤ 24 bytes).
 * So 1 M responses in 50 k groups × 8 languages cost roughly 24 + 16 + 3 MB.
 */
export class FlatIndex {
  private readonly groups = new Map<string, number>();
  private readonly languages = new Map<string, number>();
  private readonly groupFirstLine = new U32Column();
  private readonly groupFlags = new U32Column();
  private readonly goldHi = new U32Column();
  private readonly goldLo = new U32Column();
  private readonly goldLine = new U32Column();
  private readonly slots = new CompactKeyMap();
  private readonly promptHi = new U32Column();
  private readonly promptLo = new U32Column();
  private readonly promptLine = new U32Column();
  private readonly slotRows = new U32Column();
  private readonly samples = new CompactKeyMap(4096);

  group(externalId: string): number | undefined {
    return this.groups.get(externalId);
  }

  addGroup(externalId: string, line: number): number {
    const ordinal = this.groups.size;
    this.groups.set(externalId, ordinal);
    this.groupFirstLine.set(ordinal, line);
    return ordinal;
  }

  slot(group: number, lang: string): number | undefined {
    const langOrdinal = this.languages.get(lang);
    return langOrdinal === undefined ? undefined : this.slots.get(group + 1, langOrdinal);
  }

  addSlot(group: number, lang: string, prompt: [number, number], line: number): number {
    let langOrdinal = this.languages.get(lang);
    if (langOrdinal === undefined) {
      langOrdinal = this.languages.size;
      this.languages.set(lang, langOrdinal);
    }
    const slot = this.slots.size;
    this.slots.set(group + 1, langOrdinal, slot);
    this.promptHi.set(slot, prompt[0]);
    this.promptLo.set(slot, prompt[1]);
    this.promptLine.set(slot, line);
    return slot;
  }

  /** Line of the slot's first prompt if `prompt` differs from it, else null. */
  promptConflict(slot: number, prompt: [number, number]): number | null {
    const same = this.promptHi.get(slot) === prompt[0] && this.promptLo.get(slot) === prompt[1];
    return same ? null : this.promptLine.get(slot);
  }

  /** Line of the group's gold if `gold` differs from it, else null. */
  goldConflict(group: number, gold: [number, number]): number | null {
    if ((this.groupFlags.get(group) & GOLD_SEEN) === 0) return null;
    const same = this.goldHi.get(group) === gold[0] && this.goldLo.get(group) === gold[1];
    return same ? null : this.goldLine.get(group);
  }

  setGold(group: number, gold: [number, number], line: number): void {
    const flags = this.groupFlags.get(group);
    if (flags & GOLD_SEEN) return;
    this.groupFlags.set(group, flags | GOLD_SEEN);
    this.goldHi.set(group, gold[0]);
    this.goldLo.set(group, gold[1]);
    this.goldLine.set(group, line);
  }

  markPivot(group: number): void {
    this.groupFlags.set(group, this.groupFlags.get(group) | PIVOT_SEEN);
  }

  rowsIn(slot: number): number {
    return this.slotRows.get(slot);
  }

  /** Line where (slot, sample) was first used, or undefined. */
  sampleLine(slot: number, sample: number): number | undefined {
    return this.samples.get(slot + 1, sample);
  }

  addSample(slot: number, sample: number, line: number): void {
    this.samples.set(slot + 1, sample, line);
    this.slotRows.set(slot, this.slotRows.get(slot) + 1);
  }

  /** Groups that never had a row in the pivot language, in order of first appearance. */
  *groupsWithoutPivot(): Generator<{ externalId: string; line: number }> {
    for (const [externalId, ordinal] of this.groups) {
      if ((this.groupFlags.get(ordinal) & PIVOT_SEEN) === 0) yield { externalId, line: this.groupFirstLine.get(ordinal) };
    }
  }
}

import "server-only";
export { effectiveReference, findSourceRun, latestCorrection, type EffectiveReference } from "@/lib/effective-pair/group-reference";

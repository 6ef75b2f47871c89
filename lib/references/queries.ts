import "server-only";
export { effectiveReference, findSourceRun, latestCorrection, type EffectiveReference } from "./source-run";

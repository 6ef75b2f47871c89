export { countResponses, generateGroup, generateGroups, responsesIn } from "./generate";
export { DEMO_LANGUAGES, DEMO_MAJORITY_WRONG, DEMO_OPTIONS, DEMO_RATES, demoDatasetInfo } from "./demo";
export { HTML_SNIPPET, HTML_TRAP, MODELS } from "./constants";
export { BANK_LANGUAGES, FALLBACK, bankFor } from "./banks";
export {
  DEFAULT_RATES,
  TRAP_KINDS,
  ZGenerateOptions,
  type NestedGroupRecord,
  type GroupMeta,
  type TGenerateOptions,
  type TrapKind,
  type TTrapRates,
} from "./types";

export type * from "./types";
export { SKIP_REASONS } from "./types";
export { ZSelectConfig, DEFAULT_SELECT_CONFIG, resolveScorer, type TSelectConfig, type TSelectConfigInput } from "./config";
export { compareCandidates, canonicalOrder, isNonEmpty, isScorable } from "./candidates";
export { lexicalProfile, chrF, lexicalSimilarity, lexicalTextSimilarity, type LexicalProfile } from "./lexical";
export { cosine, float32ToBytes, bytesToFloat32 } from "./vectors";
export { hashedEmbedding, hashedEmbedderModel, HASHED_EMBEDDER_DEFAULT_DIM } from "./hashed-embedder";
export { extractAnswer, canonicalAnswer, answersEqual } from "./answer";
export { normalizeNumerals, canonicalRational } from "./numerals";
export {
  detectLanguage,
  isOffTarget,
  isDetectable,
  textForDetection,
  SUPPORTED_LANGUAGES,
  normalizeLanguageTag,
  sameLanguage,
} from "./language";
export { TIE_BREAK_WEIGHT, consistencyScores, crossLingualScore, similarityMatrix } from "./consistency";
export { groupSimilarity, type GroupSimilarity } from "./similarity";
export { pickReferenceIndex, type ReferenceMode } from "./reference";
export { decideLanguagePair, decidePivotPair, type LanguagePool, type PairOptions } from "./pairs";
export { selectGroup, selectGroupWithReference } from "./select-group";
export {
  answerQualityByLanguage,
  answerQualityOverall,
  boundsFromCells,
  chosenOnTargetByLanguage,
  selectionBoundsByLanguage,
  type AnswerQuality,
  type ChosenLanguage,
  type GoldGroupCell,
  type PairAnswers,
  type ResponseAnswer,
  type SelectionBounds,
} from "./quality";
export { isOnTarget, targetStatus, type TargetInput, type TargetStatus } from "./target";
export { modelUsage, type ModelResponses, type ModelUsage } from "./model-usage";
export { annotateCandidate, type RawCandidate } from "./annotate";
export { findDefect, RESPONSE_DEFECTS, type ResponseDefect } from "./degenerate";
export { guardStatus, type GuardStatus, type GuardOptions } from "./guard";
export { describeMix, languageName, measureLanguageShare, type LanguageShare } from "./language-share";
export { answerText, hasReasoning, splitReasoning, type ReasoningSplit } from "./reasoning";
export { checkResponse, type ResponseChecks } from "./response-checks";

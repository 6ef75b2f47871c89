/** Test support: the labels of a 0–1 histogram's ten tenth-wide buckets in display order, between "< 0" and "none" (charts/buckets.ts). */
export const TENTH_LABELS = ["0–0.1", "0.1–0.2", "0.2–0.3", "0.3–0.4", "0.4–0.5", "0.5–0.6", "0.6–0.7", "0.7–0.8", "0.8–0.9", "≥ 0.9"];

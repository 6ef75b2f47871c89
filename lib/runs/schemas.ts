import { ZIdParam } from "@/lib/input-limits";

export { type TSelectRunConfig, type TSelectRunConfigInput, ZSelectRunConfig } from "@/lib/pipeline/run-config";

export const ZRunId = ZIdParam;

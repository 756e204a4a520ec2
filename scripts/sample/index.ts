/** The sample province: a plan (pure), the files it is made of, and how they are written. */
export {
  planSample,
  DEFAULT_NOMINATING_SHARE,
  SAMPLE_FILES,
  SAMPLE_PLAN_DATE,
  sampleRound,
  type SamplePlan,
  type FileJob,
  type FileBody,
  type PlanOptions,
} from "./plan";
export type { SampleManifest, ManifestFile, ManifestUnit, ExpectedProblem, FileScenario } from "./manifest";
export { writeSampleFiles, canUseWorkers, SampleWriteError } from "./write-files";
export { createRandom, deriveRandom, type Random } from "./random";
export { buildSampleUnits, type SampleUnit } from "./units";
export { DEFECTS, type Defect } from "./defects";

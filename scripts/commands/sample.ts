import { availableParallelism } from "node:os";
import { readFile, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { REGISTRY_SPEC, type Language } from "../../core/index";
import { UsageError } from "../errors";
import { writeFileAtomic } from "../io/atomic-write";
import {
  DEFAULT_NOMINATING_SHARE,
  SAMPLE_FILES,
  SampleWriteError,
  planSample,
  writeSampleFiles,
} from "../sample/index";
import { writeTemplateBuffer } from "../xlsx/write-template";
import { toOutputError } from "../io/output-folder";
import type { CommandExit, CommandIo } from "./io";

export interface SampleOptions {
  /** Units in the registry. */
  units: number;
  /** Folder to write into. */
  out: string;
  /** Seed of the pseudo-random choices (default 1): the same seed gives the same sample. */
  seed?: number;
  /** Report year being collected (default 2026). */
  year?: number;
  /** Share of units that also send a nomination file, 0–1 (default 0.22); 1 gives three files a unit. */
  nominatingShare?: number;
  /** Writing threads; 0 writes in this thread (default: one per core). */
  workers?: number;
}

/** Paths of what was written (joined to `out`), and how much. */
export interface SampleSummary {
  registry: string;
  submissionsDir: string;
  manifest: string;
  config: string;
  files: number;
  units: number;
}

const FIRST_YEAR = 2026;
const LAST_YEAR = 2030;

function checkOptions(options: SampleOptions): {
  units: number;
  seed: number;
  year: number;
  nominatingShare: number;
} {
  const seed = options.seed ?? 1;
  const year = options.year ?? FIRST_YEAR;
  if (!Number.isInteger(options.units) || options.units < 1)
    throw new UsageError({
      vi: `số đơn vị phải là số nguyên ≥ 1, không phải ${options.units}`,
      en: `units must be a whole number ≥ 1, not ${options.units}`,
    });
  if (!Number.isInteger(seed) || seed < 0)
    throw new UsageError({
      vi: `hạt giống phải là số nguyên ≥ 0, không phải ${seed}`,
      en: `seed must be a whole number ≥ 0, not ${seed}`,
    });
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR)
    throw new UsageError({
      vi: `năm phải từ ${FIRST_YEAR} đến ${LAST_YEAR}, không phải ${year}`,
      en: `year must be from ${FIRST_YEAR} to ${LAST_YEAR}, not ${year}`,
    });
  const nominatingShare = options.nominatingShare ?? DEFAULT_NOMINATING_SHARE;
  if (!(nominatingShare >= 0 && nominatingShare <= 1))
    throw new UsageError({
      vi: `tỉ lệ đơn vị đề nghị khen thưởng phải từ 0 đến 1, không phải ${nominatingShare}`,
      en: `the nominating share must be from 0 to 1, not ${nominatingShare}`,
    });
  return { units: options.units, seed, year, nominatingShare };
}

/**
 * A sample's submissions folder is replaced whole on the next run; any other non-empty folder
 * in its place is left alone and refused, so that no one's files are deleted.
 */
async function clearPreviousSample(out: string): Promise<void> {
  const submissions = join(out, SAMPLE_FILES.submissions);
  const existing = await readdir(submissions).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return [] as string[];
    throw new UsageError(
      {
        vi: `không dùng được ${submissions} cho các hồ sơ: ${code ?? String(error)}`,
        en: `cannot use ${submissions} for the submissions: ${code ?? String(error)}`,
      },
      { cause: error },
    );
  });
  if (existing.length === 0) return;
  const manifest = await readFile(join(out, SAMPLE_FILES.manifest), "utf8").catch(() => null);
  let isSample = false;
  try {
    isSample =
      manifest !== null && (JSON.parse(manifest) as { generator?: unknown }).generator === "thidua sample";
  } catch {
    isSample = false;
  }
  if (!isSample)
    throw new UsageError({
      vi: `${submissions} có tệp và không phải một bộ mẫu trước đó: hãy chọn --out khác`,
      en: `${submissions} is not empty and is not a previous sample: choose another --out`,
    });
  await rm(submissions, { recursive: true, force: true });
}

/**
 * `thidua sample`: writes a realistic, deterministic sample province into `out`: the config, the
 * registry of units, the submissions (with their received times as modification times) and
 * `sample-manifest.json`, which says what a consolidation must find. The manifest comes last,
 * so a folder with a manifest holds a whole sample.
 */
export async function runSample(options: SampleOptions): Promise<SampleSummary> {
  const { units, seed, year, nominatingShare } = checkOptions(options);
  const plan = planSample({ units, seed, year, nominatingShare });
  const out = options.out;
  const paths = {
    config: join(out, SAMPLE_FILES.config),
    registry: join(out, SAMPLE_FILES.registry),
    submissionsDir: join(out, SAMPLE_FILES.submissions),
    manifest: join(out, SAMPLE_FILES.manifest),
  };
  await clearPreviousSample(out);
  await writeFileAtomic(paths.config, `${JSON.stringify(plan.config, null, 2)}\n`);
  try {
    // The registry is written here while the threads write the submissions.
    await Promise.all([
      writeTemplateBuffer(REGISTRY_SPEC, { fill: plan.registryFill }).then((bytes) =>
        writeFileAtomic(paths.registry, bytes),
      ),
      writeSampleFiles(out, plan.jobs, { workers: options.workers ?? availableParallelism() }),
    ]);
  } catch (error) {
    if (error instanceof SampleWriteError) throw toOutputError(error.path, error);
    throw error;
  }
  await writeFileAtomic(paths.manifest, `${JSON.stringify(plan.manifest, null, 2)}\n`);
  return { ...paths, files: plan.jobs.length, units: plan.units.length };
}

/** What `thidua sample` prints: what it wrote, and where, in the user's language. */
export function formatSampleSummary(summary: SampleSummary, language: Language): string {
  const lines =
    language === "vi"
      ? [
          `${summary.files} tệp của ${summary.units} đơn vị trong ${summary.submissionsDir}`,
          `danh sách đơn vị: ${summary.registry}`,
          `bản kê kết quả: ${summary.manifest}`,
          `cấu hình: ${summary.config}`,
        ]
      : [
          `${summary.files} files for ${summary.units} units in ${summary.submissionsDir}`,
          `registry: ${summary.registry}`,
          `manifest: ${summary.manifest}`,
          `config: ${summary.config}`,
        ];
  return `${lines.join("\n")}\n`;
}

/** `thidua sample`: writes the sample province and says what it wrote. */
export async function sampleCommand(
  options: SampleOptions & { language: Language },
  io: CommandIo,
): Promise<CommandExit> {
  const { language, ...sample } = options;
  io.stdout.write(formatSampleSummary(await runSample(sample), language));
  return 0;
}

import { readFile, stat } from "node:fs/promises";
import { extname, isAbsolute, relative, resolve } from "node:path";
import { STAMP } from "../../core/index";
import { UsageError } from "../errors";
import { checkWritable } from "../io/output-pair";
import { readWorkbookSnapshot } from "../xlsx/read-workbook";
import { SHEET_NAMES } from "./labels";

export interface OutputPlan {
  readonly source: string;
  readonly registry: string;
  readonly config: string | null;
  readonly out: string;
  readonly report: string | null;
}

function isInside(folder: string, path: string): boolean {
  const fromFolder = relative(resolve(folder), resolve(path));
  return fromFolder !== "" && !fromFolder.startsWith("..") && !isAbsolute(fromFolder);
}

async function existingFile(path: string): Promise<"file" | "folder" | null> {
  const info = await stat(path).catch(() => null);
  return info === null ? null : info.isDirectory() ? "folder" : "file";
}

/** A workbook this command wrote before, in either language: its own sheets, and no template stamp of a submission. */
async function isPreviousConsolidation(path: string): Promise<boolean> {
  const reading = await readWorkbookSnapshot(await readFile(path));
  if (!reading.ok) return false;
  const names = new Set(reading.snapshot.sheets.map((sheet) => sheet.name));
  if (names.has(STAMP.sheet)) return false;
  return Object.values(SHEET_NAMES).some((sheets) => names.has(sheets.overview) && names.has(sheets.log));
}

/**
 * Every check of the outputs, before anything is read: the paths (below), then that each output
 * can be written there (its folder made, stale temporaries of a killed run removed), so that hours
 * of reading never end in "cannot write".
 */
export async function checkOutputs(plan: OutputPlan): Promise<void> {
  await checkOutputPaths(plan);
  await checkWritable(resolve(plan.out));
  if (plan.report !== null) await checkWritable(resolve(plan.report));
}

/**
 * Refuses, before anything is read or written, outputs that would destroy an input or each other:
 * the registry, the config, the other output, or a submission under the source folder (a previous
 * consolidated workbook there may be replaced). Also refuses names that would mislead (an xlsx
 * written as .csv) and folders where a file is meant.
 */
async function checkOutputPaths(plan: OutputPlan): Promise<void> {
  if (extname(plan.out).toLowerCase() !== ".xlsx")
    throw new UsageError({
      vi: `--out phải là tệp .xlsx, không phải ${plan.out}`,
      en: `--out must name an .xlsx file, not ${plan.out}`,
    });
  if (plan.report !== null && ![".html", ".htm"].includes(extname(plan.report).toLowerCase())) {
    throw new UsageError({
      vi: `--report phải là tệp .html, không phải ${plan.report}`,
      en: `--report must name an .html file, not ${plan.report}`,
    });
  }
  const inputs = [
    { path: plan.registry, what: { vi: "danh sách đơn vị (--registry)", en: "the registry (--registry)" } },
    ...(plan.config
      ? [{ path: plan.config, what: { vi: "tệp cấu hình (--config)", en: "the config (--config)" } }]
      : []),
  ];
  const existing = new Map<string, "file" | "folder" | null>();
  for (const [flag, output] of [
    ["--out", plan.out],
    ["--report", plan.report],
  ] as const) {
    if (output === null) continue;
    const input = inputs.find((candidate) => resolve(candidate.path) === resolve(output));
    if (input)
      throw new UsageError({
        vi: `${flag} ${output} sẽ ghi đè lên ${input.what.vi}`,
        en: `${flag} ${output} would overwrite ${input.what.en}`,
      });
    existing.set(flag, await existingFile(output));
    if (existing.get(flag) === "folder")
      throw new UsageError({
        vi: `${flag} ${output} là một thư mục; hãy ghi tên tệp`,
        en: `${flag} ${output} is a folder; name a file`,
      });
  }
  // The workbook is a spreadsheet: under the source it could be someone's submission. (The report,
  // .html, never is.)
  if (
    existing.get("--out") === "file" &&
    isInside(plan.source, plan.out) &&
    !(await isPreviousConsolidation(plan.out))
  ) {
    throw new UsageError({
      vi: `--out ${plan.out} là một tệp trong thư mục nguồn và không phải sổ tổng hợp trước đó: có thể là hồ sơ của đơn vị; hãy chọn tệp khác`,
      en: `--out ${plan.out} is a file under --source and not a previous consolidation: it may be a submission; choose another file`,
    });
  }
}

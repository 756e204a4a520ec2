import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { readRegistry, type Registry, formatProblem, type Language, type Problem } from "../core/index";
import { UsageError } from "./errors";
import { readWorkbookSnapshot } from "./xlsx/read-workbook";

export interface LoadedRegistry {
  readonly registry: Registry;
  readonly problems: Problem[];
  readonly sha256: string;
}

/** Each registry problem as one located line for stderr: the run goes on, but nobody is left out unnoticed. */
export function formatRegistryProblems(
  path: string,
  problems: readonly Problem[],
  language: Language,
  limit = 20,
): string {
  const lines = problems
    .slice(0, limit)
    .map(
      (problem) =>
        `${path} ${problem.sheet ?? ""}!${problem.cell ?? ""}: ${formatProblem(problem, language)}`,
    );
  const more = problems.length - lines.length;
  if (more > 0)
    lines.push(
      language === "vi"
        ? `… và ${more} lỗi khác trong danh sách đơn vị (xem trang Lỗi của sổ tổng hợp)`
        : `… and ${more} more registry problems (see the Problems sheet of the workbook)`,
    );
  return lines.map((line) => `thidua: ${line}\n`).join("");
}

/** Reads the registry workbook. An unreadable registry stops the run: without it nothing can be expected. */
export async function loadRegistry(path: string): Promise<LoadedRegistry> {
  const bytes = await readFile(path).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(
      {
        vi: `không đọc được danh sách đơn vị ${path} (${code === "ENOENT" ? "không tồn tại" : code})`,
        en: `cannot read registry ${path}: ${code}`,
      },
      { cause: error },
    );
  });
  const reading = await readWorkbookSnapshot(bytes);
  if (!reading.ok)
    throw new UsageError({
      vi: `danh sách đơn vị ${path}: ${formatProblem(reading.problem, "vi")}`,
      en: `registry ${path}: ${formatProblem(reading.problem, "en")}`,
    });
  const { registry, problems } = readRegistry(reading.snapshot);
  if (registry.units.length === 0) {
    const first = problems[0];
    const where = (lang: Language): string =>
      first ? `; ${first.sheet ?? ""}!${first.cell ?? ""}: ${formatProblem(first, lang)}` : "";
    throw new UsageError({
      vi: `danh sách đơn vị ${path}: không đọc được đơn vị nào${where("vi")}`,
      en: `registry ${path}: no unit could be read${where("en")}`,
    });
  }
  return { registry, problems, sha256: createHash("sha256").update(bytes).digest("hex") };
}

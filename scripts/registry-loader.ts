import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { readRegistry, type Registry } from "../core/registry";
import { formatProblem, type Language } from "../core/messages/index";
import type { Problem } from "../core/problems";
import { UsageError } from "./errors";
import { readWorkbookSnapshot } from "./xlsx/read-workbook";

export interface LoadedRegistry {
  readonly registry: Registry;
  readonly problems: Problem[];
  readonly sha256: string;
}

/** Each registry problem as one located line for stderr: the run goes on, but nobody is left out unnoticed. */
export function formatRegistryProblems(path: string, problems: readonly Problem[], language: Language, limit = 20): string {
  const lines = problems.slice(0, limit).map((problem) => `${path} ${problem.sheet ?? ""}!${problem.cell ?? ""}: ${formatProblem(problem, language)}`);
  const more = problems.length - lines.length;
  if (more > 0) lines.push(language === "vi" ? `… và ${more} lỗi khác trong danh sách đơn vị (xem trang Lỗi của sổ tổng hợp)` : `… and ${more} more registry problems (see the Lỗi sheet of the workbook)`);
  return lines.map((line) => `thidua: ${line}\n`).join("");
}

/** Reads the registry workbook. An unreadable registry stops the run: without it nothing can be expected. */
export async function loadRegistry(path: string, language: Language): Promise<LoadedRegistry> {
  const bytes = await readFile(path).catch((error: unknown) => {
    throw new UsageError(`cannot read registry ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`, { cause: error });
  });
  const reading = await readWorkbookSnapshot(bytes);
  if (!reading.ok) throw new UsageError(`registry ${path}: ${formatProblem(reading.problem, language)}`);
  const { registry, problems } = readRegistry(reading.snapshot);
  if (registry.units.length === 0) {
    const first = problems[0];
    throw new UsageError(`registry ${path}: no unit could be read${first ? ` (${first.sheet ?? ""}!${first.cell ?? ""}: ${formatProblem(first, language)})` : ""}`);
  }
  return { registry, problems, sha256: createHash("sha256").update(bytes).digest("hex") };
}

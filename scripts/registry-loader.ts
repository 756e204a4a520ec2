import { readFile } from "node:fs/promises";
import { readRegistry, type Registry } from "../core/registry";
import { formatProblem, type Language } from "../core/messages/index";
import type { Problem } from "../core/problems";
import { UsageError } from "./errors";
import { readWorkbookSnapshot } from "./xlsx/read-workbook";

/** Reads the registry workbook. An unreadable registry stops the run: without it nothing can be expected. */
export async function loadRegistry(path: string, language: Language): Promise<{ registry: Registry; problems: Problem[] }> {
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
  return { registry, problems };
}

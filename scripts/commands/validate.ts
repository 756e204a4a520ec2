import {
  countBySeverity,
  formatProblem,
  type Language,
  type MovementConfig,
  type Registry,
} from "../../core/index";
import { statSync } from "node:fs";
import { UsageError } from "../errors";
import { type ConfigFlags, formatRetiredConfigNotes, loadMovementConfig } from "../config-loader";
import { formatRegistryProblems, loadRegistry } from "../registry-loader";
import { validateFile, type FileValidation } from "../validate-file";
import type { CommandExit, CommandIo } from "./io";

export interface ValidateOptions {
  readonly files: readonly string[];
  readonly config: MovementConfig;
  readonly registry: Registry | null;
  readonly language: Language;
}

/** The `--json` shape; a public interface. */
export function toJsonReport(results: readonly FileValidation[], language: Language): unknown {
  return {
    files: results.map((result) => ({
      file: result.file,
      kind: result.kind,
      version: result.version,
      // Always an object, so that `file.unit.code` never throws for a file that could not be read.
      unit: {
        code: result.unit?.code ?? null,
        name: result.unit?.name ?? null,
        type: result.unit?.type ?? null,
      },
      errors: countBySeverity(result.problems).errors,
      warnings: countBySeverity(result.problems).warnings,
      problems: result.problems.map((problem) => ({
        code: problem.code,
        severity: problem.severity,
        sheet: problem.sheet,
        cell: problem.cell,
        message: formatProblem(problem, language),
        params: problem.params,
      })),
    })),
  };
}

const WORDS = {
  vi: {
    error: "lỗi",
    warning: "cảnh báo",
    ok: "hợp lệ",
    file: "Tệp",
    whole: "(toàn tệp)",
    summary: (files: number, bad: number) => `${files} tệp, ${bad} tệp có lỗi.`,
  },
  en: {
    error: "error",
    warning: "warning",
    ok: "valid",
    file: "File",
    whole: "(whole file)",
    summary: (files: number, bad: number) =>
      `${files} ${files === 1 ? "file" : "files"}, ${bad} with errors.`,
  },
} as const;

/** Human output: grouped by file, then sheet; one line per problem with its cell. */
export function formatHumanReport(results: readonly FileValidation[], language: Language): string {
  const words = WORDS[language];
  const lines: string[] = [];
  for (const result of results) {
    const { errors, warnings } = countBySeverity(result.problems);
    const unit = result.unit?.code
      ? ` — ${result.unit.code}${result.unit.name ? ` ${result.unit.name}` : ""}`
      : "";
    const kind = result.kind ? ` — ${result.kind} ${result.version ?? ""}`.trimEnd() : "";
    const verdict =
      errors + warnings === 0 ? words.ok : `${errors} ${words.error}, ${warnings} ${words.warning}`;
    lines.push(`${result.file}${kind}${unit}: ${verdict}`);
    let sheet: string | null | undefined;
    for (const problem of result.problems) {
      if (problem.sheet !== sheet) {
        sheet = problem.sheet;
        lines.push(`  [${sheet ?? words.whole}]`);
      }
      const cell = (problem.cell ?? "").padEnd(6);
      lines.push(
        `    ${cell} ${words[problem.severity].padEnd(9)} ${problem.code}: ${formatProblem(problem, language)}`,
      );
    }
  }
  const bad = results.filter((result) => countBySeverity(result.problems).errors > 0).length;
  lines.push(words.summary(results.length, bad));
  return lines.join("\n");
}

/**
 * A path that does not exist or is a folder is a mistake in the command, not a file to judge:
 * refused (exit 2) before anything is validated. A file that exists but cannot be read stays that
 * file's problem, in words.
 */
export function checkFilesToValidate(files: readonly string[]): void {
  for (const file of files) {
    let isFolder: boolean;
    try {
      isFolder = statSync(file).isDirectory();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") continue;
      throw new UsageError(
        { vi: `không tìm thấy tệp ${file}`, en: `file not found: ${file}` },
        { cause: error },
      );
    }
    if (isFolder)
      throw new UsageError({
        vi: `${file} là một thư mục, không phải tệp; hãy nêu các tệp .xlsx cần kiểm tra (ví dụ ${file}/*.xlsx), hoặc dùng thidua consolidate cho cả thư mục`,
        en: `${file} is a folder, not a file; name the .xlsx files to check (e.g. ${file}/*.xlsx), or use thidua consolidate for a whole folder`,
      });
  }
}

/** Validates each file in turn; returns the results and whether any has an error. */
export async function runValidate(
  options: ValidateOptions,
): Promise<{ results: FileValidation[]; hasErrors: boolean }> {
  checkFilesToValidate(options.files);
  const results: FileValidation[] = [];
  for (const file of options.files) {
    results.push(
      await validateFile(file, { config: options.config, registry: options.registry, receivedAt: null }),
    );
  }
  return { results, hasErrors: results.some((result) => countBySeverity(result.problems).errors > 0) };
}

/**
 * `thidua validate FILE...`: reads the config and the registry (its problems on stderr), validates
 * each file, prints the report; exit 1 when a file has an error.
 */
export async function validateCommand(
  options: ConfigFlags & {
    files: readonly string[];
    registry?: string;
    json: boolean;
    language: Language;
  },
  io: CommandIo,
): Promise<CommandExit> {
  const { language } = options;
  const config = await loadMovementConfig(options, Date.now());
  io.stderr.write(formatRetiredConfigNotes(config, language));
  const loaded = options.registry ? await loadRegistry(options.registry) : null;
  if (loaded && options.registry)
    io.stderr.write(formatRegistryProblems(options.registry, loaded.problems, language));
  const { results, hasErrors } = await runValidate({
    files: options.files,
    config,
    registry: loaded?.registry ?? null,
    language,
  });
  io.stdout.write(
    options.json
      ? `${JSON.stringify(toJsonReport(results, language), null, 2)}\n`
      : `${formatHumanReport(results, language)}\n`,
  );
  return hasErrors ? 1 : 0;
}

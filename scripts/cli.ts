#!/usr/bin/env node
import { Command, CommanderError, Option } from "commander";
import { isLanguage, type Language, TEMPLATE_KINDS, type TemplateKind } from "../core/index";
import { UsageError } from "./errors";
import { loadMovementConfig } from "./config-loader";
import { formatRegistryProblems, loadRegistry } from "./registry-loader";
import { DEFAULT_TEMPLATES_DIR, runTemplates } from "./commands/templates";
import { formatDescriptions, selectDescriptions } from "./commands/describe";
import { formatHumanReport, runValidate, toJsonReport } from "./commands/validate";
import { DEFAULT_NOMINATING_SHARE } from "./sample/plan";
import { parseSourceAddress, type SourceAddress } from "./source/open-source";
import type { GraphConnection } from "./graph/client";

function parseLanguage(value: string): Language {
  if (!isLanguage(value)) throw new UsageError(`--lang must be vi or en, not "${value}"`);
  return value;
}

function languageOption(): Option {
  return new Option("--lang <language>", "vi | en").default("vi");
}

/** Builds the CLI. Commands only wire options to functions; the work lives in scripts/ and core/. */
export function buildProgram(): Command {
  const program = new Command("thidua")
    .description(
      "Biểu mẫu, kiểm tra và tổng hợp Phong trào thi đua đổi mới sáng tạo, KHCN, chuyển đổi số, chuyển đổi xanh tỉnh Hà Tĩnh",
    )
    .version(process.env.npm_package_version ?? "0.1.0")
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ outputError: () => undefined });

  program
    .command("templates")
    .description("write the blank templates (KH, BC, DN-KT and the registry of units)")
    .option("--out <dir>", "output folder", DEFAULT_TEMPLATES_DIR)
    .action(async (options: { out: string }) => {
      for (const path of await runTemplates(options)) process.stdout.write(`${path}\n`);
    });

  program
    .command("describe")
    .description("print the template spec: every field's sheet, cell, type and allowed values")
    .argument("[kind]", "KH | BC | DN-KT | DS-DV (all when omitted)")
    .option("--json", "machine-readable output")
    .addOption(languageOption())
    .action((kind: string | undefined, options: { json?: boolean; lang: string }) => {
      const descriptions = selectDescriptions(kind);
      if (options.json)
        process.stdout.write(
          `${JSON.stringify(kind === undefined ? descriptions : descriptions[0], null, 2)}\n`,
        );
      else process.stdout.write(`${formatDescriptions(descriptions, parseLanguage(options.lang))}\n`);
    });

  program
    .command("validate")
    .description("validate workbooks against the rules and deadlines; exit 1 if any has an error")
    .argument("<files...>", "workbooks to validate")
    .option("--json", "machine-readable output")
    .option("--config <file>", "thidua.config.json")
    .option("--registry <file>", "registry of units (DS-DV workbook)")
    .option("--plan-date <yyyy-mm-dd>", "date of the provincial plan")
    .option("--year <year>", "report year being collected")
    .option("--round <round>", "HANGNAM | SOKET | TONGKET")
    .addOption(languageOption())
    .action(
      async (
        files: string[],
        options: {
          json?: boolean;
          config?: string;
          registry?: string;
          planDate?: string;
          year?: string;
          round?: string;
          lang: string;
        },
      ) => {
        const language = parseLanguage(options.lang);
        const config = await loadMovementConfig(options, Date.now());
        const loaded = options.registry ? await loadRegistry(options.registry) : null;
        if (loaded && options.registry)
          process.stderr.write(formatRegistryProblems(options.registry, loaded.problems, language));
        const registry = loaded?.registry ?? null;
        const { results, hasErrors } = await runValidate({ files, config, registry, language });
        process.stdout.write(
          options.json
            ? `${JSON.stringify(toJsonReport(results, language), null, 2)}\n`
            : `${formatHumanReport(results, language)}\n`,
        );
        process.exitCode = hasErrors ? 1 : 0;
      },
    );

  program
    .command("sample")
    .description("write a realistic, deterministic sample province: registry, submissions, manifest")
    .requiredOption("--units <n>", "number of units")
    .requiredOption("--out <dir>", "output folder")
    .option("--seed <n>", "random seed", "1")
    .option("--year <year>", "report year", "2026")
    .option(
      "--nominating <percent>",
      `percentage of units that also send a nomination file (default: ${DEFAULT_NOMINATING_SHARE * 100})`,
    )
    .action(
      async (options: { units: string; out: string; seed: string; year: string; nominating?: string }) => {
        const units = parseWholeNumber(options.units, "--units", 1, 100_000);
        const nominating =
          options.nominating === undefined
            ? {}
            : { nominatingShare: parseWholeNumber(options.nominating, "--nominating", 0, 100) / 100 };
        // Loaded on use: each command pulls in only what it needs (exceljs, workers, writers).
        const { runSample } = await import("./commands/sample");
        const summary = await runSample({
          units,
          out: options.out,
          seed: parseWholeNumber(options.seed, "--seed", 0, 2 ** 31),
          year: parseWholeNumber(options.year, "--year", 2026, 2030),
          ...nominating,
        });
        process.stdout.write(
          `${summary.files} files for ${summary.units} units in ${summary.submissionsDir}\nregistry: ${summary.registry}\nmanifest: ${summary.manifest}\nconfig: ${summary.config}\n`,
        );
      },
    );

  program
    .command("consolidate")
    .description("consolidate every workbook of a folder into one province-wide workbook (and HTML report)")
    .requiredOption(
      "--source <source>",
      "folder of submissions (sub-folders too): a local folder, onedrive:<drive-id>/<item-id>, onedrive:/path, or a sharing link https://…",
    )
    .requiredOption("--registry <file>", "registry of units (DS-DV workbook)")
    .requiredOption("--out <file.xlsx>", "consolidated workbook to write")
    .option("--report <file.html>", "HTML report to write")
    .option("--json", "print the result as JSON")
    .option("--config <file>", "thidua.config.json")
    .option("--plan-date <yyyy-mm-dd>", "date of the provincial plan")
    .option("--year <year>", "report year being collected")
    .option("--round <round>", "HANGNAM | SOKET | TONGKET")
    .option("--as-of <iso-datetime>", "judge as of this moment (default: now)")
    .option("--kind <kinds...>", "only these kinds: KH BC DN-KT")
    .option("--workers <n>", "validation threads (default: one per core)")
    .option("--concurrency <n>", "OneDrive: downloads at once (default 8)")
    .option("--cache <dir>", "OneDrive: folder of the incremental cache (default: the user's cache folder)")
    .option("--no-cache", "OneDrive: no cache: list and download everything")
    .option(
      "--upload <folder>",
      "put the workbook and report into a OneDrive folder: onedrive:<drive-id>/<item-id> or onedrive:/path",
    )
    .addOption(
      new Option("--auth <kind>", "OneDrive sign-in (default: from the environment)").choices([
        "token",
        "device-code",
        "client-secret",
        "certificate",
      ]),
    )
    .addOption(languageOption())
    .action(
      async (options: {
        source: string;
        registry: string;
        out: string;
        report?: string;
        json?: boolean;
        config?: string;
        planDate?: string;
        year?: string;
        round?: string;
        asOf?: string;
        kind?: string[];
        workers?: string;
        concurrency?: string;
        cache?: string | boolean;
        auth?: string;
        upload?: string;
        lang: string;
      }) => {
        const language = parseLanguage(options.lang);
        const asOf = options.asOf === undefined ? Date.now() : parseInstant(options.asOf);
        const config = await loadMovementConfig(options, asOf);
        const kinds = options.kind ? options.kind.map(parseKind) : null;
        // One Graph connection (one sign-in) for the source and the upload, made only if one is remote.
        let connection: Promise<GraphConnection> | null = null;
        const connect = (): Promise<GraphConnection> =>
          (connection ??= import("./graph/open-graph-source").then(({ openGraphConnection }) =>
            openGraphConnection(options.auth !== undefined ? { auth: options.auth } : {}),
          ));
        const uploadTo = options.upload === undefined ? null : parseUploadFolder(options.upload);
        const { checkOutputPaths } = await import("./consolidate/check-outputs");
        await checkOutputPaths({
          source: options.source,
          registry: options.registry,
          config: options.config ?? null,
          out: options.out,
          report: options.report ?? null,
        });
        const {
          registry,
          problems: registryProblems,
          sha256: registrySha256,
        } = await loadRegistry(options.registry);
        process.stderr.write(formatRegistryProblems(options.registry, registryProblems, language));
        if (uploadTo) {
          // The upload folder is checked before the run: a wrong folder or a missing right is said at once.
          const { resolveFolder } = await import("./graph/resolve-folder");
          await resolveFolder(await connect(), uploadTo, "Files.ReadWrite.All hoặc Sites.Selected (ghi)");
        }
        const { formatConsolidationSummary, runConsolidate, toConsolidationJson } =
          await import("./commands/consolidate");
        const result = await runConsolidate({
          source: options.source,
          registryPath: options.registry,
          registry,
          registryFacts: { sha256: registrySha256, problems: registryProblems },
          config,
          out: options.out,
          report: options.report ?? null,
          asOf,
          kinds,
          language,
          progress: !options.json && process.stderr.isTTY === true && !process.env.CI,
          ...(options.workers !== undefined
            ? { workers: parseWholeNumber(options.workers, "--workers", 0, 64) }
            : {}),
          openRemote: async (address) => {
            const { openGraphSource } = await import("./graph/open-graph-source");
            return openGraphSource(await connect(), address, {
              ...(options.concurrency !== undefined
                ? { concurrency: parseWholeNumber(options.concurrency, "--concurrency", 1, 64) }
                : {}),
              ...(typeof options.cache === "string" || options.cache === false
                ? { cache: options.cache }
                : {}),
            });
          },
          log: (line) => process.stderr.write(`${line}\n`),
        });
        if (uploadTo) {
          const { uploadOutputs } = await import("./commands/upload-outputs");
          for (const line of await uploadOutputs(await connect(), uploadTo, [
            options.out,
            ...(options.report ? [options.report] : []),
          ]))
            process.stderr.write(`${line}\n`);
        }
        if (options.json) {
          process.stdout.write(`${JSON.stringify(toConsolidationJson(result, language), null, 2)}\n`);
          return;
        }
        process.stdout.write(
          formatConsolidationSummary(result, language, {
            workbook: options.out,
            report: options.report ?? null,
          }),
        );
      },
    );

  return program;
}

function parseUploadFolder(text: string): Exclude<SourceAddress, { kind: "local" }> {
  const address = parseSourceAddress(text);
  if (address.kind === "local")
    throw new UsageError({
      vi: `--upload phải là thư mục OneDrive (onedrive:<drive-id>/<item-id> hoặc onedrive:/đường/dẫn), không phải "${text}"`,
      en: `--upload takes a OneDrive folder (onedrive:<drive-id>/<item-id> or onedrive:/path), not "${text}"`,
    });
  return address;
}

function parseWholeNumber(text: string, flag: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max)
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${text}"`);
  return value;
}

function parseInstant(text: string): number {
  // A date-time without an offset is Vietnam time: that is what officers mean.
  const withZone = /[zZ]|[+-]\d{2}:?\d{2}$/.test(text)
    ? text
    : /T/.test(text)
      ? `${text}+07:00`
      : `${text}T23:59:59+07:00`;
  const value = Date.parse(withZone);
  if (Number.isNaN(value))
    throw new UsageError(`--as-of must be an ISO date-time such as 2026-11-25T12:00:00+07:00, not "${text}"`);
  return value;
}

function parseKind(text: string): TemplateKind {
  const kind = TEMPLATE_KINDS.find((candidate) => candidate === text.toUpperCase());
  if (!kind) throw new UsageError(`--kind takes ${TEMPLATE_KINDS.join(", ")}, not "${text}"`);
  return kind;
}

/** The only place that turns errors into exit codes: 2 for usage, 1 for anything unexpected. */
/** The language asked for on the command line, read before commander has parsed it (errors can come first). */
function languageOfArgs(argv: readonly string[]): Language {
  const index = argv.lastIndexOf("--lang");
  const value =
    index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith("--lang="))?.slice("--lang=".length);
  return value === "en" ? "en" : "vi";
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === "commander.helpDisplayed" ||
        error.code === "commander.version" ||
        error.exitCode === 0
      )
        return 0;
      process.stderr.write(`thidua: ${error.message.replace(/^error: /, "")}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`thidua: ${error.messageIn(languageOfArgs(argv))}\n`);
      return 2;
    }
    // A fault of the source that outlasted the retries (OneDrive unreachable, throttled for too
    // long, a download that keeps failing): nothing was written, so nothing partial looks complete.
    if (error instanceof Error && error.name === "GraphRequestError") {
      const { status, code, requestId, target } = error as Error & {
        status: number | null;
        code: string | null;
        requestId: string | null;
        target: string;
      };
      const details = [status, code, requestId && `request-id ${requestId}`].filter(Boolean).join(", ");
      const english = languageOfArgs(argv) === "en";
      // An upload fails after the outputs were written locally; anything else, before.
      const uploading = target.startsWith("upload");
      const outcome = english
        ? uploading
          ? "the outputs were written locally, the upload failed"
          : "nothing was written"
        : uploading
          ? "tệp tổng hợp đã ghi trên máy, chưa tải lên được"
          : "chưa ghi tệp tổng hợp nào, hãy chạy lại sau";
      const hint =
        status === 401
          ? english
            ? " (sign in again, or get a new THIDUA_GRAPH_ACCESS_TOKEN)"
            : " (hãy đăng nhập lại hoặc lấy THIDUA_GRAPH_ACCESS_TOKEN mới)"
          : "";
      process.stderr.write(
        english
          ? `thidua: OneDrive (Microsoft Graph) failed for ${target}: ${error.message}${details ? ` [${details}]` : ""}${hint}; ${outcome}\n`
          : `thidua: lỗi OneDrive (Microsoft Graph) khi ${target}: ${error.message}${details ? ` [${details}]` : ""}${hint}; ${outcome}\n`,
      );
      return 3;
    }
    process.stderr.write(
      `thidua: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

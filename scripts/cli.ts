#!/usr/bin/env node
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Command, CommanderError, Help, Option } from "commander";
import { isLanguage, type Language, parseInstant, TEMPLATE_KINDS, type TemplateKind } from "../core/index";
import { UsageError } from "./errors";
import { loadMovementConfig } from "./config-loader";
import { formatRegistryProblems, loadRegistry } from "./registry-loader";
import { DEFAULT_TEMPLATES_DIR, runTemplates } from "./commands/templates";
import { formatDescriptions, selectDescriptions } from "./commands/describe";
import { formatHumanReport, runValidate, toJsonReport } from "./commands/validate";
import { DEFAULT_NOMINATING_SHARE } from "./sample/plan";
import { parseSourceAddress, type SourceAddress } from "./source/open-source";
import type { GraphConnection } from "./graph/client";

/** Where the CLI writes: the process's streams, or a test's buffers. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** A progress bar is drawn only on a terminal. */
  readonly stderrIsTTY: boolean;
}

function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stderrIsTTY: process.stderr.isTTY === true };
}

/** The version of the installed package: package.json sits above both scripts/ and dist/scripts/. */
function readOwnVersion(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (json.name === "thidua" && json.version) return json.version;
    }
    if (dirname(dir) === dir) return "0.0.0";
  }
}

function parseLanguage(value: string): Language {
  if (!isLanguage(value))
    throw new UsageError({
      vi: `--lang chỉ nhận vi hoặc en, không nhận "${value}"`,
      en: `--lang must be vi or en, not "${value}"`,
    });
  return value;
}

/** Commander's help headings in Vietnamese. */
const HELP_TITLES: Readonly<Record<string, string>> = {
  "Usage:": "Cách dùng:",
  "Options:": "Tùy chọn:",
  "Commands:": "Lệnh:",
  "Arguments:": "Đối số:",
  "Global Options:": "Tùy chọn chung:",
};

function localizeUsage(usage: string): string {
  return usage.replace("[options]", "[tùy-chọn]").replace("[command]", "[lệnh]");
}

const DEFAULT_TEMPLATES_AT: Readonly<Record<Language, string>> = {
  vi: 'thư mục "Biểu mẫu" trong thư mục chung của phong trào (hoặc lệnh "thidua templates")',
  en: 'the "Biểu mẫu" folder in the movement’s shared folder (or the command "thidua templates")',
};

/** The Graph mailer is loaded only when --send asks for it (one sign-in, the run's one client). */
async function createReminderMailer(
  sender: string,
  auth: string | undefined,
): Promise<import("./commands/remind").ReminderMailer> {
  const { openGraphConnection } = await import("./graph/open-graph-source");
  const { createGraphReminderMailer } = await import("./mail/graph-mailer");
  return createGraphReminderMailer(await openGraphConnection(auth !== undefined ? { auth } : {}), sender);
}

function localizeHelp(program: Command, language: Language): void {
  if (language === "en") return;
  program.configureHelp({
    styleTitle: (title) => HELP_TITLES[title] ?? title,
    optionDescription(option) {
      return Help.prototype.optionDescription.call(this, option).replace(/\(default: /, "(mặc định: ");
    },
    argumentDescription(argument) {
      return Help.prototype.argumentDescription.call(this, argument).replace(/\(default: /, "(mặc định: ");
    },
    commandUsage(command) {
      return localizeUsage(Help.prototype.commandUsage.call(this, command));
    },
    subcommandTerm(command) {
      return localizeUsage(Help.prototype.subcommandTerm.call(this, command));
    },
  });
}

/**
 * Commander's own errors (unknown option or command, missing argument or option value), worded for
 * the user. Commander 14 gives no parameters, so the name is taken from its English message; an
 * error this does not know keeps commander's wording.
 */
function localizeCommanderError(
  error: CommanderError,
  language: Language,
  commands: readonly string[],
): string {
  const english = error.message.replace(/^error: /, "").replace(/\s*\n\s*/g, " ");
  const quoted = /'([^']*)'/.exec(english)?.[1] ?? "";
  const suggestion = /\(Did you mean ([^?]+)\?\)/.exec(english)?.[1];
  const hint = (vi: string, en: string): string =>
    language === "vi"
      ? `${vi}${suggestion ? ` (có phải ý bạn là ${suggestion}?)` : ""}; xem thidua --help`
      : `${en}${suggestion ? ` (did you mean ${suggestion}?)` : ""}; see thidua --help`;
  switch (error.code) {
    case "commander.unknownOption":
      return hint(`không có tùy chọn ${quoted}`, `unknown option ${quoted}`);
    case "commander.unknownCommand":
      return hint(
        `không có lệnh "${quoted}" (các lệnh: ${commands.join(", ")})`,
        `unknown command "${quoted}" (commands: ${commands.join(", ")})`,
      );
    case "commander.missingArgument":
      return hint(
        `thiếu ${quoted === "files" ? "tệp cần kiểm tra" : quoted}`,
        `missing ${quoted === "files" ? "the files to validate" : quoted}`,
      );
    case "commander.optionMissingArgument":
      return hint(`tùy chọn ${quoted} cần một giá trị`, `option ${quoted} needs a value`);
    case "commander.missingMandatoryOptionValue":
      return hint(`thiếu tùy chọn bắt buộc ${quoted}`, `required option ${quoted} is missing`);
    case "commander.excessArguments":
      return hint(
        `thừa đối số cho lệnh ${quoted || "thidua"}`,
        `too many arguments for ${quoted || "thidua"}`,
      );
    default:
      return english;
  }
}

/** The run's outcome that actions report back to main(): the exit code of a validation. */
interface RunState {
  exitCode: number;
}

/** Builds the CLI in the user's language. Commands only wire options to functions; the work lives in scripts/ and core/. */
export function buildProgram(io: CliIo, language: Language, state: RunState = { exitCode: 0 }): Command {
  const say = (vi: string, en: string): string => (language === "vi" ? vi : en);
  const languageOption = (): Option =>
    new Option("--lang <language>", say("ngôn ngữ: vi (tiếng Việt) | en (tiếng Anh)", "vi | en")).default(
      "vi",
    );
  const jsonHelp = say("in kết quả dạng JSON (cho máy đọc)", "machine-readable output");
  const configHelp = say("tệp cấu hình thidua.config.json", "thidua.config.json");
  const registryHelp = say("danh sách đơn vị (tệp DS-DV)", "registry of units (DS-DV workbook)");
  const planDateHelp = say("ngày Kế hoạch của UBND tỉnh", "date of the provincial plan");
  const yearHelp = say("năm báo cáo", "report year being collected");
  const roundHelp = say("đợt khen thưởng: HANGNAM | SOKET | TONGKET", "HANGNAM | SOKET | TONGKET");

  const program = new Command("thidua")
    .description(
      say(
        "Biểu mẫu, kiểm tra và tổng hợp Phong trào thi đua đổi mới sáng tạo, KHCN, chuyển đổi số, chuyển đổi xanh tỉnh Hà Tĩnh",
        "Templates, validation and consolidation for the Hà Tĩnh emulation movement on innovation, S&T, digital and green transformation",
      ),
    )
    .version(readOwnVersion(), "-V, --version", say("in số phiên bản", "output the version number"))
    .helpOption("-h, --help", say("xem hướng dẫn", "display help"))
    .helpCommand("help [command]", say("xem hướng dẫn của một lệnh", "display help for a command"))
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: () => undefined,
    });
  localizeHelp(program, language);

  program
    .command("templates")
    .description(
      say(
        "viết các biểu mẫu trống (KH, BC, DN-KT và danh sách đơn vị)",
        "write the blank templates (KH, BC, DN-KT and the registry of units)",
      ),
    )
    .option("--out <dir>", say("thư mục ghi ra", "output folder"), DEFAULT_TEMPLATES_DIR)
    .action(async (options: { out: string }) => {
      for (const path of await runTemplates(options)) io.stdout.write(`${path}\n`);
    });

  program
    .command("describe")
    .description(
      say(
        "in đặc tả biểu mẫu: trang tính, ô, kiểu và giá trị cho phép của từng mục",
        "print the template spec: every field's sheet, cell, type and allowed values",
      ),
    )
    .argument(
      "[kind]",
      say("KH | BC | DN-KT | DS-DV (bỏ trống: tất cả)", "KH | BC | DN-KT | DS-DV (all when omitted)"),
    )
    .option("--json", jsonHelp)
    .addOption(languageOption())
    .action((kind: string | undefined, options: { json?: boolean; lang: string }) => {
      const descriptions = selectDescriptions(kind);
      if (options.json)
        io.stdout.write(`${JSON.stringify(kind === undefined ? descriptions : descriptions[0], null, 2)}\n`);
      else io.stdout.write(`${formatDescriptions(descriptions, parseLanguage(options.lang))}\n`);
    });

  program
    .command("validate")
    .description(
      say(
        "kiểm tra các tệp theo quy định và thời hạn; mã thoát 1 nếu có tệp có lỗi",
        "validate workbooks against the rules and deadlines; exit 1 if any has an error",
      ),
    )
    .argument("<files...>", say("các tệp cần kiểm tra", "workbooks to validate"))
    .option("--json", jsonHelp)
    .option("--config <file>", configHelp)
    .option("--registry <file>", registryHelp)
    .option("--plan-date <yyyy-mm-dd>", planDateHelp)
    .option("--year <year>", yearHelp)
    .option("--round <round>", roundHelp)
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
          io.stderr.write(formatRegistryProblems(options.registry, loaded.problems, language));
        const registry = loaded?.registry ?? null;
        const { results, hasErrors } = await runValidate({ files, config, registry, language });
        io.stdout.write(
          options.json
            ? `${JSON.stringify(toJsonReport(results, language), null, 2)}\n`
            : `${formatHumanReport(results, language)}\n`,
        );
        state.exitCode = hasErrors ? 1 : 0;
      },
    );

  program
    .command("sample")
    .description(
      say(
        "viết một tỉnh mẫu (cố định theo hạt giống): danh sách đơn vị, hồ sơ gửi đến, bản kê kết quả",
        "write a realistic, deterministic sample province: registry, submissions, manifest",
      ),
    )
    .requiredOption("--units <n>", say("số đơn vị", "number of units"))
    .requiredOption("--out <dir>", say("thư mục ghi ra", "output folder"))
    .option("--seed <n>", say("hạt giống ngẫu nhiên", "random seed"), "1")
    .option("--year <year>", say("năm báo cáo", "report year"), "2026")
    .addOption(languageOption())
    .option(
      "--nominating <percent>",
      say(
        `phần trăm đơn vị gửi thêm đề nghị khen thưởng (mặc định: ${DEFAULT_NOMINATING_SHARE * 100})`,
        `percentage of units that also send a nomination file (default: ${DEFAULT_NOMINATING_SHARE * 100})`,
      ),
    )
    .action(
      async (options: {
        units: string;
        out: string;
        seed: string;
        year: string;
        lang: string;
        nominating?: string;
      }) => {
        const language = parseLanguage(options.lang);
        const units = parseWholeNumber(options.units, "--units", 1, 100_000);
        const nominating =
          options.nominating === undefined
            ? {}
            : { nominatingShare: parseWholeNumber(options.nominating, "--nominating", 0, 100) / 100 };
        // Loaded on use: each command pulls in only what it needs (exceljs, workers, writers).
        const { formatSampleSummary, runSample } = await import("./commands/sample");
        const summary = await runSample({
          units,
          out: options.out,
          seed: parseWholeNumber(options.seed, "--seed", 0, 2 ** 31),
          year: parseWholeNumber(options.year, "--year", 2026, 2030),
          ...nominating,
        });
        io.stdout.write(formatSampleSummary(summary, language));
      },
    );

  program
    .command("consolidate")
    .description(
      say(
        "tổng hợp mọi tệp của một thư mục thành sổ tổng hợp toàn tỉnh (và báo cáo HTML)",
        "consolidate every workbook of a folder into one province-wide workbook (and HTML report)",
      ),
    )
    .requiredOption(
      "--source <source>",
      say(
        "nơi chứa hồ sơ gửi đến (cả thư mục con): thư mục trên máy, onedrive:<drive-id>/<item-id>, onedrive:/đường/dẫn hoặc liên kết chia sẻ https://…",
        "folder of submissions (sub-folders too): a local folder, onedrive:<drive-id>/<item-id>, onedrive:/path, or a sharing link https://…",
      ),
    )
    .requiredOption("--registry <file>", registryHelp)
    .requiredOption("--out <file.xlsx>", say("sổ tổng hợp cần ghi", "consolidated workbook to write"))
    .option("--report <file.html>", say("báo cáo HTML cần ghi", "HTML report to write"))
    .option("--json", jsonHelp)
    .option("--config <file>", configHelp)
    .option("--plan-date <yyyy-mm-dd>", planDateHelp)
    .option("--year <year>", yearHelp)
    .option("--round <round>", roundHelp)
    .option(
      "--as-of <iso-datetime>",
      say("tính đến thời điểm này (mặc định: bây giờ)", "judge as of this moment (default: now)"),
    )
    .option("--kind <kinds...>", say("chỉ các loại hồ sơ này: KH BC DN-KT", "only these kinds: KH BC DN-KT"))
    .option(
      "--workers <n>",
      say("số luồng kiểm tra (mặc định: một luồng mỗi lõi)", "validation threads (default: one per core)"),
    )
    .option(
      "--concurrency <n>",
      say("OneDrive: số tệp tải cùng lúc (mặc định 8)", "OneDrive: downloads at once (default 8)"),
    )
    .option(
      "--cache <dir>",
      say(
        "OneDrive: thư mục bộ nhớ đệm cho lần chạy sau (mặc định: thư mục bộ nhớ đệm của người dùng)",
        "OneDrive: folder of the incremental cache (default: the user's cache folder)",
      ),
    )
    .option(
      "--no-cache",
      say(
        "OneDrive: không dùng bộ nhớ đệm, liệt kê và tải lại tất cả",
        "OneDrive: no cache: list and download everything",
      ),
    )
    .option(
      "--upload <folder>",
      say(
        "đưa sổ tổng hợp và báo cáo lên một thư mục OneDrive: onedrive:<drive-id>/<item-id> hoặc onedrive:/đường/dẫn",
        "put the workbook and report into a OneDrive folder: onedrive:<drive-id>/<item-id> or onedrive:/path",
      ),
    )
    .addOption(
      new Option(
        "--auth <kind>",
        say(
          "cách đăng nhập OneDrive (mặc định: theo biến môi trường)",
          "OneDrive sign-in (default: from the environment)",
        ),
      ).choices(["token", "device-code", "client-secret", "certificate"]),
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
        const asOf = options.asOf === undefined ? Date.now() : parseAsOf(options.asOf);
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
        io.stderr.write(formatRegistryProblems(options.registry, registryProblems, language));
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
          progress: !options.json && io.stderrIsTTY && !process.env.CI,
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
              ...(config.staffAccounts ? { staffAccounts: config.staffAccounts } : {}),
            });
          },
          log: (line) => io.stderr.write(`${line}\n`),
        });
        if (uploadTo) {
          const { uploadOutputs } = await import("./commands/upload-outputs");
          for (const line of await uploadOutputs(await connect(), uploadTo, [
            options.out,
            ...(options.report ? [options.report] : []),
          ]))
            io.stderr.write(`${line}\n`);
        }
        if (options.json) {
          io.stdout.write(`${JSON.stringify(toConsolidationJson(result, language), null, 2)}\n`);
          return;
        }
        io.stdout.write(
          formatConsolidationSummary(result, language, {
            workbook: options.out,
            report: options.report ?? null,
          }),
        );
      },
    );

  program
    .command("remind")
    .description(
      say(
        "viết một thư nhắc cho mỗi đơn vị chưa nộp, nộp muộn hoặc không hợp lệ (gửi đi với --send)",
        "write one e-mail per unit that is missing, late or invalid (and send them with --send)",
      ),
    )
    .requiredOption(
      "--from <file.json>",
      say("kết quả của thidua consolidate --json", "output of thidua consolidate --json"),
    )
    .option(
      "--out <dir>",
      say(
        "thư mục ghi các tệp .eml, danh sách và sổ ghi thư đã gửi",
        "folder for the .eml files, the list and the ledger of sent reminders",
      ),
      "thu-nhac",
    )
    .option(
      "--templates-at <where>",
      say(
        "nơi đơn vị lấy biểu mẫu trống (liên kết thư mục chung)",
        "where units find the blank templates (a shared-folder link)",
      ),
    )
    .option(
      "--send",
      say("gửi qua Microsoft Graph (cần --sender)", "send through Microsoft Graph (needs --sender)"),
    )
    .option("--sender <upn>", say("hộp thư gửi (quyền Mail.Send)", "mailbox that sends (Mail.Send)"))
    .option("--per-minute <n>", say("số thư gửi tối đa mỗi phút", "sends per minute at most"), "20")
    .addOption(
      new Option(
        "--auth <kind>",
        say(
          "cách đăng nhập Microsoft 365 (mặc định: theo biến môi trường)",
          "Microsoft 365 sign-in (default: from the environment)",
        ),
      ).choices(["token", "device-code", "client-secret", "certificate"]),
    )
    .addOption(languageOption())
    .action(
      async (options: {
        from: string;
        out: string;
        templatesAt?: string;
        send?: boolean;
        sender?: string;
        perMinute: string;
        auth?: string;
        lang: string;
      }) => {
        const language = parseLanguage(options.lang);
        if (options.send && !options.sender)
          throw new UsageError({
            vi: "--send cần --sender <thư điện tử gửi>",
            en: "--send needs --sender <upn>",
          });
        const { runRemind, formatRemindSummary } = await import("./commands/remind");
        const mailer =
          options.send && options.sender ? await createReminderMailer(options.sender, options.auth) : null;
        const outcome = await runRemind({
          from: options.from,
          out: options.out,
          language,
          templatesAt: options.templatesAt ?? DEFAULT_TEMPLATES_AT[language],
          mailer,
          perMinute: parseWholeNumber(options.perMinute, "--per-minute", 1, 600),
          now: Date.now,
        });
        io.stdout.write(formatRemindSummary(outcome, options.out, language));
        state.exitCode = outcome.written.some((entry) => entry.state === "failed") ? 1 : 0;
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
    throw new UsageError({
      vi: `${flag} phải là số nguyên từ ${min} đến ${max}, không phải "${text}"`,
      en: `${flag} must be a whole number from ${min} to ${max}, not "${text}"`,
    });
  return value;
}

function parseAsOf(text: string): number {
  const value = parseInstant(text);
  if (value === null)
    throw new UsageError({
      vi: `--as-of phải là một ngày có thật, có thể kèm giờ (ví dụ 2026-11-25 hoặc 2026-11-25T12:00, giờ Việt Nam), không phải "${text}"`,
      en: `--as-of must be a real date, optionally with a time (e.g. 2026-11-25 or 2026-11-25T12:00, Vietnam time), not "${text}"`,
    });
  return value;
}

function parseKind(text: string): TemplateKind {
  const kind = TEMPLATE_KINDS.find((candidate) => candidate === text.toUpperCase());
  if (!kind)
    throw new UsageError({
      vi: `--kind chỉ nhận ${TEMPLATE_KINDS.join(", ")}, không nhận "${text}"`,
      en: `--kind takes ${TEMPLATE_KINDS.join(", ")}, not "${text}"`,
    });
  return kind;
}

/** The language asked for on the command line, read before commander has parsed it (errors can come first). */
function languageOfArgs(argv: readonly string[]): Language {
  const index = argv.lastIndexOf("--lang");
  const value =
    index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith("--lang="))?.slice("--lang=".length);
  return value === "en" ? "en" : "vi";
}

/**
 * Runs the CLI on `argv` (without node and the script) and returns its exit code: 0 done, 1 a
 * validated file has an error (or thidua failed unexpectedly), 2 a usage error. The only place
 * that turns errors into exit codes. Writes only to `io`, so tests run it in-process.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const language = languageOfArgs(argv);
  const state: RunState = { exitCode: 0 };
  const program = buildProgram(io, language, state);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === "commander.helpDisplayed" ||
        error.code === "commander.version" ||
        error.exitCode === 0
      )
        return 0;
      // `thidua` alone: commander has printed the help on stderr already.
      if (error.code === "commander.help") return 2;
      const commands = program.commands.map((command) => command.name()).filter((name) => name !== "help");
      io.stderr.write(`thidua: ${localizeCommanderError(error, language, commands)}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`thidua: ${error.messageIn(language)}\n`);
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
      const english = language === "en";
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
      io.stderr.write(
        english
          ? `thidua: OneDrive (Microsoft Graph) failed for ${target}: ${error.message}${details ? ` [${details}]` : ""}${hint}; ${outcome}\n`
          : `thidua: lỗi OneDrive (Microsoft Graph) khi ${target}: ${error.message}${details ? ` [${details}]` : ""}${hint}; ${outcome}\n`,
      );
      return 3;
    }
    io.stderr.write(
      `thidua: ${language === "vi" ? "lỗi ngoài dự kiến" : "unexpected error"}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

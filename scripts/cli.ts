#!/usr/bin/env node
import { Command, CommanderError, Option } from "commander";
import { isLanguage, type Language } from "../core/messages/index";
import { UsageError } from "./errors";
import { loadMovementConfig } from "./config-loader";
import { loadRegistry } from "./registry-loader";
import { DEFAULT_TEMPLATES_DIR, runTemplates } from "./commands/templates";
import { formatDescriptions, selectDescriptions } from "./commands/describe";
import { formatHumanReport, runValidate, toJsonReport } from "./commands/validate";

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
    .description("Biểu mẫu, kiểm tra và tổng hợp Phong trào thi đua đổi mới sáng tạo, KHCN, chuyển đổi số, chuyển đổi xanh tỉnh Hà Tĩnh")
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
      if (options.json) process.stdout.write(`${JSON.stringify(kind === undefined ? descriptions : descriptions[0], null, 2)}\n`);
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
    .action(async (files: string[], options: { json?: boolean; config?: string; registry?: string; planDate?: string; year?: string; round?: string; lang: string }) => {
      const language = parseLanguage(options.lang);
      const config = await loadMovementConfig(options, Date.now());
      const registry = options.registry ? (await loadRegistry(options.registry, language)).registry : null;
      const { results, hasErrors } = await runValidate({ files, config, registry, language });
      process.stdout.write(options.json ? `${JSON.stringify(toJsonReport(results, language), null, 2)}\n` : `${formatHumanReport(results, language)}\n`);
      process.exitCode = hasErrors ? 1 : 0;
    });

  return program;
}

/** The only place that turns errors into exit codes: 2 for usage, 1 for anything unexpected. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.exitCode === 0) return 0;
      process.stderr.write(`thidua: ${error.message.replace(/^error: /, "")}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`thidua: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`thidua: unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

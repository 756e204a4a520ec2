import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import {
  configFileSchema,
  describeConfigIssue,
  resolveConfig,
  type ConfigFile,
  type MovementConfig,
  type RetiredConfigKey,
} from "../core/index";
import { UsageError } from "./errors";

export const DEFAULT_CONFIG_FILE = "thidua.config.json";

export interface ConfigFlags {
  readonly config?: string;
  readonly planDate?: string;
  readonly year?: string;
  readonly round?: string;
}

/** The flag that sets each configuration key, to name it in an error. */
const FLAG_OF_KEY: Readonly<Record<string, string>> = {
  provincialPlanDate: "--plan-date",
  reportYear: "--year",
  round: "--round",
};

function parseJsonConfig(
  text: string,
  where: { vi: string; en: string },
  nameKey: (key: string) => string = (key) => key,
): ConfigFile {
  let json: unknown;
  try {
    // Notepad and PowerShell 5 save UTF-8 with a byte order mark, which JSON.parse refuses.
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new UsageError(
      {
        vi: `${where.vi}: không phải JSON hợp lệ (${(error as Error).message})`,
        en: `${where.en}: not valid JSON (${(error as Error).message})`,
      },
      { cause: error },
    );
  }
  const parsed = configFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const words = issue
      ? describeConfigIssue(issue, json, nameKey)
      : { vi: "cấu hình không hợp lệ", en: "invalid configuration" };
    throw new UsageError({ vi: `${where.vi}: ${words.vi}`, en: `${where.en}: ${words.en}` });
  }
  return parsed.data;
}

/** Reads thidua.config.json (the named one, or the one in the current folder if present); flags win. */
export async function loadMovementConfig(flags: ConfigFlags, nowEpochMs: number): Promise<MovementConfig> {
  const path = flags.config ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : null);
  let file: ConfigFile = {};
  if (path) {
    const text = await readFile(path, "utf8").catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new UsageError(
        {
          vi: `không đọc được tệp cấu hình ${path} (${code === "ENOENT" ? "không tồn tại" : code})`,
          en: `cannot read config ${path}: ${code}`,
        },
        { cause: error },
      );
    });
    file = parseJsonConfig(text, { vi: path, en: path });
  }
  if (flags.year !== undefined && !/^\s*\d{4}\s*$/.test(flags.year))
    throw new UsageError({
      vi: `--year phải là một năm như 2026, không phải "${flags.year}"`,
      en: `--year must be a year such as 2026, not "${flags.year}"`,
    });
  const overrides = parseJsonConfig(
    JSON.stringify({
      ...(flags.planDate !== undefined ? { provincialPlanDate: flags.planDate } : {}),
      ...(flags.year !== undefined ? { reportYear: Number(flags.year) } : {}),
      ...(flags.round !== undefined ? { round: flags.round } : {}),
    }),
    { vi: "dòng lệnh", en: "command line" },
    (key) => FLAG_OF_KEY[key] ?? key,
  );
  return resolveConfig(file, overrides, nowEpochMs);
}

/**
 * One line per configuration key that no longer chooses anything: the year is `--year` or the
 * as-of year, and every round of that year is consolidated. Empty when there is none.
 */
export function formatRetiredConfigNotes(config: MovementConfig, language: "vi" | "en"): string {
  const notes: Record<RetiredConfigKey, { vi: string; en: string }> = {
    reportYear: {
      vi: `Lưu ý: khóa "reportYear" trong tệp cấu hình không còn dùng; năm tổng hợp là --year hoặc năm của thời điểm tính (${config.reportYear}). Có thể xóa khóa này.`,
      en: `Note: "reportYear" in the config file is no longer used; the year consolidated is --year or the as-of year (${config.reportYear}). The key can be removed.`,
    },
    round: {
      vi: `Lưu ý: "round" (--round) không còn dùng; mọi đợt khen thưởng của năm ${config.reportYear} đều được tổng hợp, mỗi tệp theo đợt ghi trong tệp.`,
      en: `Note: "round" (--round) is no longer used; every round of ${config.reportYear} is consolidated, each file by the round written in it.`,
    },
  };
  return config.retiredKeys.map((key) => `${notes[key][language]}\n`).join("");
}

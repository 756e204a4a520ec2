import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  composeReminder,
  consolidationReportSchema,
  planReminders,
  REMINDER_WORDING,
  type ComposedReminder,
  type ConsolidationReport,
  type Language,
  type Reminder,
  type ReminderPlan,
} from "../../core/index";
import { UsageError } from "../errors";
import { writeFileAtomic } from "../io/atomic-write";
import { writeEml } from "../mail/write-eml";

/** Sends one composed reminder; the Graph mailer is one, a test's recorder another. */
export interface ReminderMailer {
  readonly sender: string;
  /**
   * Resolves "unknown" when the service's answer may mean it was sent (a 504 on sendMail): it is not
   * sent again, and recorded so that no later run sends it either.
   */
  send(message: ComposedReminder): Promise<void | "unknown">;
}

export interface RemindOptions {
  readonly from: string;
  readonly out: string;
  readonly language: Language;
  readonly templatesAt: string;
  /** Present with --send: reminders not yet in the ledger are sent through it. */
  readonly mailer: ReminderMailer | null;
  /** Sends per minute at most (Exchange Online allows 30 a minute from one mailbox). */
  readonly perMinute: number;
  readonly now: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export type SendState = "written" | "sent" | "already_sent" | "failed" | "unknown";

export interface RemindOutcome {
  readonly plan: ReminderPlan;
  readonly written: readonly {
    readonly reminder: Reminder;
    readonly eml: string;
    readonly state: SendState;
    readonly error: string | null;
  }[];
}

/** What was sent, keyed by the reminder's key: a re-run over the same consolidation sends nothing twice. */
interface SentLedger {
  readonly sent: Record<
    string,
    {
      readonly unit: string;
      readonly to: string;
      readonly sentAt: string;
      /** "unknown": the service did not confirm (504); never sent again, check the Sent Items. */
      readonly outcome?: "unknown";
    }
  >;
}

export const LEDGER_FILE = "da-gui.json";
export const SUMMARY_FILE = "danh-sach-nhac.csv";

async function readConsolidation(path: string): Promise<ConsolidationReport> {
  const text = await readFile(path, "utf8").catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(
      {
        vi: `không đọc được tệp kết quả tổng hợp ${path} (${code === "ENOENT" ? "không tìm thấy tệp" : code})`,
        en: `cannot read the consolidation result ${path}: ${code}`,
      },
      { cause: error },
    );
  });
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new UsageError(
      {
        vi: `${path} không phải JSON; hãy dùng tệp do "thidua consolidate --json" ghi ra`,
        en: `${path} is not JSON; use the output of "thidua consolidate --json"`,
      },
      { cause: error },
    );
  }
  const parsed = consolidationReportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join(".") || "(gốc)" : "";
    throw new UsageError({
      vi: `${path} không phải kết quả của "thidua consolidate --json" (khóa ${where} thiếu hoặc sai kiểu)`,
      en: `${path} is not the output of "thidua consolidate --json" (key ${where} missing or of the wrong type)`,
    });
  }
  return parsed.data;
}

async function readLedger(path: string): Promise<SentLedger> {
  const text = await readFile(path, "utf8").catch(() => null);
  if (text === null) return { sent: {} };
  try {
    const json = JSON.parse(text) as SentLedger;
    return { sent: { ...json.sent } };
  } catch (error) {
    // A damaged ledger must not lead to a second round of e-mails: stop and let the officer look.
    throw new UsageError(
      {
        vi: `sổ ghi thư đã gửi ${path} bị hỏng; hãy kiểm tra hoặc xóa nếu chắc chắn chưa gửi thư nào`,
        en: `the ledger of sent reminders ${path} is damaged; check it, or delete it if no reminder was sent`,
      },
      { cause: error },
    );
  }
}

/** File names from unit codes: the code as typed, made safe for every file system. */
function emlFileName(code: string): string {
  return `${code.replace(/[^A-Za-z0-9._-]/g, "_")}.eml`;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function summaryCsv(outcome: RemindOutcome, language: Language): string {
  const words = REMINDER_WORDING[language];
  const header =
    language === "vi"
      ? ["Mã đơn vị", "Tên đơn vị", "Thư điện tử", "Nhắc về", "Tệp thư", "Tình trạng"]
      : ["Unit code", "Unit name", "E-mail", "About", "Message file", "State"];
  const stateWords: Record<SendState, string> =
    language === "vi"
      ? {
          written: "đã viết, chưa gửi",
          sent: "đã gửi",
          already_sent: "đã gửi lần trước",
          failed: "gửi lỗi",
          unknown: "có thể đã gửi (dịch vụ không xác nhận; xem mục Thư đã gửi, không gửi lại)",
        }
      : {
          written: "written, not sent",
          sent: "sent",
          already_sent: "sent before",
          failed: "failed",
          unknown: "may have been sent (the service did not confirm; see Sent Items; not sent again)",
        };
  const about = (items: Reminder["items"]): string =>
    items.map((item) => `${item.kind}: ${words.statusWord[item.status]}`).join("; ");
  const rows = [
    ...outcome.written.map((entry) => [
      entry.reminder.unit.code,
      entry.reminder.unit.name,
      entry.reminder.unit.email,
      about(entry.reminder.items),
      entry.eml,
      entry.error ? `${stateWords[entry.state]}: ${entry.error}` : stateWords[entry.state],
    ]),
    ...outcome.plan.unreachable.map((entry) => [
      entry.unit.code,
      entry.unit.name,
      entry.unit.email,
      about(entry.items),
      "",
      words.unreachable[entry.reason],
    ]),
  ];
  // A BOM so that Excel opens the Vietnamese text as UTF-8.
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/**
 * Writes one .eml per unit to remind (and the summary); with a mailer, sends those not sent before,
 * at a bounded rate, recording each send at once so that an interrupted run resumes without repeats.
 */
export async function runRemind(options: RemindOptions): Promise<RemindOutcome> {
  const report = await readConsolidation(options.from);
  const plan = planReminders(report);
  const ledgerPath = join(options.out, LEDGER_FILE);
  const ledger = options.mailer ? await readLedger(ledgerPath) : { sent: {} };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const interval = Math.ceil(60_000 / Math.max(1, options.perMinute));
  let lastSendAt: number | null = null;
  const written: RemindOutcome["written"][number][] = [];

  for (const reminder of plan.reminders) {
    const composed = composeReminder(reminder, {
      language: options.language,
      templatesAt: options.templatesAt,
    });
    const eml = emlFileName(reminder.unit.code);
    const sender = options.mailer?.sender ?? null;
    await writeFileAtomic(
      join(options.out, eml),
      writeEml({
        from: sender === null ? null : { name: "", address: sender },
        to: composed.to,
        subject: composed.subject,
        body: composed.body,
        date: reminder.asOf,
        messageId: `${reminder.key}@thidua`,
      }),
    );
    if (!options.mailer) {
      written.push({ reminder, eml, state: "written", error: null });
      continue;
    }
    const recorded = ledger.sent[reminder.key];
    if (recorded) {
      written.push({ reminder, eml, state: recorded.outcome ?? "already_sent", error: null });
      continue;
    }
    if (lastSendAt !== null) {
      const wait = lastSendAt + interval - options.now();
      if (wait > 0) await sleep(wait);
    }
    lastSendAt = options.now();
    try {
      const unknown = (await options.mailer.send(composed)) === "unknown";
      ledger.sent[reminder.key] = {
        unit: reminder.unit.code,
        to: reminder.unit.email,
        sentAt: new Date(options.now()).toISOString(),
        ...(unknown ? { outcome: "unknown" as const } : {}),
      };
      await writeFileAtomic(ledgerPath, `${JSON.stringify(ledger, null, 2)}\n`);
      written.push({ reminder, eml, state: unknown ? "unknown" : "sent", error: null });
    } catch (error) {
      written.push({
        reminder,
        eml,
        state: "failed",
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  const outcome: RemindOutcome = { plan, written };
  await writeFileAtomic(join(options.out, SUMMARY_FILE), summaryCsv(outcome, options.language));
  return outcome;
}

/** The lines the CLI prints: how many reminders, where, and who cannot be written to. */
export function formatRemindSummary(outcome: RemindOutcome, out: string, language: Language): string {
  const count = (state: SendState): number => outcome.written.filter((entry) => entry.state === state).length;
  const words = REMINDER_WORDING[language];
  const unreachable = outcome.plan.unreachable.map(
    (entry) => `  ${entry.unit.code} ${entry.unit.name}: ${words.unreachable[entry.reason]}\n`,
  );
  const failed = outcome.written
    .filter((entry) => entry.state === "failed")
    .map((entry) => `  ${entry.reminder.unit.code} ${entry.reminder.unit.email}: ${entry.error ?? ""}\n`);
  const unknown = outcome.written
    .filter((entry) => entry.state === "unknown")
    .map((entry) => `  ${entry.reminder.unit.code} ${entry.reminder.unit.email}\n`);
  if (language === "vi") {
    return (
      `${outcome.written.length} thư nhắc trong ${out} (danh sách: ${SUMMARY_FILE})\n` +
      (count("sent") + count("already_sent") + count("failed") > 0
        ? `đã gửi ${count("sent")}, đã gửi từ lần trước ${count("already_sent")}, gửi lỗi ${count("failed")}\n`
        : "chưa gửi thư nào (thêm --send --sender <thư điện tử> để gửi)\n") +
      (failed.length > 0 ? `gửi lỗi:\n${failed.join("")}` : "") +
      (unknown.length > 0
        ? `${unknown.length} thư có thể đã gửi (dịch vụ không xác nhận; xem mục Thư đã gửi của hộp thư gửi, không gửi lại):\n${unknown.join("")}`
        : "") +
      (unreachable.length > 0 ? `không nhắc được ${unreachable.length} đơn vị:\n${unreachable.join("")}` : "")
    );
  }
  return (
    `${outcome.written.length} reminders in ${out} (list: ${SUMMARY_FILE})\n` +
    (count("sent") + count("already_sent") + count("failed") > 0
      ? `sent ${count("sent")}, sent before ${count("already_sent")}, failed ${count("failed")}\n`
      : "nothing sent (add --send --sender <address> to send)\n") +
    (failed.length > 0 ? `failed:\n${failed.join("")}` : "") +
    (unknown.length > 0
      ? `${unknown.length} may have been sent (the service did not confirm; see the sender's Sent Items; not sent again):\n${unknown.join("")}`
      : "") +
    (unreachable.length > 0 ? `${unreachable.length} units cannot be reminded:\n${unreachable.join("")}` : "")
  );
}

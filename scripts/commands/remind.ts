import { open, readdir, readFile, rename } from "node:fs/promises";
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
  MOVEMENT_TIME_ZONE,
} from "../../core/index";
import { makeOutputFolder } from "../io/output-folder";
import { UsageError } from "../errors";
import { writeFileAtomic } from "../io/atomic-write";
import { writeEml } from "../mail/write-eml";
import type { CommandExit, CommandIo } from "./io";

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
  /** Drafts of an earlier run found in the folder and moved into a dated sub-folder of it, or null. */
  readonly movedAside: { readonly folder: string; readonly count: number } | null;
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
    const key = issue ? issue.path.join(".") : "";
    throw new UsageError({
      vi: `${path} không phải kết quả của "thidua consolidate --json" (khóa ${key || "(gốc)"} thiếu hoặc sai kiểu)`,
      en: `${path} is not the output of "thidua consolidate --json" (key ${key || "(root)"} missing or of the wrong type)`,
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

/**
 * One CSV cell. A cell Excel would read as a formula (=, +, -, @, or a tab or CR before one) gets a
 * leading single quote, as OWASP's "CSV Injection" page advises: unit names come from the registry
 * and file names from the units, and `=HYPERLINK(…)` must stay text when the list is opened.
 */
export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
      entry.reminder.unit.addresses.join("; "),
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

/** Whether an .eml in the folder is a draft thidua wrote (its Message-ID ends in @thidua): only those are moved. */
async function isThiduaDraft(path: string): Promise<boolean> {
  const file = await open(path, "r").catch(() => null);
  if (!file) return false;
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return /^Message-ID: <[^>\r\n]*@thidua>\r?$/im.test(head.subarray(0, bytesRead).toString("latin1"));
  } finally {
    await file.close();
  }
}

/**
 * Moves the drafts of an earlier run into `thu-cu-<Vietnam date and time>/` under the folder, so the
 * folder holds only this run's letters: a stale "chưa nộp" draft to a unit that has since sent must
 * not be sent by mistake. Moved, not deleted: they are the record of what was written then.
 */
async function moveEarlierDrafts(out: string, now: number): Promise<RemindOutcome["movedAside"]> {
  const names = await readdir(out).catch(() => [] as string[]);
  const drafts: string[] = [];
  for (const name of names.filter((entry) => entry.toLowerCase().endsWith(".eml")).sort())
    if (await isThiduaDraft(join(out, name))) drafts.push(name);
  if (drafts.length === 0) return null;
  const local = new Date(now + MOVEMENT_TIME_ZONE.utcOffsetMinutes * 60_000).toISOString();
  const folder = `thu-cu-${local.slice(0, 10)}-${local.slice(11, 19).replace(/:/g, "")}`;
  await makeOutputFolder(join(out, folder));
  for (const name of drafts) await rename(join(out, name), join(out, folder, name));
  return { folder, count: drafts.length };
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
  const movedAside = await moveEarlierDrafts(options.out, options.now());

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
        to: reminder.unit.addresses.join("; "),
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
  const outcome: RemindOutcome = { plan, movedAside, written };
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
    .map(
      (entry) =>
        `  ${entry.reminder.unit.code} ${entry.reminder.unit.addresses.join("; ")}: ${entry.error ?? ""}\n`,
    );
  const moved = outcome.movedAside;
  const unknown = outcome.written
    .filter((entry) => entry.state === "unknown")
    .map((entry) => `  ${entry.reminder.unit.code} ${entry.reminder.unit.addresses.join("; ")}\n`);
  if (language === "vi") {
    return (
      `${outcome.written.length} thư nhắc trong ${out} (danh sách: ${SUMMARY_FILE})\n` +
      (moved
        ? `${moved.count} thư nhắc của lần trước đã được chuyển sang ${join(out, moved.folder)}\n`
        : "") +
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
    (moved ? `${moved.count} earlier reminders moved to ${join(out, moved.folder)}\n` : "") +
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

/** Where units find the blank templates, when --templates-at does not say. */
const DEFAULT_TEMPLATES_AT: Readonly<Record<Language, string>> = {
  vi: 'thư mục "Biểu mẫu" trong thư mục chung của phong trào (hoặc lệnh "thidua templates")',
  en: 'the "Biểu mẫu" folder in the movement’s shared folder (or the command "thidua templates")',
};

/** The Graph mailer is loaded only when --send asks for it (one sign-in, the run's one client). */
async function createReminderMailer(sender: string, auth: string | undefined): Promise<ReminderMailer> {
  const { openGraphConnection } = await import("../graph/open-graph-source");
  const { createGraphReminderMailer } = await import("../mail/graph-mailer");
  return createGraphReminderMailer(await openGraphConnection(auth !== undefined ? { auth } : {}), sender);
}

/**
 * `thidua remind`: writes the reminders of a consolidation (and sends them with --send), prints
 * the summary; exit 1 when a send failed.
 */
export async function remindCommand(
  options: {
    from: string;
    out: string;
    templatesAt?: string;
    send: boolean;
    sender?: string;
    perMinute: number;
    auth?: string;
    language: Language;
  },
  io: CommandIo,
): Promise<CommandExit> {
  const { language } = options;
  if (options.send && !options.sender)
    throw new UsageError({
      vi: "--send cần --sender <thư điện tử gửi>",
      en: "--send needs --sender <upn>",
    });
  const mailer =
    options.send && options.sender ? await createReminderMailer(options.sender, options.auth) : null;
  const outcome = await runRemind({
    from: options.from,
    out: options.out,
    language,
    templatesAt: options.templatesAt ?? DEFAULT_TEMPLATES_AT[language],
    mailer,
    perMinute: options.perMinute,
    now: Date.now,
  });
  io.stdout.write(formatRemindSummary(outcome, options.out, language));
  return outcome.written.some((entry) => entry.state === "failed") ? 1 : 0;
}

import { formatProblem } from "../messages/index";
import type { Language } from "../messages/types";
import { PROBLEM_CODES, type Problem, type ProblemCode, type ProblemParam } from "../problems";
import { SUBMISSION_SPECS } from "../template-spec/index";
import {
  formatVietnamDateTime,
  formatVietnameseDate,
  startOfVietnamDay,
  toVietnamDate,
} from "../values/calendar";
import type { ReportedProblem } from "./consolidation-report";
import type { Reminder, ReminderItem, ReminderStatus } from "./plan-reminders";
import { REMINDER_ASKS, REMINDER_WORDING, type ReminderWording } from "./reminder-wording";

export interface ComposedReminder {
  /** Every valid address of the unit, each with the unit's name. */
  readonly to: readonly { readonly name: string; readonly address: string }[];
  readonly subject: string;
  /** Plain text, lines joined with "\n". */
  readonly body: string;
}

export interface ComposeOptions {
  readonly language: Language;
  /** Where units find the blank templates (a shared-folder link or a path), quoted as given. */
  readonly templatesAt: string;
  /** At most this many problems are listed per file; the rest are counted. */
  readonly maxProblemsPerFile?: number;
}

const KNOWN_CODES: ReadonlySet<string> = new Set(PROBLEM_CODES);
const DAY_MS = 24 * 60 * 60 * 1000;

/** A problem in the reminder's language when the JSON carries its code and facts, else as it was worded. */
function wordProblem(problem: ReportedProblem, language: Language): string {
  if (!problem.params || !KNOWN_CODES.has(problem.code)) return problem.message;
  const asProblem: Problem = {
    code: problem.code as ProblemCode,
    severity: problem.severity,
    sheet: problem.sheet,
    cell: problem.cell,
    params: problem.params as Record<string, ProblemParam>,
  };
  return formatProblem(asProblem, language);
}

/** Whole Vietnam calendar days between two instants' dates (positive when `to` is later). */
function calendarDaysBetween(fromEpochMs: number, toEpochMs: number): number {
  return Math.round((Date.parse(toVietnamDate(toEpochMs)) - Date.parse(toVietnamDate(fromEpochMs))) / DAY_MS);
}

function deadlineLines(item: ReminderItem, asOf: number, words: ReminderWording): string[] {
  if (item.deadline === null) return [words.noDeadline];
  const lines = [words.deadline(formatVietnameseDate(item.deadline.lastDay))];
  if (item.status === "late") return lines;
  const lastDayStart = startOfVietnamDay(item.deadline.lastDay);
  if (asOf >= item.deadline.dueBefore) lines.push(words.daysOverdue(calendarDaysBetween(lastDayStart, asOf)));
  else lines.push(words.daysLeft(calendarDaysBetween(asOf, lastDayStart)));
  return lines;
}

/** A file's problems, errors first, each at its sheet and cell; at most the configured number. */
function problemLines(problems: readonly ReportedProblem[], options: ComposeOptions): string[] {
  const words = REMINDER_WORDING[options.language];
  const limit = options.maxProblemsPerFile ?? 20;
  const lines = problems
    .slice(0, limit)
    .map(
      (problem) =>
        `   - ${words.problemAt(problem.sheet, problem.cell)}: ${wordProblem(problem, options.language)}`,
    );
  if (problems.length > limit) lines.push(`   ${words.moreProblems(problems.length - limit)}`);
  return lines;
}

function itemLines(item: ReminderItem, unitCode: string, asOf: number, options: ComposeOptions): string[] {
  const words = REMINDER_WORDING[options.language];
  const spec = SUBMISSION_SPECS[item.kind];
  const underReview = item.status === "missing" && item.underReview.length > 0;
  const status = underReview ? words.underReviewStatus : words.statusWord[item.status];
  const heading = `${spec.title[options.language]} (${item.kind}): ${status}.`;
  const lines = [heading, ...deadlineLines(item, asOf, words).map((line) => `   ${line}`)];
  const receivedAt = item.receivedAt === null ? "" : formatVietnamDateTime(item.receivedAt);
  switch (item.status) {
    case "missing":
      if (!underReview) {
        lines.push(`   ${words.missingAsk(spec.fileName)}`);
        break;
      }
      for (const reviewed of item.underReview) {
        const at = reviewed.receivedAt === null ? "" : formatVietnamDateTime(reviewed.receivedAt);
        lines.push(`   ${words.reviewedFile(reviewed.file, at, reviewed.codeInFile, reviewed.codeOwner)}`);
        lines.push(...problemLines(reviewed.problems, options));
      }
      lines.push(`   ${words.reviewAsk(unitCode)}`);
      break;
    case "invalid": {
      const errors = item.problems.filter((problem) => problem.severity === "error").length;
      lines.push(`   ${words.invalidFile(item.file ?? "", receivedAt, errors)}`);
      lines.push(...problemLines(item.problems, options));
      lines.push(`   ${words.invalidAsk}`);
      break;
    }
    case "late": {
      // Late by receipt, or received in time but dated after the deadline (the JSON keeps both facts).
      const receivedLate =
        item.deadline === null || item.receivedAt === null || item.receivedAt >= item.deadline.dueBefore;
      const late = receivedLate ? words.lateFile : words.lateByDocumentDate;
      lines.push(`   ${late(item.file ?? "", receivedAt)}`, `   ${words.lateNote}`);
      break;
    }
  }
  return lines;
}

function subjectOf(reminder: Reminder, options: ComposeOptions): string {
  const words = REMINDER_WORDING[options.language];
  const asks = REMINDER_ASKS[options.language];
  const byStatus = new Map<ReminderStatus, string[]>();
  for (const item of reminder.items) {
    const titles = byStatus.get(item.status) ?? [];
    titles.push(SUBMISSION_SPECS[item.kind].title[options.language]);
    byStatus.set(item.status, titles);
  }
  const what = [...byStatus].map(([status, titles]) => `${asks[status]} ${titles.join(", ")}`).join("; ");
  return `${words.subjectPrefix} ${words.subject(reminder.unit.name || reminder.unit.code, what)}`;
}

/** The reminder in words: one e-mail to one unit about everything it still has to send. */
export function composeReminder(reminder: Reminder, options: ComposeOptions): ComposedReminder {
  const words = REMINDER_WORDING[options.language];
  const lines = [
    words.greeting(reminder.unit.name || reminder.unit.code, reminder.unit.code),
    "",
    words.intro(formatVietnamDateTime(reminder.asOf)),
    "",
  ];
  reminder.items.forEach((item, index) => {
    const [first, ...rest] = itemLines(item, reminder.unit.code, reminder.asOf, options);
    lines.push(`${index + 1}. ${first ?? ""}`, ...rest, "");
  });
  lines.push(words.templatesAt(options.templatesAt), "", words.automatic, "", words.signature);
  return {
    to: reminder.unit.addresses.map((address) => ({ name: reminder.unit.name, address })),
    subject: subjectOf(reminder, options),
    body: lines.join("\n"),
  };
}

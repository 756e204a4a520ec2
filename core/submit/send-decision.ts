import { computePeriodDeadline, isDatedLate, isReceivedLate, type Deadline } from "../deadlines";
import type { MovementConfig } from "../config";
import type { Problem } from "../problems";
import { normaliseUnitCode, isValidUnitCode, unitCodeInFileName } from "../registry";
import { isTemplateKind } from "../template-spec/index";
import type { TemplateKind } from "../template-spec/types";
import type { ValidationResult } from "../validate/validate";

/** Where a submission goes inside the province's folder: `<KIND>/<KIND>_<unit code>.xlsx`. */
export interface SendTarget {
  readonly kind: TemplateKind;
  readonly unitCode: string;
  /** The kind's sub-folder, e.g. "KH", "DN-KT". */
  readonly folder: string;
  /** e.g. "KH_SNV.xlsx". */
  readonly fileName: string;
  /** `folder/fileName`, relative to the submission folder. */
  readonly path: string;
}

/** What the check leaves to decide a send on. */
export interface SendInput {
  readonly result: Pick<ValidationResult, "kind" | "unit" | "problems" | "period">;
  readonly config: MovementConfig;
  readonly now: number;
  /** The bytes about to be sent are byte for byte those that were checked (false: unsaved edits). */
  readonly bytesMatchChecked: boolean;
  /** The officer already said yes to sending with warnings (asked once). */
  readonly warningsConfirmed: boolean;
}

export type SendRefusal =
  | { readonly reason: "errors"; readonly errors: number }
  | { readonly reason: "not-submission" }
  | { readonly reason: "no-unit-code" };

/** One step of "check, then send": the pane shows it in words (formatSendMessage) and acts on it. */
export type SendDecision =
  | { readonly action: "refuse"; readonly refusal: SendRefusal }
  | { readonly action: "save-first" }
  | { readonly action: "confirm-warnings"; readonly warnings: number; readonly target: SendTarget }
  | {
      readonly action: "send";
      readonly target: SendTarget;
      /** The deadline of the file's own period (null: none announced, never late). */
      readonly deadline: Deadline | null;
      /** Sending now is past that deadline, or the document is dated after it: counted late. */
      readonly late: boolean;
      /** The document is dated after its deadline (DATED_LATE_CODES): late whenever it arrives. */
      readonly datedLate: boolean;
    };

/**
 * The canonical target of a unit's file. A unit code may hold "/" (registry codes such as
 * "XA/010"); in a Graph path it would open a sub-folder, so it is written "+" in the name only
 * (unitCodeInFileName: a character no code holds, so two units never share a name).
 */
export function sendTarget(kind: TemplateKind, unitCode: string): SendTarget | null {
  const code = normaliseUnitCode(unitCode);
  if (!isValidUnitCode(code)) return null;
  const fileName = `${kind}_${unitCodeInFileName(code)}.xlsx`;
  return { kind, unitCode: code, folder: kind, fileName, path: `${kind}/${fileName}` };
}

function count(problems: readonly Problem[], severity: Problem["severity"]): number {
  return problems.filter((problem) => problem.severity === severity).length;
}

/**
 * Decides the next step of a send. Order matters: errors refuse whatever else holds (the file is
 * not sendable); bytes that differ from the checked ones make the check say nothing about them;
 * warnings are asked about once; lateness never stops a send, it is said.
 */
export function decideSend(input: SendInput): SendDecision {
  const { result } = input;
  const errors = count(result.problems, "error");
  if (errors > 0) return { action: "refuse", refusal: { reason: "errors", errors } };
  const kind = result.kind;
  if (kind === null || !isTemplateKind(kind) || result.period === null)
    return { action: "refuse", refusal: { reason: "not-submission" } };
  const target = result.unit?.code ? sendTarget(kind, result.unit.code) : null;
  if (target === null) return { action: "refuse", refusal: { reason: "no-unit-code" } };
  if (!input.bytesMatchChecked) return { action: "save-first" };
  const warnings = count(result.problems, "warning");
  if (warnings > 0 && !input.warningsConfirmed) return { action: "confirm-warnings", warnings, target };
  const deadline = computePeriodDeadline(result.period.period, input.config);
  const datedLate = isDatedLate(result.problems);
  const late = datedLate || (deadline !== null && isReceivedLate(input.now, deadline));
  return { action: "send", target, deadline, late, datedLate };
}

/**
 * The verdict the server's time of receipt implies, by the consolidation's own rule
 * (core/consolidate/decisions.ts): late when received on or after the deadline's end, or when the
 * document is dated after its deadline (`because: "dated"`, whenever it arrived).
 */
export type ReceiptVerdict =
  | { readonly verdict: "on-time"; readonly deadline: Deadline }
  | {
      readonly verdict: "late";
      readonly deadline: Deadline | null;
      /** Absent in receipts remembered before it existed: read as "received". */
      readonly because?: "received" | "dated";
    }
  | { readonly verdict: "no-deadline" };

export function receiptVerdict(
  receivedAt: number,
  deadline: Deadline | null,
  datedLate = false,
): ReceiptVerdict {
  if (datedLate) return { verdict: "late", deadline, because: "dated" };
  if (deadline === null) return { verdict: "no-deadline" };
  return isReceivedLate(receivedAt, deadline)
    ? { verdict: "late", deadline, because: "received" }
    : { verdict: "on-time", deadline };
}

/** A receipt of a confirmed upload: what the server holds, when it says it received it. */
export interface SendReceipt {
  readonly fileName: string;
  /** The submission folder's sub-folder, e.g. "KH". */
  readonly folder: string;
  readonly size: number;
  /** The uploaded item's lastModifiedDateTime, epoch ms. */
  readonly receivedAt: number;
  readonly verdict: ReceiptVerdict;
  /**
   * The server stores other bytes than those sent (a SharePoint library writes its properties into
   * Office files), and the stored file was read back: it holds what was checked.
   */
  readonly rewrittenByService?: boolean;
}

/** Everything the pane says about sending, as values; the words are in the message catalogues. */
export type SendMessage =
  | { readonly code: "SEND_REFUSED_ERRORS"; readonly errors: number }
  | { readonly code: "SEND_REFUSED_NOT_SUBMISSION" }
  | { readonly code: "SEND_REFUSED_NO_UNIT_CODE" }
  | { readonly code: "SEND_SAVE_FIRST" }
  /**
   * Excel would not hand over the saved file (Document.getFileAsync): `officeCode` is Office's
   * error code (11000: another copy still open, 11001: network), null when none was given.
   */
  | { readonly code: "SEND_EXCEL_FILE_UNREADABLE"; readonly officeCode: number | null }
  | { readonly code: "SEND_CONFIRM_WARNINGS"; readonly warnings: number; readonly path: string }
  | { readonly code: "SEND_READY"; readonly path: string }
  | { readonly code: "SEND_LATE"; readonly lastDay: string }
  /** The document is dated after its deadline: counted late whenever it is sent. */
  | { readonly code: "SEND_DATED_LATE"; readonly lastDay: string | null }
  | { readonly code: "SEND_CONFIRM_REPLACE"; readonly path: string }
  | { readonly code: "SEND_SIGN_IN_NOT_CONFIGURED" }
  | { readonly code: "SEND_NOT_CONFIGURED" }
  | { readonly code: "SEND_OFFLINE" }
  | { readonly code: "SEND_SIGNED_OUT" }
  /**
   * Office would not open the sign-in dialog: 12009 (the officer, or Office on the web, ignored it) or
   * 12011 (the browser's settings block it) ("Handle errors and events in the Office dialog box").
   */
  | { readonly code: "SEND_SIGN_IN_WINDOW_BLOCKED"; readonly officeCode: number }
  | { readonly code: "SEND_FORBIDDEN" }
  | { readonly code: "SEND_FOLDER_NOT_FOUND" }
  | { readonly code: "SEND_THROTTLED"; readonly seconds: number }
  | { readonly code: "SEND_TOO_LARGE"; readonly size: number }
  /** 507: the drive holding the submission folder is full (its quota), not the file's fault. */
  | { readonly code: "SEND_STORAGE_FULL"; readonly size: number }
  | { readonly code: "SEND_NAME_CONFLICT"; readonly path: string }
  | { readonly code: "SEND_NOT_CONFIRMED" }
  | { readonly code: "SEND_FAILED"; readonly status: number }
  | { readonly code: "SEND_RECEIPT"; readonly receipt: SendReceipt };

function refusalMessage(refusal: SendRefusal): SendMessage {
  switch (refusal.reason) {
    case "errors":
      return { code: "SEND_REFUSED_ERRORS", errors: refusal.errors };
    case "not-submission":
      return { code: "SEND_REFUSED_NOT_SUBMISSION" };
    case "no-unit-code":
      return { code: "SEND_REFUSED_NO_UNIT_CODE" };
  }
}

/** The decision as the message the pane shows beside the button. */
export function sendDecisionMessage(decision: SendDecision): SendMessage {
  switch (decision.action) {
    case "refuse":
      return refusalMessage(decision.refusal);
    case "save-first":
      return { code: "SEND_SAVE_FIRST" };
    case "confirm-warnings":
      return { code: "SEND_CONFIRM_WARNINGS", warnings: decision.warnings, path: decision.target.path };
    case "send":
      if (decision.datedLate) return { code: "SEND_DATED_LATE", lastDay: decision.deadline?.lastDay ?? null };
      return decision.late && decision.deadline !== null
        ? { code: "SEND_LATE", lastDay: decision.deadline.lastDay }
        : { code: "SEND_READY", path: decision.target.path };
  }
}

export {
  consolidationReportSchema,
  type ConsolidationReport,
  type ReportedProblem,
} from "./consolidation-report";
export {
  planReminders,
  type Reminder,
  type ReminderItem,
  type ReminderPlan,
  type ReminderUnit,
  type ReviewedFile,
  type ReminderStatus,
  type UnreachableReason,
} from "./plan-reminders";
export { composeReminder, type ComposedReminder, type ComposeOptions } from "./compose-reminder";
export { REMINDER_WORDING, type ReminderWording } from "./reminder-wording";

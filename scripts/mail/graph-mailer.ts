import type { ReminderMailer } from "../commands/remind";
import { UsageError } from "../errors";

/** Sends reminders with POST /users/{sender}/sendMail (Mail.Send). Wired to the Graph client. */
export async function createGraphReminderMailer(sender: string): Promise<ReminderMailer> {
  throw new UsageError({
    vi: `chưa gửi được thư qua Microsoft Graph từ ${sender}: dùng các tệp .eml`,
    en: `sending through Microsoft Graph from ${sender} is not available yet: use the .eml files`,
  });
}

import type { ComposedReminder } from "../../core/index";
import type { ReminderMailer } from "../commands/remind";
import type { GraphConnection } from "../graph/client";
import { RequestSafety } from "../graph/retry-handler";

/** The sendMail body: plain text, as written in the .eml, saved to the sender's Sent Items. */
export function toSendMailBody(message: ComposedReminder): unknown {
  return {
    message: {
      subject: message.subject,
      body: { contentType: "Text", content: message.body },
      toRecipients: message.to.map((to) => ({ emailAddress: { address: to.address, name: to.name } })),
    },
    saveToSentItems: true,
  };
}

/**
 * Sends reminders with POST /users/{sender}/sendMail (Mail.Send; a shared mailbox as sender also needs
 * Mail.Send.Shared and Send As on it), through the one Graph client of the run. sendMail answers 202
 * and sends asynchronously, so it is retried only after 429 or 503 (not carried out); after a 504, a
 * 500/502 or a dropped connection the letter may be on its way: "unknown", never posted again.
 */
export function createGraphReminderMailer(connection: GraphConnection, sender: string): ReminderMailer {
  return {
    sender,
    async send(message) {
      try {
        await connection.client
          .api(`/users/${encodeURIComponent(sender)}/sendMail`)
          .middlewareOptions([new RequestSafety(false)])
          .post(toSendMailBody(message));
      } catch (error) {
        // The SDK wraps what the middleware threw, keeping its name as the code.
        const { name, code } = (error ?? {}) as { name?: string; code?: string };
        if (name === "OutcomeUnknownError" || code === "OutcomeUnknownError") return "unknown";
        throw error;
      }
      return undefined;
    },
  };
}

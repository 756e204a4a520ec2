import type { ComposedReminder } from "../../core/index";
import type { ReminderMailer } from "../commands/remind";
import type { GraphConnection } from "../graph/client";

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
 * Sends reminders with POST /users/{sender}/sendMail (permission Mail.Send), through the one Graph
 * client of the run: its retry handler honours Retry-After on 429 and retries 503/504.
 */
export function createGraphReminderMailer(connection: GraphConnection, sender: string): ReminderMailer {
  return {
    sender,
    async send(message) {
      await connection.client
        .api(`/users/${encodeURIComponent(sender)}/sendMail`)
        .post(toSendMailBody(message));
    },
  };
}

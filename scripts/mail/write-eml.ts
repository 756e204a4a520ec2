import { MOVEMENT_TIME_ZONE } from "../../core/index";

/** An RFC 5322 / MIME message as text, for reminders that are written rather than sent. */

export interface MailAddress {
  readonly name: string;
  readonly address: string;
}

export interface EmlMessage {
  /** Null leaves the sender to the mail program that opens the draft. */
  readonly from: MailAddress | null;
  /** Every recipient; a unit may list several addresses in the registry. */
  readonly to: readonly MailAddress[];
  readonly subject: string;
  readonly body: string;
  readonly date: number;
  /** Without the angle brackets. */
  readonly messageId: string;
}

const CRLF = "\r\n";
// RFC 2047 allows 75 characters an encoded word; 39 bytes (52 in base64, 64 with "=?UTF-8?B?…?=") keep
// the first line, behind "Subject: ", within the 78 characters RFC 5322 asks of a line.
const MAX_ENCODED_BYTES = 39;
const ATOM_TEXT = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]*$/;

/** Splits text into runs of whole characters that each fit one encoded word. */
function chunkForEncodedWords(text: string): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const character of text) {
    if (Buffer.byteLength(current + character, "utf8") > MAX_ENCODED_BYTES) {
      chunks.push(current);
      current = "";
    }
    current += character;
  }
  if (current !== "") chunks.push(current);
  return chunks;
}

/** A header value in ASCII: as it is when it can be, else UTF-8 encoded words folded onto lines. */
function encodeHeaderText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text) && text.length <= 900) return text;
  return chunkForEncodedWords(text)
    .map((chunk) => `=?UTF-8?B?${Buffer.from(chunk, "utf8").toString("base64")}?=`)
    .join(`${CRLF} `);
}

function encodeAddress(mailbox: MailAddress): string {
  if (mailbox.name === "") return `<${mailbox.address}>`;
  const name = ATOM_TEXT.test(mailbox.name)
    ? mailbox.name
    : /^[\x20-\x7e]*$/.test(mailbox.name)
      ? `"${mailbox.name.replace(/(["\\])/g, "\\$1")}"`
      : null;
  // An encoded name takes whole lines: the address goes on a folded line of its own.
  if (name === null) return `${encodeHeaderText(mailbox.name)}${CRLF} <${mailbox.address}>`;
  return `${name} <${mailbox.address}>`;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** RFC 5322 date in Vietnam time, the zone the reminders speak of. */
function formatMailDate(epochMs: number): string {
  const offset = MOVEMENT_TIME_ZONE.utcOffsetMinutes;
  const local = new Date(epochMs + offset * 60 * 1000);
  const pad = (value: number): string => String(value).padStart(2, "0");
  return (
    `${WEEKDAYS[local.getUTCDay()]}, ${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ` +
    `${offset < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}`
  );
}

/** Base64 in lines of 76 characters, as MIME requires. */
function encodeBody(body: string): string {
  const base64 = Buffer.from(body.replace(/\r?\n/g, CRLF), "utf8").toString("base64");
  return (base64.match(/.{1,76}/g) ?? []).join(CRLF);
}

/**
 * The message as an .eml file. Without a sender it is marked as a draft (X-Unsent), which Outlook and
 * Thunderbird open ready to send from the officer's own mailbox.
 */
export function writeEml(message: EmlMessage): string {
  const headers = [
    ...(message.from ? [`From: ${encodeAddress(message.from)}`] : ["X-Unsent: 1"]),
    `To: ${message.to.map(encodeAddress).join(`,${CRLF} `)}`,
    `Subject: ${encodeHeaderText(message.subject)}`,
    `Date: ${formatMailDate(message.date)}`,
    `Message-ID: <${message.messageId}>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
  ];
  return `${headers.join(CRLF)}${CRLF}${CRLF}${encodeBody(message.body)}${CRLF}`;
}

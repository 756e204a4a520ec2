import { EMAIL } from "./parse-value";

/** The addresses of one registry cell: those that are addresses, and the parts that are not. */
export interface EmailList {
  /** Valid addresses, as written (without a display name), each once whatever its case. */
  readonly addresses: readonly string[];
  /** The parts that are not an address, as written. */
  readonly invalid: readonly string[];
}

// Sở Nội vụ types several contacts in one cell: separated by ";" or "," or on lines of their own
// (Alt+Enter), and sometimes as Outlook copies them, `Tên <địa chỉ>`.
const SEPARATORS = /[;,\r\n]+/;
const NAMED = /^[^<>]*<([^<>]*)>$/;

/** Splits an e-mail cell into its addresses, each checked; the display name of `Tên <a@b.vn>` is dropped. */
export function parseEmailList(text: string): EmailList {
  const addresses: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const raw of text.split(SEPARATORS)) {
    const part = raw.trim();
    if (part === "") continue;
    const address = (NAMED.exec(part)?.[1] ?? part).trim();
    if (!EMAIL.test(address)) {
      invalid.push(part);
      continue;
    }
    const key = address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    addresses.push(address);
  }
  return { addresses, invalid };
}

/** How a unit's addresses are kept in the registry and the JSON: one text, "a@x.vn; b@y.vn". */
export function joinEmailList(addresses: readonly string[]): string {
  return addresses.join("; ");
}

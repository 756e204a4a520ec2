/**
 * Numbers typed as text, by the Vietnamese convention: "." groups thousands and "," marks the
 * decimals ("1.234.567,5"). A text is accepted only when it has one reading under that
 * convention:
 * - "1.234" is one thousand two hundred and thirty-four (a dot followed by groups of three);
 * - "1,5" is one and a half; "1,234" is also read as 1.234 (a decimal), never as 1234;
 * - "1.5" or "12.75" (a dot not followed by exactly three digits) can only be a decimal point;
 * - "1,234.5" or "1.234.5" mix or misuse separators and are refused as ambiguous.
 * A trailing "%" is allowed for percentages.
 */
export type NumberTextReading =
  { kind: "number"; value: number; percentSign: boolean } | { kind: "ambiguous" } | { kind: "not-a-number" };

const GROUPED_THOUSANDS = /^\d{1,3}(\.\d{3})+(,\d+)?$/;
const COMMA_DECIMAL = /^\d+(,\d+)?$/;
const DOT_DECIMAL = /^\d+\.\d+$/;

export function readNumberText(raw: string): NumberTextReading {
  let text = raw.trim().replace(/[\u00a0\s]/g, "");
  let percentSign = false;
  if (text.endsWith("%")) {
    percentSign = true;
    text = text.slice(0, -1);
  }
  let sign = 1;
  if (text.startsWith("-")) {
    sign = -1;
    text = text.slice(1);
  } else if (text.startsWith("+")) {
    text = text.slice(1);
  }
  if (text === "") return { kind: "not-a-number" };
  if (GROUPED_THOUSANDS.test(text)) {
    return { kind: "number", value: sign * Number(text.replace(/\./g, "").replace(",", ".")), percentSign };
  }
  if (COMMA_DECIMAL.test(text)) {
    return { kind: "number", value: sign * Number(text.replace(",", ".")), percentSign };
  }
  if (DOT_DECIMAL.test(text)) {
    // Only reached when the digits after the dot are not a group of three.
    return { kind: "number", value: sign * Number(text), percentSign };
  }
  if (/^[\d.,]+$/.test(text)) return { kind: "ambiguous" };
  return { kind: "not-a-number" };
}

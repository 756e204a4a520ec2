import type { LocalizedText } from "../catalogue/types";
import { MOVEMENT_YEARS } from "../catalogue/bounds";

/**
 * What a key of `thidua.config.json` expects, in words, and a zod issue about it as one sentence
 * that names the key, the value found and what is expected: zod's own wording is English (and
 * its Vietnamese locale shows type names and patterns), which an officer cannot act on.
 */

const EXPECTED: Readonly<Record<string, LocalizedText>> = {
  provincialPlanDate: {
    vi: 'một ngày có thật viết năm-tháng-ngày trong dấu ngoặc kép, ví dụ "2026-05-05", hoặc null',
    en: 'a real date written year-month-day in quotes, e.g. "2026-05-05", or null',
  },
  nominationDeadline: {
    vi: 'một ngày có thật viết năm-tháng-ngày trong dấu ngoặc kép, ví dụ "2027-03-31", hoặc null',
    en: 'a real date written year-month-day in quotes, e.g. "2027-03-31", or null',
  },
  nominationDeadlines: {
    vi: 'hạn của từng đợt: khóa là đợt như "DN-KT:SOKET:2027" hoặc "DN-KT:HANGNAM:2026", giá trị là ngày viết năm-tháng-ngày, ví dụ {"DN-KT:SOKET:2027": "2027-03-31"}',
    en: 'a deadline per round: keys are rounds such as "DN-KT:SOKET:2027" or "DN-KT:HANGNAM:2026", values dates written year-month-day, e.g. {"DN-KT:SOKET:2027": "2027-03-31"}',
  },
  planPhases: {
    vi: 'danh sách giai đoạn có kế hoạch của đơn vị: ["GD1"] hoặc ["GD1", "GD2"]',
    en: 'the phases whose unit plans are expected: ["GD1"] or ["GD1", "GD2"]',
  },
  reportYear: {
    vi: `một năm từ ${MOVEMENT_YEARS.first} đến ${MOVEMENT_YEARS.last}, viết như số (không có dấu ngoặc kép), ví dụ 2026`,
    en: `a year from ${MOVEMENT_YEARS.first} to ${MOVEMENT_YEARS.last}, written as a number (no quotes), e.g. 2026`,
  },
  round: {
    vi: 'một trong "HANGNAM", "SOKET", "TONGKET"',
    en: 'one of "HANGNAM", "SOKET", "TONGKET"',
  },
  expectedKinds: {
    vi: 'danh sách có ít nhất một loại trong "KH", "BC", "DN-KT", ví dụ ["KH", "BC"]',
    en: 'a list of at least one of "KH", "BC", "DN-KT", e.g. ["KH", "BC"]',
  },
};

/** The parts of a zod issue this needs (zod's issue union, narrowed to what is read). */
export interface ConfigIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly keys?: readonly string[];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * One issue of the configuration file as a sentence in both languages. `nameKey` names a key as
 * the user wrote it (a key of the file, or the flag that set it).
 */
export function describeConfigIssue(
  issue: ConfigIssue,
  input: unknown,
  nameKey: (key: string) => string = (key) => key,
): LocalizedText {
  const known = Object.keys(EXPECTED).join(", ");
  if (issue.code === "unrecognized_keys") {
    const keys = (issue.keys ?? []).map((key) => `"${key}"`).join(", ");
    return {
      vi: `khóa ${keys} không có trong cấu hình của thidua (có thể viết sai chính tả); các khóa được dùng: ${known}`,
      en: `unknown key ${keys} (a misspelling?); the keys are: ${known}`,
    };
  }
  const [top] = issue.path;
  if (top === undefined)
    return {
      vi: `tệp cấu hình phải là một đối tượng JSON { ... } với các khóa ${known}`,
      en: `the configuration must be a JSON object { ... } with the keys ${known}`,
    };
  const key = String(top);
  const name = nameKey(key);
  const found = show(valueAt(input, issue.path));
  const expected = EXPECTED[key] ?? { vi: "một giá trị hợp lệ", en: "a valid value" };
  return {
    vi: `"${name}": cần ${expected.vi}, tìm thấy ${found}`,
    en: `"${name}": expected ${expected.en}, found ${found}`,
  };
}

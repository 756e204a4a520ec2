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
  submission: {
    vi: 'một đối tượng { "folder": ..., "clientId": ..., "tenant": ..., "graphEndpoint": ..., "tokenProvider": ... }',
    en: 'an object { "folder": ..., "clientId": ..., "tenant": ..., "graphEndpoint": ..., "tokenProvider": ... }',
  },
  "submission.folder": {
    vi: 'thư mục nhận của Sở Nội vụ, dạng "onedrive:<drive-id>/<item-id>" hoặc liên kết chia sẻ "https://…" (không dùng "onedrive:/đường/dẫn": đó là OneDrive riêng của từng người gửi)',
    en: 'Sở Nội vụ\'s submission folder as "onedrive:<drive-id>/<item-id>" or a sharing link "https://…" (not "onedrive:/path": that is each sender\'s own OneDrive)',
  },
  "submission.clientId": {
    vi: "mã ứng dụng (Application (client) ID) của ứng dụng đã đăng ký trên Microsoft Entra, dạng GUID như 0f8fad5b-d9cb-469f-a165-70867728950e",
    en: "the Application (client) ID of the app registered in Microsoft Entra, a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e",
  },
  "submission.tenant": {
    vi: "mã thư mục (Directory (tenant) ID) dạng GUID, hoặc tên miền của tổ chức như hatinh.gov.vn",
    en: "the Directory (tenant) ID as a GUID, or the organisation's domain such as hatinh.gov.vn",
  },
  "submission.graphEndpoint": {
    vi: 'địa chỉ Microsoft Graph bắt đầu bằng https://, mặc định "https://graph.microsoft.com/v1.0"',
    en: 'a Microsoft Graph address starting with https://, by default "https://graph.microsoft.com/v1.0"',
  },
  "submission.tokenProvider": {
    vi: '"msal" (đăng nhập bằng tài khoản Microsoft 365; mặc định) hoặc "page-global" (chỉ dùng khi kiểm thử, không bao giờ triển khai)',
    en: '"msal" (sign-in with a Microsoft 365 account; the default) or "page-global" (automated tests only, never deployed)',
  },
};

/** The keys of the submission block, for a misspelt one. */
const SUBMISSION_KEYS = ["folder", "clientId", "tenant", "graphEndpoint", "tokenProvider"];

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
  const known = Object.keys(EXPECTED)
    .filter((key) => !key.includes("."))
    .join(", ");
  if (issue.code === "unrecognized_keys" && issue.path[0] === "submission") {
    const keys = (issue.keys ?? []).map((key) => `"${key}"`).join(", ");
    const inner = SUBMISSION_KEYS.join(", ");
    return {
      vi: `"${nameKey("submission")}": khóa ${keys} không có (có thể viết sai chính tả); các khóa được dùng: ${inner}`,
      en: `"${nameKey("submission")}": unknown key ${keys} (a misspelling?); the keys are: ${inner}`,
    };
  }
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
  // A key of the submission block is named with its block: "submission.folder".
  const inner = key === "submission" && issue.path.length > 1 ? `submission.${String(issue.path[1])}` : null;
  const name = inner === null ? nameKey(key) : `${nameKey(key)}.${inner.slice("submission.".length)}`;
  const value = valueAt(input, inner === null ? issue.path : issue.path.slice(0, 2));
  const expected = EXPECTED[inner ?? key] ?? { vi: "một giá trị hợp lệ", en: "a valid value" };
  if (value === undefined)
    return { vi: `"${name}": thiếu; cần ${expected.vi}`, en: `"${name}": missing; expected ${expected.en}` };
  const found = show(value);
  return {
    vi: `"${name}": cần ${expected.vi}, tìm thấy ${found}`,
    en: `"${name}": expected ${expected.en}, found ${found}`,
  };
}

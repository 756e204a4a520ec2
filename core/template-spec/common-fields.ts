import { VALUE_BOUNDS } from "../catalogue/bounds";
import type { FieldDraft } from "./layout";
import type { ValueType } from "./types";

/** The current version of every template; an older one is listed in `retiredVersions`. */
export const CURRENT_TEMPLATE_VERSION = "2026.1";
export const RETIRED_TEMPLATE_VERSIONS: readonly string[] = ["2026.0"];

export const SHORT_TEXT: ValueType = { type: "text", maxLength: 255 };
export const LONG_TEXT: ValueType = { type: "text", maxLength: 2000 };
export const COUNT: ValueType = { type: "integer", ...VALUE_BOUNDS.count };

/** Who sends the workbook: the same block opens every submission. */
export const UNIT_FIELDS: readonly FieldDraft[] = [
  {
    key: "unitCode",
    label: { vi: "Mã đơn vị", en: "Unit code" },
    value: { type: "text", maxLength: 20 },
    required: true,
    hint: {
      vi: "Mã do Sở Nội vụ cấp trong danh sách đơn vị, ví dụ: SNV",
      en: "Code given by Sở Nội vụ in the registry, e.g. SNV",
    },
  },
  { key: "unitName", label: { vi: "Tên đơn vị", en: "Unit name" }, value: SHORT_TEXT, required: true },
  {
    key: "unitType",
    label: { vi: "Loại đơn vị", en: "Unit type" },
    value: { type: "enum", catalogue: "unitType" },
    required: true,
    hint: { vi: "Chọn trong danh sách", en: "Pick from the list" },
  },
];

export const SIGNATURE_FIELDS: readonly FieldDraft[] = [
  {
    key: "signer",
    label: { vi: "Người ký", en: "Signed by" },
    value: SHORT_TEXT,
    required: true,
    hint: { vi: "Họ tên, chức vụ người ký văn bản", en: "Name and position of the signatory" },
  },
  {
    key: "contactName",
    label: { vi: "Cán bộ đầu mối", en: "Contact person" },
    value: SHORT_TEXT,
    required: true,
  },
  {
    key: "contactEmail",
    label: { vi: "Thư điện tử đầu mối", en: "Contact e-mail" },
    value: { type: "email" },
    required: true,
    hint: { vi: "Ví dụ: vanthu@hatinh.gov.vn", en: "e.g. vanthu@hatinh.gov.vn" },
  },
  {
    key: "contactPhone",
    label: { vi: "Số điện thoại đầu mối", en: "Contact phone" },
    value: { type: "text", maxLength: 30 },
    required: false,
  },
];

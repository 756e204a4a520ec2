import { layoutTableSheet } from "./layout";
import { CURRENT_TEMPLATE_VERSION, SHORT_TEXT } from "./common-fields";
import type { TemplateSpec } from "./types";

const units = layoutTableSheet(
  {
    name: "Đơn vị",
    title: { vi: "DANH SÁCH ĐƠN VỊ THAM GIA PHONG TRÀO THI ĐUA", en: "Registry of units" },
    instruction: {
      vi: "Sở Nội vụ lập: mỗi dòng một đơn vị phải gửi kế hoạch và báo cáo. Mã đơn vị là duy nhất.",
      en: "Kept by Sở Nội vụ: one row per unit expected to submit. Codes are unique.",
    },
  },
  {
    key: "units",
    label: { vi: "Đơn vị", en: "Units" },
    templateRows: 1000,
    maxRows: 20000,
    columns: [
      {
        key: "code",
        label: { vi: "Mã đơn vị", en: "Unit code" },
        value: { type: "text", maxLength: 20 },
        required: true,
        width: 14,
      },
      {
        key: "name",
        label: { vi: "Tên đơn vị", en: "Unit name" },
        value: SHORT_TEXT,
        required: true,
        width: 48,
      },
      {
        key: "type",
        label: { vi: "Loại đơn vị", en: "Unit type" },
        value: { type: "enum", catalogue: "unitType" },
        required: true,
        width: 36,
      },
      {
        key: "cluster",
        label: { vi: "Cụm, khối thi đua", en: "Emulation cluster or bloc" },
        value: SHORT_TEXT,
        required: true,
        width: 36,
      },
      {
        key: "email",
        label: { vi: "Thư điện tử liên hệ", en: "Contact e-mail" },
        value: { type: "email" },
        required: true,
        width: 34,
      },
    ],
  },
);

/** DS-DV: the registry of units that are expected to submit (danh sách đơn vị). */
export const REGISTRY_SPEC: TemplateSpec = {
  kind: "DS-DV",
  version: CURRENT_TEMPLATE_VERSION,
  retiredVersions: [],
  title: { vi: "Danh sách đơn vị", en: "Registry of units" },
  fileName: "DS-DV_danh-sach-don-vi.xlsx",
  sheets: [units.sheet],
  fields: [],
  tables: [units.table],
};

import { MOVEMENT_YEARS } from "../catalogue/bounds";
import { layoutFieldSheet, layoutTableSheet } from "./layout";
import {
  CURRENT_TEMPLATE_VERSION,
  LONG_TEXT,
  RETIRED_TEMPLATE_VERSIONS,
  SHORT_TEXT,
  SIGNATURE_FIELDS,
  UNIT_FIELDS,
} from "./common-fields";
import type { TemplateSpec } from "./types";

const info = layoutFieldSheet(
  {
    name: "Thông tin",
    title: { vi: "KẾ HOẠCH TRIỂN KHAI PHONG TRÀO THI ĐUA CỦA ĐƠN VỊ", en: "Unit implementation plan" },
    instruction: {
      vi: "Điền vào cột B các ô còn trống; mục có dấu (*) là bắt buộc. Gửi Sở Nội vụ trong thời hạn 15 ngày kể từ ngày có Kế hoạch của UBND tỉnh.",
      en: "Fill in column B; items marked (*) are required. Send to Sở Nội vụ within 15 days of the provincial plan.",
    },
  },
  [
    ...UNIT_FIELDS,
    {
      key: "docNumber",
      label: { vi: "Số kế hoạch", en: "Plan number" },
      value: { type: "docNumber", docTypes: ["KH"] },
      required: true,
      hint: { vi: "Ví dụ: 45/KH-UBND", en: "e.g. 45/KH-UBND" },
    },
    {
      key: "issueDate",
      label: { vi: "Ngày ban hành", en: "Issue date" },
      value: { type: "date" },
      required: true,
      hint: { vi: "Định dạng ngày/tháng/năm, ví dụ: 20/05/2026", en: "dd/mm/yyyy, e.g. 20/05/2026" },
    },
    ...SIGNATURE_FIELDS,
  ],
);

const tasks = layoutTableSheet(
  {
    name: "Nhiệm vụ",
    title: { vi: "NHIỆM VỤ TRIỂN KHAI", en: "Tasks" },
    instruction: {
      vi: `Mỗi dòng một nhiệm vụ; chọn nội dung thi đua (ND1–ND7) trong danh sách; thời hạn trong thời gian thực hiện phong trào (${MOVEMENT_YEARS.first}–${MOVEMENT_YEARS.last}).`,
      en: `One task per row; pick the content (ND1–ND7); deadlines within the movement (${MOVEMENT_YEARS.first}–${MOVEMENT_YEARS.last}).`,
    },
  },
  {
    key: "tasks",
    label: { vi: "Nhiệm vụ", en: "Tasks" },
    templateRows: 300,
    maxRows: 5000,
    columns: [
      {
        key: "content",
        label: { vi: "Nội dung thi đua", en: "Content" },
        value: { type: "enum", catalogue: "content" },
        required: true,
        width: 36,
      },
      { key: "task", label: { vi: "Nhiệm vụ", en: "Task" }, value: LONG_TEXT, required: true, width: 48 },
      {
        key: "target",
        label: { vi: "Chỉ tiêu, chỉ số cần đạt", en: "Target or indicator" },
        value: SHORT_TEXT,
        required: false,
        width: 30,
      },
      {
        key: "lead",
        label: { vi: "Đơn vị chủ trì", en: "Lead" },
        value: SHORT_TEXT,
        required: true,
        width: 24,
      },
      {
        key: "deadline",
        label: { vi: "Thời hạn hoàn thành", en: "Deadline" },
        value: { type: "date" },
        required: true,
        width: 16,
      },
      {
        key: "expectedResult",
        label: { vi: "Kết quả dự kiến", en: "Expected result" },
        value: LONG_TEXT,
        required: false,
        width: 36,
      },
    ],
  },
);

const criteria = layoutTableSheet(
  {
    name: "Tiêu chí",
    title: { vi: "TIÊU CHÍ THI ĐUA CỦA ĐƠN VỊ", en: "The unit's criteria" },
    instruction: {
      vi: "Mỗi tiêu chí của đơn vị gắn với một tiêu chí của tỉnh dành cho loại đơn vị của mình (CQ1–CQ5, MT1–MT2 hoặc DN1–DN5).",
      en: "Map each of the unit's criteria to a provincial criterion of its own type (CQ1–CQ5, MT1–MT2 or DN1–DN5).",
    },
  },
  {
    key: "criteria",
    label: { vi: "Tiêu chí", en: "Criteria" },
    templateRows: 50,
    maxRows: 500,
    columns: [
      {
        key: "ownCriterion",
        label: { vi: "Tiêu chí của đơn vị", en: "The unit's criterion" },
        value: LONG_TEXT,
        required: true,
        width: 56,
      },
      {
        key: "provincialCriterion",
        label: { vi: "Tiêu chí của tỉnh", en: "Provincial criterion" },
        value: { type: "enum", catalogue: "criterion" },
        required: true,
        width: 44,
      },
      { key: "note", label: { vi: "Ghi chú", en: "Note" }, value: SHORT_TEXT, required: false, width: 30 },
    ],
  },
);

/** KH: the unit's implementation plan (kế hoạch triển khai của đơn vị). */
export const KH_SPEC: TemplateSpec = {
  kind: "KH",
  version: CURRENT_TEMPLATE_VERSION,
  retiredVersions: RETIRED_TEMPLATE_VERSIONS,
  title: { vi: "Kế hoạch triển khai Phong trào thi đua của đơn vị", en: "Unit implementation plan" },
  fileName: "KH_ke-hoach-trien-khai.xlsx",
  sheets: [info.sheet, tasks.sheet, criteria.sheet],
  fields: info.fields,
  tables: [tasks.table, criteria.table],
  keyedRows: [info.keyedRows],
};

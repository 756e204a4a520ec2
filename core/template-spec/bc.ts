import { MOVEMENT_YEARS, VALUE_BOUNDS } from "../catalogue/bounds";
import { CONTENTS } from "../catalogue/contents";
import { INDICATORS } from "../catalogue/indicators";
import { layoutFieldSheet, layoutFixedRowSheet, layoutTableSheet } from "./layout";
import {
  COUNT,
  CURRENT_TEMPLATE_VERSION,
  LONG_TEXT,
  RETIRED_TEMPLATE_VERSIONS,
  SIGNATURE_FIELDS,
  UNIT_FIELDS,
} from "./common-fields";
import type { TemplateSpec } from "./types";

/** Field key of an indicator's value. */
export function indicatorFieldKey(indicatorCode: string): string {
  return `indicator:${indicatorCode}`;
}

const info = layoutFieldSheet(
  {
    name: "Thông tin",
    title: { vi: "BÁO CÁO TÌNH HÌNH THỰC HIỆN PHONG TRÀO THI ĐUA", en: "Yearly report" },
    instruction: {
      vi: "Điền vào cột B; mục có dấu (*) là bắt buộc. Gửi Sở Nội vụ trước ngày 15/11 hằng năm.",
      en: "Fill in column B; items marked (*) are required. Send to Sở Nội vụ before 15 November each year.",
    },
  },
  [
    ...UNIT_FIELDS,
    {
      key: "reportYear",
      label: { vi: "Năm báo cáo", en: "Report year" },
      value: { type: "year", min: MOVEMENT_YEARS.first, max: MOVEMENT_YEARS.last },
      required: true,
      hint: { vi: "Ví dụ: 2026", en: "e.g. 2026" },
    },
    {
      key: "docNumber",
      label: { vi: "Số báo cáo", en: "Report number" },
      value: { type: "docNumber", docTypes: ["BC"] },
      required: true,
      hint: { vi: "Ví dụ: 120/BC-UBND", en: "e.g. 120/BC-UBND" },
    },
    {
      key: "reportDate",
      label: { vi: "Ngày báo cáo", en: "Report date" },
      value: { type: "date" },
      required: true,
      hint: { vi: "Định dạng ngày/tháng/năm, ví dụ: 05/11/2026", en: "dd/mm/yyyy, e.g. 05/11/2026" },
    },
    ...SIGNATURE_FIELDS,
  ],
);

const indicators = layoutFixedRowSheet(
  {
    name: "Chỉ tiêu",
    title: { vi: "KẾT QUẢ CÁC CHỈ TIÊU", en: "Indicators" },
    instruction: {
      vi: `Điền số liệu của năm báo cáo vào cột E: số lượng là số nguyên không âm; tỷ lệ (%) từ ${VALUE_BOUNDS.percent.min} đến ${VALUE_BOUNDS.percent.max}.`,
      en: `Enter the year's figures in column E: counts are whole numbers ≥ 0; percentages ${VALUE_BOUNDS.percent.min}–${VALUE_BOUNDS.percent.max}.`,
    },
  },
  [
    { column: "A", text: "Mã chỉ tiêu", width: 26 },
    { column: "B", text: "Nội dung", width: 12 },
    { column: "C", text: "Chỉ tiêu", width: 60 },
    { column: "D", text: "Đơn vị tính", width: 14 },
    { column: "E", text: "Kết quả", width: 14 },
  ],
  INDICATORS.map((indicator) => ({
    describing: [indicator.code, indicator.content ?? "Chung", indicator.vi, indicator.unitVi],
    field: {
      key: indicatorFieldKey(indicator.code),
      label: { vi: indicator.vi, en: indicator.en },
      value: indicator.measure === "percent" ? { type: "percent" } : COUNT,
      required: false,
    },
  })),
);

const activities = layoutTableSheet(
  {
    name: "Hoạt động",
    title: { vi: "HOẠT ĐỘNG VÀ KẾT QUẢ THEO NỘI DUNG THI ĐUA", en: "Activities and results by content" },
    instruction: {
      vi: `Mỗi dòng một hoạt động; chọn nội dung thi đua (${CONTENTS[0]?.code}–${CONTENTS[CONTENTS.length - 1]?.code}).`,
      en: "One activity per row; pick its content area.",
    },
  },
  {
    key: "activities",
    label: { vi: "Hoạt động", en: "Activities" },
    templateRows: 200,
    maxRows: 5000,
    columns: [
      {
        key: "content",
        label: { vi: "Nội dung thi đua", en: "Content" },
        value: { type: "enum", catalogue: "content" },
        required: true,
        width: 36,
      },
      {
        key: "activity",
        label: { vi: "Hoạt động đã triển khai", en: "Activity" },
        value: LONG_TEXT,
        required: true,
        width: 56,
      },
      {
        key: "result",
        label: { vi: "Kết quả đạt được", en: "Result" },
        value: LONG_TEXT,
        required: false,
        width: 56,
      },
    ],
  },
);

/** BC: the yearly report (báo cáo tình hình thực hiện). */
export const BC_SPEC: TemplateSpec = {
  kind: "BC",
  version: CURRENT_TEMPLATE_VERSION,
  retiredVersions: RETIRED_TEMPLATE_VERSIONS,
  title: { vi: "Báo cáo tình hình thực hiện Phong trào thi đua", en: "Yearly report" },
  fileName: "BC_bao-cao-nam.xlsx",
  sheets: [info.sheet, indicators.sheet, activities.sheet],
  fields: [...info.fields, ...indicators.fields],
  tables: [activities.table],
  keyedRows: [info.keyedRows, indicators.keyedRows],
};

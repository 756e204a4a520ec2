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
    title: { vi: "ĐỀ NGHỊ KHEN THƯỞNG PHONG TRÀO THI ĐUA", en: "Award nominations" },
    instruction: {
      vi: "Mỗi tệp là đề nghị của một đơn vị cho một đợt khen thưởng. Điền vào cột B; mục có dấu (*) là bắt buộc.",
      en: "One file per unit and round. Fill in column B; items marked (*) are required.",
    },
  },
  [
    ...UNIT_FIELDS,
    {
      key: "round",
      label: { vi: "Đợt khen thưởng", en: "Round" },
      value: { type: "enum", catalogue: "round" },
      required: true,
      hint: {
        vi: "Hằng năm, sơ kết 2027 hoặc tổng kết 2030",
        en: "Annual, preliminary review 2027 or final review 2030",
      },
    },
    {
      key: "docNumber",
      label: { vi: "Số tờ trình", en: "Submission number" },
      value: { type: "docNumber", docTypes: ["TTr", "CV", "QĐ"] },
      required: true,
      hint: { vi: "Ví dụ: 15/TTr-UBND", en: "e.g. 15/TTr-UBND" },
    },
    {
      key: "docDate",
      label: { vi: "Ngày tờ trình", en: "Submission date" },
      value: { type: "date" },
      required: true,
    },
    ...SIGNATURE_FIELDS,
  ],
);

const nominations = layoutTableSheet(
  {
    name: "Đề nghị",
    title: { vi: "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", en: "Nominations" },
    instruction: {
      vi: 'Mỗi dòng một tập thể hoặc cá nhân. Cá nhân phải chọn nhóm; nhóm "Đối tượng khác" phải ghi văn bản công nhận của cấp có thẩm quyền. Cờ thi đua chỉ dành cho tập thể.',
      en: 'One collective or individual per row. Individuals need a group; "other" individuals need a written recognition. Flags are for collectives only.',
    },
  },
  {
    key: "nominations",
    label: { vi: "Đề nghị khen thưởng", en: "Nominations" },
    templateRows: 200,
    maxRows: 5000,
    columns: [
      {
        key: "nomineeKind",
        label: { vi: "Tập thể / Cá nhân", en: "Collective / individual" },
        value: { type: "enum", catalogue: "nomineeKind" },
        required: true,
        width: 18,
      },
      {
        key: "nomineeName",
        label: { vi: "Tên tập thể, họ tên cá nhân", en: "Name" },
        value: SHORT_TEXT,
        required: true,
        width: 32,
      },
      {
        key: "position",
        label: { vi: "Chức vụ, đơn vị công tác", en: "Position and workplace" },
        value: SHORT_TEXT,
        required: false,
        width: 30,
      },
      {
        key: "individualGroup",
        label: { vi: "Nhóm cá nhân", en: "Individual group" },
        value: { type: "enum", catalogue: "individualGroup" },
        required: false,
        width: 30,
      },
      {
        key: "award",
        label: { vi: "Hình thức khen thưởng", en: "Award" },
        value: { type: "enum", catalogue: "award" },
        required: true,
        width: 36,
      },
      {
        key: "content",
        label: { vi: "Nội dung thi đua", en: "Content" },
        value: { type: "enum", catalogue: "content" },
        required: true,
        width: 36,
      },
      {
        key: "achievement",
        label: { vi: "Tóm tắt thành tích", en: "Summary of achievement" },
        value: LONG_TEXT,
        required: true,
        width: 56,
      },
      {
        key: "evidence",
        label: { vi: "Văn bản công nhận, minh chứng", en: "Written recognition, evidence" },
        value: SHORT_TEXT,
        required: false,
        width: 40,
      },
    ],
  },
);

/** DN-KT: award nominations (đề nghị khen thưởng). */
export const DNKT_SPEC: TemplateSpec = {
  kind: "DN-KT",
  version: CURRENT_TEMPLATE_VERSION,
  retiredVersions: RETIRED_TEMPLATE_VERSIONS,
  title: { vi: "Đề nghị khen thưởng Phong trào thi đua", en: "Award nominations" },
  fileName: "DN-KT_de-nghi-khen-thuong.xlsx",
  sheets: [info.sheet, nominations.sheet],
  fields: info.fields,
  tables: [nominations.table],
  keyedRows: [info.keyedRows],
};

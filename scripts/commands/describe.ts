import {
  describeTemplate,
  labelWithRequiredMark,
  WORKBOOK_SPECS,
  isWorkbookKind,
  type TemplateDescription,
  type Language,
  type LocalizedText,
} from "../../core/index";
import { UsageError } from "../errors";
import type { CommandExit, CommandIo } from "./io";

export function selectDescriptions(kind: string | undefined): TemplateDescription[] {
  if (kind === undefined) return Object.values(WORKBOOK_SPECS).map(describeTemplate);
  const upper = kind.toUpperCase();
  if (!isWorkbookKind(upper))
    throw new UsageError({
      vi: `không có loại biểu mẫu "${kind}" (chọn một trong ${Object.keys(WORKBOOK_SPECS).join(", ")})`,
      en: `unknown template kind "${kind}" (expected one of ${Object.keys(WORKBOOK_SPECS).join(", ")})`,
    });
  return [describeTemplate(WORKBOOK_SPECS[upper])];
}

/** The value types as an officer reads them (`--json` keeps the codes). */
const TYPE_NAMES: Readonly<Record<TemplateDescription["fields"][number]["type"], LocalizedText>> = {
  text: { vi: "chữ", en: "text" },
  integer: { vi: "số nguyên", en: "integer" },
  year: { vi: "năm", en: "year" },
  percent: { vi: "tỷ lệ %", en: "percent" },
  date: { vi: "ngày", en: "date" },
  enum: { vi: "chọn trong danh sách", en: "enum" },
  email: { vi: "thư điện tử", en: "email" },
  docNumber: { vi: "số văn bản", en: "docNumber" },
};

/** One line per field and column: where it is, what it takes. */
export function formatDescriptions(descriptions: readonly TemplateDescription[], language: Language): string {
  const lines: string[] = [];
  for (const description of descriptions) {
    lines.push(
      `${description.kind} ${description.version} — ${description.title[language]} (${description.fileName})`,
    );
    for (const field of description.fields) {
      const values = field.allowedValues
        ? `: ${field.allowedValues.map((value) => value.code).join("|")}`
        : "";
      lines.push(
        `  ${field.sheet}!${field.cell}  ${field.key}  ${labelWithRequiredMark(field.label[language], field.required)}  [${TYPE_NAMES[field.type][language]}${values}]`,
      );
    }
    for (const table of description.tables) {
      lines.push(
        language === "vi"
          ? `  ${table.sheet} — ${table.label.vi}: tiêu đề ở dòng ${table.headerRow}, dữ liệu từ dòng ${table.firstDataRow}`
          : `  ${table.sheet} — ${table.label.en}: headers on row ${table.headerRow}, data from row ${table.firstDataRow}`,
      );
      for (const column of table.columns) {
        const values = column.allowedValues
          ? `: ${column.allowedValues.map((value) => value.code).join("|")}`
          : "";
        lines.push(
          `    ${column.column}  ${column.key}  ${labelWithRequiredMark(column.label[language], column.required)}  [${TYPE_NAMES[column.type][language]}${values}]`,
        );
      }
    }
  }
  return lines.join("\n");
}

/** `thidua describe [kind]`: one template's spec (or all), in words or as JSON. */
export function describeCommand(
  options: { kind: string | undefined; json: boolean; language: Language },
  io: CommandIo,
): CommandExit {
  const descriptions = selectDescriptions(options.kind);
  if (options.json)
    io.stdout.write(
      `${JSON.stringify(options.kind === undefined ? descriptions : descriptions[0], null, 2)}\n`,
    );
  else io.stdout.write(`${formatDescriptions(descriptions, options.language)}\n`);
  return 0;
}

import {
  describeTemplate,
  labelWithRequiredMark,
  WORKBOOK_SPECS,
  isWorkbookKind,
  type TemplateDescription,
  type Language,
} from "../../core/index";
import { UsageError } from "../errors";

export function selectDescriptions(kind: string | undefined): TemplateDescription[] {
  if (kind === undefined) return Object.values(WORKBOOK_SPECS).map(describeTemplate);
  const upper = kind.toUpperCase();
  if (!isWorkbookKind(upper))
    throw new UsageError(
      `unknown template kind "${kind}" (expected one of ${Object.keys(WORKBOOK_SPECS).join(", ")})`,
    );
  return [describeTemplate(WORKBOOK_SPECS[upper])];
}

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
        `  ${field.sheet}!${field.cell}  ${field.key}  ${labelWithRequiredMark(field.label[language], field.required)}  [${field.type}${values}]`,
      );
    }
    for (const table of description.tables) {
      lines.push(
        `  ${table.sheet} — ${table.label[language]}: headers on row ${table.headerRow}, data from row ${table.firstDataRow}`,
      );
      for (const column of table.columns) {
        const values = column.allowedValues
          ? `: ${column.allowedValues.map((value) => value.code).join("|")}`
          : "";
        lines.push(
          `    ${column.column}  ${column.key}  ${labelWithRequiredMark(column.label[language], column.required)}  [${column.type}${values}]`,
        );
      }
    }
  }
  return lines.join("\n");
}

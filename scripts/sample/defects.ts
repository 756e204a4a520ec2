import {
  CRITERIA,
  INDICATORS,
  type ProblemCode,
  BC_SPEC,
  DNKT_SPEC,
  KH_SPEC,
  indicatorFieldKey,
  type TemplateKind,
  type TemplateSpec,
  toA1,
} from "../../core/index";
import type { FillRow, MutableFill } from "./fills";
import { sampleRound, toOption } from "./fills";
import type { ExpectedProblem } from "./manifest";
import type { Random } from "./random";
import { PLACEHOLDER_NAMES } from "./texts";
import type { SampleUnit } from "./units";

/**
 * The ways a sample file is made invalid. Each changes a valid fill and says which errors that
 * must produce and where; every address comes from the spec, never written here.
 */

export interface DefectContext {
  readonly unit: SampleUnit;
  /** The report year being collected. */
  readonly year: number;
  readonly random: Random;
}

export interface Defect {
  readonly id: string;
  readonly kind: TemplateKind;
  /** Whether the defect can be made in a sample of that year (an award outside the round needs a review round). */
  readonly appliesIn?: (year: number) => boolean;
  apply(fill: MutableFill, context: DefectContext): ExpectedProblem[];
}

function error(code: ProblemCode, where: { sheet: string; cell: string }): ExpectedProblem {
  return { code, severity: "error", sheet: where.sheet, cell: where.cell };
}

/** Where a single field of a template is. */
export function locateField(spec: TemplateSpec, key: string): { sheet: string; cell: string } {
  const field = spec.fields.find((candidate) => candidate.key === key);
  if (!field) throw new Error(`${spec.kind} has no field ${key}`);
  return { sheet: field.sheet, cell: field.cell };
}

/** Where a value of a table row is (rowIndex counts from 0, the first data row). */
export function locateTableCell(
  spec: TemplateSpec,
  tableKey: string,
  columnKey: string,
  rowIndex: number,
): { sheet: string; cell: string } {
  const table = spec.tables.find((candidate) => candidate.key === tableKey);
  const column = table?.columns.find((candidate) => candidate.key === columnKey);
  if (!table || !column) throw new Error(`${spec.kind} has no column ${tableKey}.${columnKey}`);
  return { sheet: table.sheet, cell: toA1(column.column, table.firstDataRow + rowIndex) };
}

function rowsOf(fill: MutableFill, tableKey: string): FillRow[] {
  const rows = fill.tables[tableKey];
  if (!rows || rows.length === 0) throw new Error(`the fill has no ${tableKey} rows`);
  return rows;
}

/** A row index of the table, not the first when there are several (a slip is rarely on row one). */
function someRow(rows: readonly FillRow[], random: Random): number {
  return rows.length === 1 ? 0 : random.int(1, rows.length - 1);
}

const KH_DEFECTS: readonly Defect[] = [
  {
    id: "KH_REQUIRED_MISSING",
    kind: "KH",
    apply(fill, { random }) {
      if (random.chance(0.5)) {
        delete fill.fields.signer;
        return [error("REQUIRED_MISSING", locateField(KH_SPEC, "signer"))];
      }
      const tasks = rowsOf(fill, "tasks");
      const index = someRow(tasks, random);
      const row = tasks[index];
      if (row) row.lead = null;
      return [error("REQUIRED_MISSING", locateTableCell(KH_SPEC, "tasks", "lead", index))];
    },
  },
  {
    id: "KH_DATE_IMPOSSIBLE",
    kind: "KH",
    apply(fill, { random }) {
      const tasks = rowsOf(fill, "tasks");
      const index = someRow(tasks, random);
      const row = tasks[index];
      if (row) row.deadline = "31/02/2027";
      return [error("DATE_IMPOSSIBLE", locateTableCell(KH_SPEC, "tasks", "deadline", index))];
    },
  },
  {
    id: "KH_CONTENT_UNKNOWN",
    kind: "KH",
    apply(fill, { random }) {
      const tasks = rowsOf(fill, "tasks");
      const index = someRow(tasks, random);
      const row = tasks[index];
      if (row) row.content = "ND8 - Nội dung khác";
      return [error("ENUM_UNKNOWN", locateTableCell(KH_SPEC, "tasks", "content", index))];
    },
  },
  {
    id: "KH_CRITERION_OTHER_TYPE",
    kind: "KH",
    apply(fill, { unit, random }) {
      const criteria = rowsOf(fill, "criteria");
      const other = random.pick(
        CRITERIA.filter((criterion) => criterion.subject !== unit.type && criterion.subject !== "CN"),
      );
      criteria.push({
        ownCriterion: `Thực hiện tiêu chí "${other.short}"`,
        provincialCriterion: toOption("criterion", other.code),
        note: null,
      });
      return [
        error(
          "KH_CRITERION_OTHER_TYPE",
          locateTableCell(KH_SPEC, "criteria", "provincialCriterion", criteria.length - 1),
        ),
      ];
    },
  },
  {
    id: "KH_DOC_NUMBER_INVALID",
    kind: "KH",
    apply(fill, { unit, random }) {
      const number = random.int(1, 200);
      // The report's type on a plan, or the number written as words: both seen in real files.
      fill.fields.docNumber = random.chance(0.5)
        ? `${number}/BC-${unit.issuer}`
        : `Số ${number} ngày 15 tháng 5`;
      return [error("DOC_NUMBER_INVALID", locateField(KH_SPEC, "docNumber"))];
    },
  },
];

const COUNT_INDICATORS = INDICATORS.filter((indicator) => indicator.measure === "count");
const PERCENT_INDICATORS = INDICATORS.filter((indicator) => indicator.measure === "percent");

const BC_DEFECTS: readonly Defect[] = [
  {
    id: "BC_COUNT_NEGATIVE",
    kind: "BC",
    apply(fill, { random }) {
      const indicator = random.pick(COUNT_INDICATORS);
      fill.fields[indicatorFieldKey(indicator.code)] = -random.int(1, 30);
      return [error("NUMBER_NEGATIVE", locateField(BC_SPEC, indicatorFieldKey(indicator.code)))];
    },
  },
  {
    id: "BC_PERCENT_OVER_100",
    kind: "BC",
    apply(fill, { random }) {
      const indicator = random.pick(PERCENT_INDICATORS);
      fill.fields[indicatorFieldKey(indicator.code)] = 120;
      return [error("PERCENT_OUT_OF_RANGE", locateField(BC_SPEC, indicatorFieldKey(indicator.code)))];
    },
  },
  {
    id: "BC_WRONG_YEAR",
    kind: "BC",
    apply(fill, { year }) {
      // Still a year the template accepts (2026–2030), so that it is the year rule that speaks.
      fill.fields.reportYear = year < 2030 ? year + 1 : year - 1;
      return [error("BC_YEAR_MISMATCH", locateField(BC_SPEC, "reportYear"))];
    },
  },
  {
    id: "BC_REQUIRED_MISSING",
    kind: "BC",
    apply(fill, { random }) {
      const key = random.pick(["unitName", "docNumber", "contactEmail"]);
      delete fill.fields[key];
      return [error("REQUIRED_MISSING", locateField(BC_SPEC, key))];
    },
  },
  {
    id: "BC_DATE_IMPOSSIBLE",
    kind: "BC",
    apply(fill, { year }) {
      fill.fields.reportDate = `31/11/${year}`;
      return [error("DATE_IMPOSSIBLE", locateField(BC_SPEC, "reportDate"))];
    },
  },
];

function individual(fill: MutableFill, random: Random, values: FillRow): number {
  const rows = rowsOf(fill, "nominations");
  rows.push({
    nomineeKind: toOption("nomineeKind", "CANHAN"),
    nomineeName: random.pick(PLACEHOLDER_NAMES),
    content: toOption("content", random.pick(["ND1", "ND3", "ND4", "ND6"])),
    achievement: "Có nhiều đóng góp trong chuyển đổi số, chuyển đổi xanh tại đơn vị",
    ...values,
  });
  return rows.length - 1;
}

const DNKT_DEFECTS: readonly Defect[] = [
  {
    id: "DNKT_AWARD_NOT_IN_ROUND",
    kind: "DN-KT",
    // The yearly round is within each unit's own authority: no award is outside it.
    appliesIn: (year) => sampleRound(year) !== "HANGNAM" && sampleRound(year) !== "TONGKET",
    apply(fill, { random }) {
      const rows = rowsOf(fill, "nominations");
      const index = random.int(0, rows.length - 1);
      const row = rows[index];
      // Huân chương Lao động is for the final review (2030) only.
      if (row) row.award = toOption("award", "HCLD");
      return [error("DNKT_AWARD_NOT_IN_ROUND", locateTableCell(DNKT_SPEC, "nominations", "award", index))];
    },
  },
  {
    id: "DNKT_FLAG_FOR_INDIVIDUAL",
    kind: "DN-KT",
    apply(fill, { unit, year, random }) {
      const index = individual(fill, random, {
        position: `Trưởng phòng, ${unit.name}`,
        individualGroup: toOption("individualGroup", unit.type === "DN" ? "DNH" : "CBCCVC"),
        award: toOption("award", "CTDT"),
      });
      const where = locateTableCell(DNKT_SPEC, "nominations", "award", index);
      // A provincial flag: for collectives only, and only in the final review (the yearly round lists none).
      const outsideRound = !["HANGNAM", "TONGKET"].includes(sampleRound(year));
      return [
        ...(outsideRound ? [error("DNKT_AWARD_NOT_IN_ROUND", where)] : []),
        error("DNKT_FLAG_FOR_INDIVIDUAL", where),
      ];
    },
  },
  {
    id: "DNKT_KHAC_WITHOUT_EVIDENCE",
    kind: "DN-KT",
    apply(fill, { random }) {
      const index = individual(fill, random, {
        position: "Kỹ sư, tổ hợp tác sản xuất",
        individualGroup: toOption("individualGroup", "KHAC"),
        award: toOption("award", "BKCT"),
      });
      return [
        error("DNKT_KHAC_NEEDS_EVIDENCE", locateTableCell(DNKT_SPEC, "nominations", "evidence", index)),
      ];
    },
  },
  {
    id: "DNKT_GROUP_MISSING",
    kind: "DN-KT",
    apply(fill, { unit, random }) {
      const index = individual(fill, random, {
        position: `Chuyên viên, ${unit.name}`,
        award: toOption("award", "GK"),
      });
      return [
        error("DNKT_GROUP_REQUIRED", locateTableCell(DNKT_SPEC, "nominations", "individualGroup", index)),
      ];
    },
  },
  {
    id: "DNKT_ACHIEVEMENT_MISSING",
    kind: "DN-KT",
    apply(fill, { random }) {
      const rows = rowsOf(fill, "nominations");
      const index = random.int(0, rows.length - 1);
      const row = rows[index];
      if (row) row.achievement = null;
      return [error("REQUIRED_MISSING", locateTableCell(DNKT_SPEC, "nominations", "achievement", index))];
    },
  },
];

export const DEFECTS: Readonly<Record<TemplateKind, readonly Defect[]>> = {
  KH: KH_DEFECTS,
  BC: BC_DEFECTS,
  "DN-KT": DNKT_DEFECTS,
};

/** The defects a sample of that year can carry. */
export function applicableDefects(kind: TemplateKind, year: number): readonly Defect[] {
  return DEFECTS[kind].filter((defect) => defect.appliesIn?.(year) ?? true);
}

export function findDefect(id: string): Defect {
  const defect = Object.values(DEFECTS)
    .flat()
    .find((candidate) => candidate.id === id);
  if (!defect) throw new Error(`no defect ${id}`);
  return defect;
}

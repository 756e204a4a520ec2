import type { CellValue } from "../../core/snapshot";
import { resolveEnumValue } from "../../core/template-spec/index";
import type { ValueType } from "../../core/template-spec/types";
import { columnLetterToNumber, columnNumberToLetter, isCellInRange, parseA1 } from "../../core/values/a1";
import { excelSerialToIsoDate, isValidCalendarDate } from "../../core/values/calendar";
import { readNumberText } from "../../core/values/parse-number";
import { parseCellValue } from "../../core/values/parse-value";

const COUNT: ValueType = { type: "integer", min: 0, max: 10_000_000 };
const PERCENT: ValueType = { type: "percent" };
const DATE: ValueType = { type: "date" };

const s = (v: string): CellValue => ({ t: "s", v });
const n = (v: number): CellValue => ({ t: "n", v });

describe('numbers typed as text, by the Vietnamese convention ("." groups thousands, "," marks decimals)', () => {
  it.each([
    ["1.234", 1234],
    ["1.234.567", 1_234_567],
    ["1.234,5", 1234.5],
    ["1,5", 1.5],
    ["1,234", 1.234],
    ["12,5", 12.5],
    ["12.5", 12.5],
    ["0.75", 0.75],
    ["1 234", 1234],
    ["1\u00a0234", 1234],
    [" 7 ", 7],
    ["-3", -3],
    ["+3", 3],
  ])("%j reads as %d", (text, value) => {
    expect(readNumberText(text)).toEqual({ kind: "number", value, percentSign: false });
  });

  it.each([["1,234.5"], ["1.234.5"], ["1,2,3"], ["1.23.456"], [".5"]])("%j is ambiguous", (text) => {
    expect(readNumberText(text)).toEqual({ kind: "ambiguous" });
  });

  it.each([["khoảng 10"], ["10 người"], [""], ["-"], ["1e3"], ["%"]])("%j is not a number", (text) => {
    expect(readNumberText(text)).toEqual({ kind: "not-a-number" });
  });

  it("keeps a trailing % apart", () => {
    expect(readNumberText("85%")).toEqual({ kind: "number", value: 85, percentSign: true });
    expect(readNumberText("12,5 %")).toEqual({ kind: "number", value: 12.5, percentSign: true });
  });
});

describe("parseCellValue: text fields", () => {
  const TEXT: ValueType = { type: "text", maxLength: 255 };

  it.each([
    ["text, trimmed", s("  Sở Nội vụ "), "Sở Nội vụ"],
    ["a number, as typed", n(100), "100"],
    ["a date, as the officer saw it", { t: "d", v: "2026-12-31" } as CellValue, "31/12/2026"],
    ["a date and time", { t: "d", v: "2026-12-31T17:30:00" } as CellValue, "31/12/2026 17:30"],
  ])("reads %s", (_label, cell, value) => {
    expect(parseCellValue(cell, TEXT, false)).toEqual({ ok: true, value });
  });

  it("refuses TRUE or FALSE: a checkbox or a formula went into the wrong cell", () => {
    expect(parseCellValue({ t: "b", v: true }, TEXT, false)).toEqual({
      ok: false,
      code: "TEXT_EXPECTED",
      params: { found: "TRUE" },
    });
  });
});

describe("parseCellValue: counts", () => {
  it.each([
    [n(12), 12],
    [s("1.234"), 1234],
    [s("0"), 0],
    [n(10_000_000), 10_000_000],
  ])("%j is %d", (cell, value) => {
    expect(parseCellValue(cell, COUNT, false)).toEqual({ ok: true, value });
  });

  it.each([
    [s("1,5"), "INTEGER_EXPECTED"],
    [n(2.5), "INTEGER_EXPECTED"],
    [n(-1), "NUMBER_NEGATIVE"],
    [s("-3"), "NUMBER_NEGATIVE"],
    [n(10_000_001), "NUMBER_TOO_LARGE"],
    [s("1,234.5"), "NUMBER_AMBIGUOUS"],
    [s("mười"), "NUMBER_EXPECTED"],
    [{ t: "b", v: true }, "NUMBER_EXPECTED"],
    [{ t: "d", v: "2026-05-15" }, "NUMBER_EXPECTED"],
    [{ t: "e", v: "#REF!", formula: true }, "FORMULA_ERROR"],
    [{ t: "z", formula: true }, "FORMULA_NO_RESULT"],
  ] as const)("%j gives %s", (cell, code) => {
    expect(parseCellValue(cell, COUNT, false)).toMatchObject({ ok: false, code });
  });
});

describe("parseCellValue: percentages, 0 to 100", () => {
  it.each([
    [n(87.5), 87.5, "a plain number is the percentage"],
    [{ t: "n", v: 0.85, percent: true }, 85, "a cell formatted % holds the fraction"],
    [{ t: "n", v: 0.125, percent: true }, 12.5, "without floating-point noise"],
    [{ t: "n", v: 1, percent: true }, 100, "100% is allowed"],
    [s("85%"), 85, "text with % means the percentage"],
    [s("12,5"), 12.5, "a Vietnamese decimal"],
    [n(0), 0, "0 is allowed"],
  ])("%j is %d (%s)", (cell, value, _label) => {
    expect(parseCellValue(cell as CellValue, PERCENT, false)).toEqual({ ok: true, value });
  });

  it.each([[n(120)], [s("150%")], [n(-1)], [{ t: "n", v: 1.2, percent: true }]])(
    "%j is out of range",
    (cell) => {
      expect(parseCellValue(cell as CellValue, PERCENT, false)).toMatchObject({
        ok: false,
        code: "PERCENT_OUT_OF_RANGE",
      });
    },
  );
});

describe("parseCellValue: a fraction where a percentage is meant", () => {
  const fraction = (found: number, suggested: number): object => ({
    ok: true,
    value: found,
    notice: { code: "PERCENT_LOOKS_LIKE_FRACTION", params: { found, suggested } },
  });

  it.each([
    [n(0.765), "a General cell"],
    [{ t: "n", v: 0.765, formula: true }, "=G10/H10 left unformatted: its cached result"],
    [s("0,765"), "typed as text, the Vietnamese way"],
  ])("%j is kept as 0.765 and asked about as 76.5 (%s)", (cell, _label) => {
    expect(parseCellValue(cell as CellValue, PERCENT, false)).toEqual(fraction(0.765, 76.5));
  });

  it("suggests the percentage without floating-point noise", () => {
    expect(parseCellValue(n(0.07), PERCENT, false)).toEqual(fraction(0.07, 7));
  });

  it.each([
    [{ t: "n", v: 0.765, percent: true }, 76.5, "formatted %: already a percentage"],
    [{ t: "n", v: 0.005, percent: true }, 0.5, "formatted %, under 1 %"],
    [s("0,5%"), 0.5, "typed with its % sign"],
    [n(0), 0, "0 is a percentage"],
    [n(1), 1, "1 is a percentage"],
    [n(1.5), 1.5, "above 1"],
  ])("%j is %d with no question (%s)", (cell, value, _label) => {
    expect(parseCellValue(cell as CellValue, PERCENT, false)).toEqual({ ok: true, value });
  });

  it("asks nothing of a count", () => {
    expect(parseCellValue(n(0.765), COUNT, false)).toMatchObject({ ok: false, code: "INTEGER_EXPECTED" });
  });
});

describe("parseCellValue: dates", () => {
  it.each([
    [{ t: "d", v: "2026-05-15" }, "2026-05-15", "a date cell"],
    [{ t: "d", v: "2026-05-15T23:30:00" }, "2026-05-15", "a date cell with a time: the day written"],
    [n(46157), "2026-05-15", "an Excel serial number"],
    [n(46157.99), "2026-05-15", "a serial number with a time"],
    [s("15/05/2026"), "2026-05-15", "dd/mm/yyyy"],
    [s("5/5/2026"), "2026-05-05", "d/m/yyyy"],
    [s("15.05.2026"), "2026-05-15", "dd.mm.yyyy"],
    [s("15-05-2026"), "2026-05-15", "dd-mm-yyyy"],
    [s("2026-05-15"), "2026-05-15", "ISO"],
    [s(" 15/05/2026 "), "2026-05-15", "surrounding spaces"],
    [s("29/02/2028"), "2028-02-29", "a leap day"],
  ])("%j is %s (%s)", (cell, value, _label) => {
    expect(parseCellValue(cell as CellValue, DATE, false)).toEqual({ ok: true, value });
  });

  it("reads a serial number in the 1904 system when the workbook uses it", () => {
    expect(parseCellValue(n(44695), DATE, true)).toEqual({ ok: true, value: "2026-05-15" });
    expect(parseCellValue(n(44695), DATE, false)).toEqual({ ok: true, value: "2022-05-14" });
  });

  it("refuses a year typed into a date cell, which Excel shows as a date of 1905, showing what the officer typed", () => {
    expect(parseCellValue(n(2026), DATE, false)).toEqual({
      ok: false,
      code: "DATE_EXPECTED",
      params: { found: 2026, shownAs: null },
    });
    expect(parseCellValue({ t: "d", v: "1905-07-18" }, DATE, false)).toEqual({
      ok: false,
      code: "DATE_EXPECTED",
      params: { found: 2026, shownAs: "18/07/1905" },
    });
    // Serials before the phantom 29/02/1900, and the 1904 system.
    expect(parseCellValue({ t: "d", v: "1900-01-15" }, DATE, false)).toMatchObject({ params: { found: 15 } });
    expect(parseCellValue({ t: "d", v: "1909-07-19" }, DATE, true)).toMatchObject({
      params: { found: 2026 },
    });
  });

  it.each([
    [s("31/02/2026"), "DATE_IMPOSSIBLE"],
    [s("29/02/2026"), "DATE_IMPOSSIBLE"],
    [s("32/01/2026"), "DATE_IMPOSSIBLE"],
    [s("15/13/2026"), "DATE_IMPOSSIBLE"],
    [s("00/05/2026"), "DATE_IMPOSSIBLE"],
    [s("05/2026"), "DATE_EXPECTED"],
    [s("giữa tháng 5"), "DATE_EXPECTED"],
    [s("15/05/26"), "DATE_EXPECTED"],
    [{ t: "b", v: true }, "DATE_EXPECTED"],
    [n(-5), "DATE_EXPECTED"],
    [n(60), "DATE_EXPECTED"],
    [n(2026), "DATE_EXPECTED"],
    [{ t: "d", v: "1905-07-18" }, "DATE_EXPECTED"],
  ] as const)("%j gives %s", (cell, code) => {
    expect(parseCellValue(cell, DATE, false)).toMatchObject({ ok: false, code });
  });
});

describe("Excel serial numbers", () => {
  it.each([
    [1, false, "1900-01-01"],
    [59, false, "1900-02-28"],
    [60, false, null],
    [61, false, "1900-03-01"],
    [46157, false, "2026-05-15"],
    [1, true, "1904-01-02"],
    [44695, true, "2026-05-15"],
    [3_000_000, false, null],
    [Number.NaN, false, null],
  ])("%d (1904: %s) is %s", (serial, date1904, expected) => {
    expect(excelSerialToIsoDate(serial, date1904)).toBe(expected);
  });

  it("knows the calendar", () => {
    expect([
      isValidCalendarDate(2028, 2, 29),
      isValidCalendarDate(2100, 2, 29),
      isValidCalendarDate(2000, 2, 29),
      isValidCalendarDate(2026, 4, 31),
    ]).toEqual([true, false, true, false]);
  });
});

describe("parseCellValue: text, e-mail, document numbers, years", () => {
  it("trims text and counts length after trimming", () => {
    expect(parseCellValue(s("  Sở Nội vụ  "), { type: "text", maxLength: 9 }, false)).toEqual({
      ok: true,
      value: "Sở Nội vụ",
    });
    expect(parseCellValue(s("x".repeat(11)), { type: "text", maxLength: 10 }, false)).toEqual({
      ok: false,
      code: "TEXT_TOO_LONG",
      params: { length: 11, max: 10 },
    });
  });

  it("reads a number in a text field as its digits", () => {
    expect(parseCellValue(n(912345678), { type: "text", maxLength: 30 }, false)).toEqual({
      ok: true,
      value: "912345678",
    });
  });

  it("reads a blank or whitespace-only cell as nothing", () => {
    expect(parseCellValue(undefined, COUNT, false)).toEqual({ ok: true, value: null });
    expect(parseCellValue(s("   "), DATE, false)).toEqual({ ok: true, value: null });
  });

  it.each([
    ["vanthu@hatinh.gov.vn", true],
    [" vanthu@hatinh.gov.vn ", true],
    ["a.b+c@so-noi-vu.hatinh.gov.vn", true],
    ["vanthu@hatinh", false],
    ["vanthu hatinh.gov.vn", false],
    ["a@b.vn; c@d.vn", false],
    ["<a@b.vn>", false],
  ])("e-mail %j valid: %s", (text, valid) => {
    expect(parseCellValue(s(text), { type: "email" }, false).ok).toBe(valid);
  });

  it.each([
    ["45/KH-UBND", ["KH"], true],
    ["12a/KH-SNV", ["KH"], true],
    ["03/KH-UBND.VP", ["KH"], true],
    ["7/KH-SKHCN-VP", ["KH"], true],
    ["45/kh-ubnd", ["KH"], true],
    ["15/QĐ-UBND", ["TTr", "CV", "QĐ"], true],
    ["45/BC-UBND", ["KH"], false],
    ["45/KH", ["KH"], false],
    ["KH-UBND", ["KH"], false],
    ["Số 45/KH-UBND", ["KH"], false],
  ])("document number %j with types %j valid: %s", (text, docTypes, valid) => {
    expect(parseCellValue(s(text), { type: "docNumber", docTypes }, false).ok).toBe(valid);
  });

  it("says which document type was expected, with an example", () => {
    expect(parseCellValue(s("45/BC-UBND"), { type: "docNumber", docTypes: ["KH"] }, false)).toEqual({
      ok: false,
      code: "DOC_NUMBER_INVALID",
      params: { found: "45/BC-UBND", expected: "KH", example: "45/KH-UBND" },
    });
  });

  it.each([
    [n(2026), 2026],
    [s("2030"), 2030],
  ])("year %j", (cell, year) => {
    expect(parseCellValue(cell, { type: "year", min: 2026, max: 2030 }, false)).toEqual({
      ok: true,
      value: year,
    });
  });

  it.each([[n(2025)], [n(2031)], [s("năm 2026")], [n(2026.5)]])("year %j is refused", (cell) => {
    expect(parseCellValue(cell, { type: "year", min: 2026, max: 2030 }, false)).toMatchObject({
      ok: false,
      code: "YEAR_EXPECTED",
      params: { min: 2026, max: 2030 },
    });
  });
});

describe("catalogue values: the code, the dropdown text, or a label", () => {
  it.each([
    ["ND1", "ND1"],
    ["nd1", "ND1"],
    [" ND1 ", "ND1"],
    ["ND1 - Nâng cao nhận thức, đổi mới tư duy", "ND1"],
    ["ND1 – any label after a dash", "ND1"],
    ["ND1: anything", "ND1"],
    ["Hợp tác quốc tế", "ND7"],
    ["hợp tác  quốc tế", "ND7"],
    ["International cooperation", "ND7"],
    ["ND8", null],
    ["ND", null],
    ["", null],
  ])("content %j is %s", (raw, code) => {
    expect(resolveEnumValue("content", raw)).toBe(code);
  });

  it("reads a decomposed (NFD) Vietnamese label as the composed one", () => {
    expect(resolveEnumValue("unitType", "Doanh nghiệp".normalize("NFD"))).toBe("DN");
  });

  it("keeps individual criteria (CN*) out of the units' criteria list", () => {
    expect(resolveEnumValue("criterion", "CQ1")).toBe("CQ1");
    expect(resolveEnumValue("criterion", "CN1")).toBeNull();
  });
});

describe("A1 addresses", () => {
  it.each([
    ["B12", { column: "B", columnNumber: 2, row: 12 }],
    ["$B$12", { column: "B", columnNumber: 2, row: 12 }],
    ["b12", { column: "B", columnNumber: 2, row: 12 }],
    ["AA1", { column: "AA", columnNumber: 27, row: 1 }],
    ["XFD1048576", { column: "XFD", columnNumber: 16384, row: 1048576 }],
  ])("%s", (address, parts) => {
    expect(parseA1(address)).toEqual(parts);
  });

  it.each([[""], ["12"], ["B"], ["ABCD1"], ["B1:C2"], ["B-1"], ["Ă1"], ["B1 "], ["$$B1"]])(
    "%j is not an address",
    (address) => {
      expect(parseA1(address)).toBeNull();
    },
  );

  it("names columns as Excel does", () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnNumberToLetter)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });

  it("round-trips column letters", () => {
    for (const column of [1, 26, 27, 52, 53, 702, 703, 16384])
      expect(columnLetterToNumber(columnNumberToLetter(column))).toBe(column);
  });

  it("knows whether a cell lies in a range, either way round", () => {
    expect([
      isCellInRange("B5", "B4:C5"),
      isCellInRange("D5", "B4:C5"),
      isCellInRange("B4", "C5:B4"),
      isCellInRange("B4", "B4"),
    ]).toEqual([true, false, true, true]);
  });
});

import { classifyFormatCode, excelSerialToDateText } from "../../xlsx-read/index";

/** How a cell's number format makes a number show: a date or time, a percentage, or a number. */

describe("classifyFormatCode", () => {
  it.each([
    ["dd/mm/yyyy", "date"],
    ["DD/MM/YYYY", "date"],
    ["[$-42A]dd/mm/yyyy", "date"],
    ["[$-F800]dddd, mmmm dd, yyyy", "date"],
    ["h:mm AM/PM", "date"],
    ["m/d/yy h:mm", "date"],
    ['[<1]h:mm;d"d" h:mm', "date"],
    ["General", "number"],
    ["0.00E+00", "number"],
    ["@", "number"],
    ['#,##0 "đồng"', "number"],
    ["_-* #,##0\\ _₫_-;\\-* #,##0\\ _₫_-", "number"],
    ["[Red][<0]0.00;0.00", "number"],
    ["[DBNum1]General", "number"],
    ["0%", "percent"],
    ["0.00%", "percent"],
    ["0\\%", "number"],
    ['0"%"', "number"],
    // Elapsed time is a duration (36:00), not a moment.
    ["[h]:mm:ss", "number"],
    ["[h]", "number"],
    ["[mm]:ss", "number"],
    // The first section decides.
    ["0;[Red]dd", "number"],
  ] as const)("%s is a %s", (code, display) => {
    expect(classifyFormatCode(code)).toBe(display);
  });

  it("does not read a code longer than Excel allows (255), whatever it holds", () => {
    expect(classifyFormatCode(`${"[".repeat(30_000)}dd/mm/yyyy`)).toBe("number");
    expect(classifyFormatCode(`${"[".repeat(240)}dd/mm/yyyy`)).toBe("number");
    expect(classifyFormatCode(`${'"x"'.repeat(80)}dd`)).toBe("date");
  });
});

describe("excelSerialToDateText", () => {
  it.each([
    [46157, false, "2026-05-15"],
    [46157.75, false, "2026-05-15T18:00:00"],
    [46157 + 86_399.6 / 86_400, false, "2026-05-16"],
    [0.5, false, "1899-12-30T12:00:00"],
    [0.5, true, "1904-01-01T12:00:00"],
    [44695, true, "2026-05-15"],
    [59, false, "1900-02-28"],
    [61, false, "1900-03-01"],
  ])("%d (1904: %s) shows %s", (serial, date1904, text) => {
    expect(excelSerialToDateText(serial, date1904)).toBe(text);
  });

  it("shows no date where Excel shows none: negative, the phantom 29/02/1900", () => {
    expect(excelSerialToDateText(-1, false)).toBeNull();
    expect(excelSerialToDateText(60, false)).toBeNull();
  });
});

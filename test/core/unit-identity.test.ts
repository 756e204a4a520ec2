import { createRegistry, type RegistryUnit } from "../../core/registry";
import { findUnitByName, judgeUnitName } from "../../core/validate/unit-identity";
import { parseInstant } from "../../core/values/instant";

const unit = (code: string, name: string): RegistryUnit => ({
  code,
  name,
  type: "CQ",
  cluster: "Khối các sở, ban, ngành",
  email: `${code.toLowerCase()}@hatinh.example`,
});
const registry = createRegistry([
  unit("SNV", "Sở Nội vụ"),
  unit("STC", "Sở Tài chính"),
  unit("SKHCN", "Sở Khoa học và Công nghệ"),
  unit("UBND-KA", "UBND huyện Kỳ Anh"),
  unit("UBND-TXKA", "UBND thị xã Kỳ Anh"),
  unit("XA017", "UBND xã Mẫu 017"),
  unit("XA018", "UBND xã Mẫu 018"),
  unit("NONAME", "NONAME"),
]);
const snv = registry.byCode.get("SNV")!;

describe("a unit name compared with the registry's name for its code", () => {
  it.each([
    ["Sở Nội vụ", "the same name"],
    ["  SỞ NỘI VỤ ", "case and spaces"],
    ["So Noi vu", "typed without marks"],
    ["Sở Nội vụ tỉnh Hà Tĩnh", "the registry's name inside a longer one"],
    ["Nội vụ", "a shorter one inside the registry's, with a word of its own"],
    ["Sở  Nội-vụ.", "punctuation"],
    ["So\u0300 No\u0323i vu\u0323", "decomposed (NFD) marks"],
  ])("matches %j (%s)", (name) => {
    expect(judgeUnitName(name, snv, registry)).toEqual({ verdict: "match" });
  });

  it.each(["Sở KHCN", "Sở KH&CN", "SỞ KH và CN", "So Khoa hoc va Cong nghe"])(
    "matches the abbreviation %j of Sở Khoa học và Công nghệ",
    (name) => {
      expect(judgeUnitName(name, registry.byCode.get("SKHCN")!, registry)).toEqual({ verdict: "match" });
    },
  );

  it("names the unit a copied file's name belongs to", () => {
    expect(judgeUnitName("Sở Tài chính", snv, registry)).toEqual({
      verdict: "conflict",
      pointsTo: registry.byCode.get("STC"),
    });
    expect(judgeUnitName("Ủy ban nhân dân thị xã Kỳ Anh", registry.byCode.get("UBND-KA")!, registry)).toEqual(
      {
        verdict: "conflict",
        pointsTo: registry.byCode.get("UBND-TXKA"),
      },
    );
    // Numbered sample units differ by one number only: still another unit.
    expect(judgeUnitName("UBND xã Mẫu 018", registry.byCode.get("XA017")!, registry)).toEqual({
      verdict: "conflict",
      pointsTo: registry.byCode.get("XA018"),
    });
  });

  it("is a conflict without a unit to point to when the name shares no word of its own", () => {
    expect(judgeUnitName("Công ty Cổ phần Điện lực", snv, registry)).toEqual({
      verdict: "conflict",
      pointsTo: null,
    });
    // "Sở" alone is generic: it says what kind of body, not which one.
    expect(judgeUnitName("Sở Xây dựng", snv, registry)).toEqual({ verdict: "conflict", pointsTo: null });
  });

  it("only warns when the name shares words but neither contains the other", () => {
    expect(judgeUnitName("Phòng Nội vụ", snv, registry)).toEqual({ verdict: "differs" });
  });

  it("does not compare against a registry row that has no name", () => {
    expect(judgeUnitName("Anything at all", registry.byCode.get("NONAME")!, registry)).toEqual({
      verdict: "match",
    });
  });

  it("finds a unit by its name, and no unit when several contain it", () => {
    expect(findUnitByName("so tai chinh", registry)?.code).toBe("STC");
    expect(findUnitByName("Kỳ Anh", registry)).toBeNull();
  });
});

describe("--as-of: a real date, optionally with a time; Vietnam time unless an offset is given", () => {
  it.each([
    ["2026-11-25T12:00", "2026-11-25T05:00:00.000Z"],
    ["2026-11-25T12:00:30", "2026-11-25T05:00:30.000Z"],
    ["2026-11-25 12:00", "2026-11-25T05:00:00.000Z"],
    ["2026-11-25T12:00:00+07:00", "2026-11-25T05:00:00.000Z"],
    ["2026-11-25T05:00:00Z", "2026-11-25T05:00:00.000Z"],
    ["2026-11-25", "2026-11-25T16:59:59.000Z"],
    ["2028-02-29", "2028-02-29T16:59:59.000Z"],
  ])("reads %s as %s", (text, iso) => {
    expect(new Date(parseInstant(text)!).toISOString()).toBe(iso);
  });

  it.each([
    "2026-11-31T10:00",
    "2026-02-30",
    "2026",
    "2026-11",
    "2027-02-29",
    "2026-11-25T24:00",
    "2026-11-25T12:60",
    "25/11/2026",
    "",
  ])("refuses %j", (text) => {
    expect(parseInstant(text)).toBeNull();
  });
});

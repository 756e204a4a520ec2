import { configFileSchema, resolveConfig } from "../../core/index";
import { isStaffEmail } from "../../scripts/graph/drive-fetch";

describe("staffAccounts in thidua.config.json", () => {
  it("takes e-mail addresses and @domain entries, lower-cased, and is absent when not set", () => {
    const file = configFileSchema.parse({ staffAccounts: ["B@SNV.hatinh.gov.vn", "@snv.hatinh.gov.vn"] });
    expect(resolveConfig(file, {}, Date.parse("2026-11-01")).staffAccounts).toEqual([
      "b@snv.hatinh.gov.vn",
      "@snv.hatinh.gov.vn",
    ]);
    expect(resolveConfig({}, {}, Date.parse("2026-11-01")).staffAccounts).toBeUndefined();
  });

  it("refuses an entry that is neither an address nor @domain", () => {
    expect(configFileSchema.safeParse({ staffAccounts: ["Trần Văn B"] }).success).toBe(false);
  });

  it("matches an address exactly, and a domain by its whole domain only", () => {
    const staff = ["a@snv.hatinh.gov.vn", "@vp.hatinh.gov.vn"];
    expect(isStaffEmail("A@snv.hatinh.gov.vn", staff)).toBe(true);
    expect(isStaffEmail("x@vp.hatinh.gov.vn", staff)).toBe(true);
    expect(isStaffEmail("x@snv.hatinh.gov.vn", staff)).toBe(false);
    expect(isStaffEmail("x@xvp.hatinh.gov.vn", staff)).toBe(false);
    expect(isStaffEmail(null, staff)).toBe(false);
  });
});

import { createProblem, paramsOf } from "../../core/problems";

/** Facts read outside the message catalogues are typed per code: made checked, read back without a string name. */
describe("typed problem params", () => {
  it("reads back the params of a typed code, and nothing from a problem of another code", () => {
    const unreadable = createProblem(
      "FOLDER_UNREADABLE",
      "error",
      {},
      { folder: "BC/cum-3", reason: "EACCES" },
    );
    expect(paramsOf(unreadable, "FOLDER_UNREADABLE")?.folder).toBe("BC/cum-3");
    expect(paramsOf(unreadable, "UNIT_NAME_CONFLICT")).toBeNull();
  });

  it("refuses, at compile time, a typed code made without its facts", () => {
    // @ts-expect-error FOLDER_UNREADABLE needs its folder and reason (npm run typecheck fails if this compiles).
    const incomplete = createProblem("FOLDER_UNREADABLE", "error", {}, { folder: "x" });
    expect(incomplete.params).toEqual({ folder: "x" });
  });
});

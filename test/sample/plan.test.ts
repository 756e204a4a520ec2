import { FILE_OUTCOMES, UNIT_STATUSES } from "../../core/consolidate/types";
import { DEFECTS, applicableDefects } from "../../scripts/sample/defects";
import { planSample } from "../../scripts/sample/plan";
import { createRandom, deriveRandom } from "../../scripts/sample/random";
import { buildSampleUnits, splitByType } from "../../scripts/sample/units";

/** The plan alone (no file written): sizes, coverage, determinism. */

describe("sample plan", () => {
  it("draws the same numbers from the same seed (mulberry32), and others from a derived seed", () => {
    const first = createRandom(1);
    const again = createRandom(1);
    const numbers = [first.next(), first.next(), first.next()];
    expect([again.next(), again.next(), again.next()]).toEqual(numbers);
    expect(numbers.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(deriveRandom(1, "file", "KH", "SNV").next()).not.toBe(deriveRandom(1, "file", "BC", "SNV").next());
  });

  it("mixes unit types about 45% CQ, 15% MT, 40% DN with unique short codes and fictitious communes and enterprises", () => {
    expect(splitByType(1000)).toEqual({ CQ: 450, MT: 150, DN: 400 });
    const units = buildSampleUnits(1000);
    expect(new Set(units.map((unit) => unit.code)).size).toBe(1000);
    expect(units.every((unit) => unit.code.length <= 8 && /^[A-Z0-9]+$/.test(unit.code))).toBe(true);
    expect(units.slice(0, 3).map((unit) => unit.name)).toEqual([
      "Sở Nội vụ",
      "Sở Khoa học và Công nghệ",
      "Sở Nông nghiệp và Môi trường",
    ]);
    const clusters = new Set(units.map((unit) => unit.cluster));
    expect(clusters).toEqual(
      new Set([
        "Khối các sở, ban, ngành",
        "Khối Mặt trận, đoàn thể",
        "Khối doanh nghiệp",
        ...[1, 2, 3, 4, 5, 6].map((index) => `Cụm thi đua số ${index} (xã, phường)`),
      ]),
    );
    for (const unit of units.filter((candidate) =>
      ["commune", "ward", "communeFront", "enterprise"].includes(candidate.role),
    )) {
      expect(unit.name).toMatch(/Mẫu/);
    }
    expect(units.every((unit) => unit.email.endsWith(".example"))).toBe(true);
  });

  it("shows every outcome, every status of each kind and every defect from 20 units up", () => {
    for (const units of [20, 21, 33, 57]) {
      const { manifest } = planSample({ units, seed: 7, year: 2026 });
      expect(FILE_OUTCOMES.filter((outcome) => manifest.counts.outcomes[outcome] === 0)).toEqual([]);
      // The sample's as-of (25/11) is past every deadline of its year: nothing is "not yet due".
      for (const kind of ["KH", "BC"])
        expect(
          UNIT_STATUSES.filter(
            (status) => status !== "not_due" && manifest.counts.statuses[kind]?.[status] === 0,
          ),
        ).toEqual([]);
      const defects = new Set(manifest.files.map((file) => file.defect));
      expect(
        (["KH", "BC", "DN-KT"] as const)
          .flatMap((kind) => applicableDefects(kind, 2026))
          .map((defect) => defect.id)
          .filter((id) => !defects.has(id)),
      ).toEqual([]);
    }
  });

  it("makes an award outside the round only where the year has a review round (sơ kết 2027), every defect then", () => {
    expect(applicableDefects("DN-KT", 2026).map((defect) => defect.id)).not.toContain(
      "DNKT_AWARD_NOT_IN_ROUND",
    );
    const { manifest } = planSample({ units: 20, seed: 7, year: 2027 });
    const defects = new Set(manifest.files.map((file) => file.defect));
    expect(
      Object.values(DEFECTS)
        .flat()
        .map((defect) => defect.id)
        .filter((id) => !defects.has(id)),
    ).toEqual([]);
  });

  it("has units nominate at the share asked: every unit at 1, none beyond the required cases at 0", () => {
    const nominatingUnits = (share: number): number =>
      new Set(
        planSample({ units: 200, seed: 3, year: 2026, nominatingShare: share })
          .manifest.files.filter((file) => file.kind === "DN-KT")
          .map((file) => file.unit),
      ).size;

    expect(nominatingUnits(1)).toBe(200);
    expect(nominatingUnits(0)).toBeLessThan(10);
    expect(nominatingUnits(0.22)).toBeGreaterThan(30);
    expect(nominatingUnits(0.22)).toBeLessThan(70);
  });

  it("still plans a province of one to nineteen units", () => {
    for (let units = 1; units < 20; units += 1) {
      const plan = planSample({ units, seed: 1, year: 2026 });
      expect(plan.units).toHaveLength(units);
      expect(plan.manifest.units).toHaveLength(units * 2);
    }
  });

  it("is a pure function of units, seed and year", () => {
    const plan = planSample({ units: 60, seed: 5, year: 2027 });
    expect(planSample({ units: 60, seed: 5, year: 2027 })).toEqual(plan);
    expect(plan.manifest.asOf).toBe("2027-11-25T12:00:00+07:00");
    // Reports of 2027 arrive in November 2027; the unit plans still answer the plan of 05/05/2026.
    const received = (kind: string): string[] =>
      plan.manifest.files.filter((file) => file.kind === kind).map((file) => file.receivedAt.slice(0, 7));
    expect(new Set(received("BC"))).toEqual(new Set(["2027-11"]));
    expect(new Set(received("KH"))).toEqual(new Set(["2026-05", "2026-06"]));
  });

  it("keeps a file's document date on or before its received day, except the post-dated late ones", () => {
    const { jobs, manifest } = planSample({ units: 200, seed: 1, year: 2026 });
    const dateKeys = { KH: "issueDate", BC: "reportDate", "DN-KT": "docDate" } as const;
    for (const entry of manifest.files) {
      const job = jobs.find((candidate) => candidate.path === entry.file);
      if (!job || job.body.type !== "template" || job.body.kind === "DS-DV") continue;
      const date = job.body.fill.fields?.[dateKeys[job.body.kind]];
      if (!(date instanceof Date)) continue;
      const receivedDay = new Date(job.receivedAt + 7 * 3_600_000).toISOString().slice(0, 10);
      const documentDay = date.toISOString().slice(0, 10);
      if (entry.scenario === "late_document_date") expect(documentDay > receivedDay).toBe(true);
      else
        expect({ file: entry.file, ok: documentDay <= receivedDay }).toEqual({ file: entry.file, ok: true });
    }
  });
});

import { type MovementConfig, ENUM_CATALOGUES, KH_SPEC, formatEnumOption } from "../core/index";
import { writeTemplateBuffer } from "../scripts/xlsx/write-template";
import { FIXTURE_CONFIG } from "../test/fixtures/config";

/** The benches judge in the fixtures' campaign (provincial plan of 05/05/2026, the year 2026). */
export const CONFIG: MovementConfig = FIXTURE_CONFIG;

/** The valid KH plan of `rows` task rows that the benches time (bench/validate.ts, bench/addin.ts). */

export function buildPlan(rows: number): Promise<Buffer> {
  const contents = ENUM_CATALOGUES.content.map(formatEnumOption);
  const criteria = ENUM_CATALOGUES.criterion.filter((entry) => entry.code.startsWith("CQ"));
  return writeTemplateBuffer(KH_SPEC, {
    fill: {
      fields: {
        unitCode: "SKHCN",
        unitName: "Sở Khoa học và Công nghệ",
        unitType: "CQ",
        docNumber: "45/KH-SKHCN",
        issueDate: new Date(Date.UTC(2026, 4, 15)),
        signer: "Nguyễn Văn An, Giám đốc",
        contactName: "Trần Thị Bình",
        contactEmail: "vanthu@hatinh.gov.vn",
      },
      tables: {
        tasks: Array.from({ length: rows }, (_, index) => ({
          content: contents[index % contents.length] ?? "ND1",
          task: `Nhiệm vụ số ${index + 1}: triển khai chuyển đổi số, chuyển đổi xanh tại đơn vị`,
          target: `${(index % 100) + 1}% hồ sơ`,
          lead: `Phòng ${(index % 12) + 1}`,
          deadline: new Date(Date.UTC(2026 + (index % 2), index % 12, (index % 28) + 1)),
          expectedResult: "Hoàn thành đúng hạn",
        })),
        criteria: criteria.map((entry) => ({
          ownCriterion: `Tiêu chí của Sở gắn với ${entry.code}`,
          provincialCriterion: formatEnumOption(entry),
        })),
      },
    },
  });
}

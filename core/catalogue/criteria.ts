import type { CatalogueEntry } from "./types";
import type { UnitTypeCode } from "./unit-types";

export type CriterionCode =
  | "CQ1"
  | "CQ2"
  | "CQ3"
  | "CQ4"
  | "CQ5"
  | "MT1"
  | "MT2"
  | "DN1"
  | "DN2"
  | "DN3"
  | "DN4"
  | "DN5"
  | "CN1"
  | "CN2"
  | "CN3";

/** Whom a criterion applies to: a unit type, or an individual group (CN*). */
export type CriterionSubject = UnitTypeCode | "CN";

export interface Criterion extends CatalogueEntry<CriterionCode> {
  readonly subject: CriterionSubject;
}

/** Provincial criteria (tiêu chí thi đua), plan section III.1, bullets in order. */
export const CRITERIA: readonly Criterion[] = [
  {
    code: "CQ1",
    subject: "CQ",
    short: "Hoàn thành mục tiêu Nghị quyết 57-NQ/TW",
    en: "Meet the goals of Resolution 57-NQ/TW and its action programmes",
    vi: "Phấn đấu hoàn thành có chất lượng, đạt và vượt các mục tiêu cơ bản, nhiệm vụ, giải pháp được nêu tại Nghị quyết số 57-NQ/TW, Nghị quyết số 71/NQ-CP, Quyết định số 462/QĐ-TTg và Chương trình hành động số 42-CTr/TU",
  },
  {
    code: "CQ2",
    subject: "CQ",
    short: "Ban hành, tham mưu cơ chế, chính sách",
    en: "Issue or propose the rules that remove institutional bottlenecks",
    vi: "Kịp thời ban hành hoặc tham mưu, đề xuất cấp có thẩm quyền ban hành đồng bộ các quy định pháp luật về khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số, chuyển đổi xanh và phát triển nguồn nhân lực chất lượng cao; đơn giản hóa tối đa thủ tục hành chính",
  },
  {
    code: "CQ3",
    subject: "CQ",
    short: "Phát triển theo chuỗi giá trị, hạ tầng xanh",
    en: "Value-chain development, technological self-reliance, green infrastructure and lifestyle",
    vi: "Thi đua phát triển đồng bộ công nghiệp - nông nghiệp - dịch vụ theo chuỗi giá trị; nâng cao năng lực tự chủ về công nghệ và chuỗi cung ứng; khai thác và sử dụng tiết kiệm, hiệu quả năng lượng, tài nguyên, phát triển kết cấu hạ tầng xanh, bền vững, xây dựng lối sống xanh",
  },
  {
    code: "CQ4",
    subject: "CQ",
    short: "Chuyển đổi số, chuyển đổi xanh trong hoạt động",
    en: "Digital and green transformation in the unit's own work",
    vi: "Thực hiện có chất lượng, hiệu quả việc chuyển đổi số, ứng dụng khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi xanh trong hoạt động của cơ quan, đơn vị, địa phương góp phần nâng cao hiệu lực, hiệu quả quản lý nhà nước",
  },
  {
    code: "CQ5",
    subject: "CQ",
    short: "Chính sách hỗ trợ doanh nghiệp, thu hút nguồn lực",
    en: "Policies supporting enterprises; attracting investment in S&T and transformation",
    vi: "Tham mưu, đề xuất cấp có thẩm quyền ban hành cơ chế, chính sách ưu đãi, khuyến khích, hỗ trợ doanh nghiệp, nhất là doanh nghiệp vừa và nhỏ đầu tư cho chuyển đổi số, chuyển đổi xanh; thu hút, sử dụng có hiệu quả mọi nguồn lực đầu tư",
  },
  {
    code: "MT1",
    subject: "MT",
    short: "Tuyên truyền, vận động chuyển đổi số, chuyển đổi xanh",
    en: "Practical activities mobilising members and people for digital and green transformation",
    vi: "Tổ chức được các hoạt động cụ thể, thiết thực, hiệu quả, huy động sự tham gia phối hợp trong việc phổ biến, tuyên truyền, vận động đoàn viên, hội viên và Nhân dân thực hiện chuyển đổi số, chuyển đổi xanh",
  },
  {
    code: "MT2",
    subject: "MT",
    short: "Học tập số, Bình dân học vụ số, giám sát, phản biện",
    en: 'Digital learning, "Bình dân học vụ số", green culture, oversight and social criticism',
    vi: "Có sáng kiến, giải pháp triển khai sâu rộng phong trào học tập số, bình dân học vụ số; hình thành văn hóa, lối sống xanh; phát huy vai trò giám sát, phản biện xã hội",
  },
  {
    code: "DN1",
    subject: "DN",
    short: "Tầm nhìn, chiến lược, văn hóa đổi mới",
    en: "Long-term vision and strategy, innovation culture, international cooperation",
    vi: "Xây dựng tầm nhìn, chiến lược lâu dài, bền vững, có cấu trúc kinh doanh chủ động, linh hoạt; văn hóa đổi mới mạnh mẽ; đẩy mạnh hợp tác quốc tế, nghiên cứu, phát triển và đổi mới sáng tạo trong môi trường số",
  },
  {
    code: "DN2",
    subject: "DN",
    short: "Năng lực sáng tạo đột phá, công nghệ số",
    en: "Breakthrough creative capacity, digital technology and automation, skilled workforce",
    vi: "Chuyển từ ứng dụng và làm chủ công nghệ sang xây dựng năng lực sáng tạo đột phá; ứng dụng công nghệ số và tự động hóa, gắn với phát triển nguồn nhân lực chất lượng cao",
  },
  {
    code: "DN3",
    subject: "DN",
    short: "Cải cách mô hình quản lý, sản phẩm đột phá",
    en: "Management reform, new technologies, breakthrough products and services",
    vi: "Cải cách mô hình quản lý, mở rộng năng lực áp dụng các công nghệ mới, số hóa và phát triển các sản phẩm, dịch vụ có tính đột phá",
  },
  {
    code: "DN4",
    subject: "DN",
    short: "Bảo vệ môi trường, kinh tế tuần hoàn",
    en: "Environmental protection, saving materials, lower emissions, circular economy",
    vi: "Chủ động tham gia bảo vệ môi trường, tiết kiệm nguyên - nhiên vật liệu, sử dụng nguyên vật liệu tái tạo, giảm khí nhà kính, vận hành kinh tế tuần hoàn, áp dụng tiêu chuẩn quản lý môi trường",
  },
  {
    code: "DN5",
    subject: "DN",
    short: "Chấp hành pháp luật, trách nhiệm xã hội",
    en: "Law-abiding, internal unity, social responsibility",
    vi: "Chấp hành tốt chủ trương của Đảng, chính sách pháp luật của Nhà nước, nội bộ đoàn kết; thực hiện tốt trách nhiệm xã hội, tham gia tích cực các hoạt động vì cộng đồng",
  },
  {
    code: "CN1",
    subject: "CN",
    short: "Cán bộ, công chức, viên chức",
    en: "Officials: initiatives and creative solutions in policy and procedures",
    vi: "Cán bộ, công chức, viên chức nỗ lực, có sáng kiến, giải pháp sáng tạo trong việc xây dựng, ban hành, tổ chức thực hiện cơ chế, chính sách, thủ tục hành chính",
  },
  {
    code: "CN2",
    subject: "CN",
    short: "Doanh nhân",
    en: "Entrepreneurs: innovation, effective replicable business models, social welfare",
    vi: "Doanh nhân tích cực đổi mới sáng tạo, áp dụng khoa học công nghệ, có mô hình sản xuất kinh doanh hiệu quả, có khả năng nhân rộng, phát triển doanh nghiệp bền vững",
  },
  {
    code: "CN3",
    subject: "CN",
    short: "Đối tượng khác (cần văn bản công nhận)",
    en: "Others: inventions or initiatives recognised in writing by a competent authority",
    vi: "Đối tượng khác có nhiều đóng góp; có phát minh, sáng chế, cải tiến kỹ thuật, sáng kiến (Bằng sáng chế, Giải thưởng khoa học, văn bản công nhận công trình nghiên cứu...) được cấp có thẩm quyền đánh giá, công nhận bằng văn bản",
  },
];

/** The provincial criteria that a unit of the given type maps its own criteria to. */
export function listCriteriaForSubject(subject: CriterionSubject): readonly Criterion[] {
  return CRITERIA.filter((criterion) => criterion.subject === subject);
}

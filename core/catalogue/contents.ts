import type { CatalogueEntry } from "./types";

export type ContentCode = "ND1" | "ND2" | "ND3" | "ND4" | "ND5" | "ND6" | "ND7";

/** The seven contents of the movement (nội dung thi đua), plan section II, in the seed's wording. */
export const CONTENTS: readonly CatalogueEntry<ContentCode>[] = [
  {
    code: "ND1",
    vi: "Thi đua nâng cao nhận thức, đột phá về đổi mới tư duy, phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số, chuyển đổi xanh, đổi mới phương thức lãnh đạo, quản lý và mô hình hoạt động, điều hành từ “truyền thống” sang không gian số dựa trên dữ liệu số",
    short: "Nâng cao nhận thức, đổi mới tư duy",
    en: "Awareness and new thinking; leadership moving to a data-driven digital space",
  },
  {
    code: "ND2",
    vi: "Thi đua tái cấu trúc, xây dựng hạ tầng số thống nhất, ổn định, linh hoạt, ưu tiên áp dụng công nghệ điện toán đám mây, trí tuệ nhân tạo, bảo đảm an toàn thông tin, an ninh mạng; đẩy nhanh chuyển đổi số, chuyển đổi xanh theo từng ngành, lĩnh vực",
    short: "Hạ tầng số, điện toán đám mây, trí tuệ nhân tạo",
    en: "Unified digital infrastructure, cloud, AI, information security, sector transitions",
  },
  {
    code: "ND3",
    vi: "Thi đua đẩy mạnh chuyển đổi số, ứng dụng khoa học, công nghệ, đổi mới sáng tạo trong hoạt động của các cơ quan trong hệ thống chính trị, phát triển chính quyền số, xây dựng, kết nối, khai thác hiệu quả các cơ sở dữ liệu dùng chung; cung cấp dịch vụ công trực tuyến toàn trình, cải cách hành chính",
    short: "Chính quyền số, dịch vụ công trực tuyến, cải cách hành chính",
    en: "Digital government, shared databases, fully online public services, administrative reform",
  },
  {
    code: "ND4",
    vi: "Thi đua chuyển đổi xanh, chống biến đổi khí hậu theo hướng xanh hóa các ngành kinh tế, áp dụng mô hình kinh tế tuần hoàn thông qua khai thác và sử dụng tiết kiệm, hiệu quả tài nguyên thiên nhiên và năng lượng; xanh hóa lối sống và thúc đẩy tiêu dùng bền vững",
    short: "Chuyển đổi xanh, kinh tế tuần hoàn",
    en: "Green transformation, circular economy, saving resources and energy, green lifestyle",
  },
  {
    code: "ND5",
    vi: "Phát triển doanh nghiệp công nghệ số, doanh nghiệp khoa học công nghệ và doanh nghiệp khởi nghiệp sáng tạo; thúc đẩy hoạt động khoa học công nghệ, đổi mới sáng tạo và chuyển đổi số, chuyển đổi xanh trong doanh nghiệp",
    short: "Doanh nghiệp công nghệ số, khởi nghiệp sáng tạo",
    en: "Digital-tech, S&T and innovative start-up enterprises",
  },
  {
    code: "ND6",
    vi: 'Thi đua phát triển kinh tế số, xã hội số, chính quyền số, công dân số gắn với phong trào "Bình dân học vụ số" và các nền tảng số với mục tiêu "3 an": an ninh, an toàn và an dân',
    short: "Kinh tế số, xã hội số, Bình dân học vụ số",
    en: 'Digital economy, society, government and citizens; "Bình dân học vụ số"; the "3 an" goal',
  },
  {
    code: "ND7",
    vi: "Tăng cường hợp tác quốc tế trong phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số, chuyển đổi xanh",
    short: "Hợp tác quốc tế",
    en: "International cooperation",
  },
];

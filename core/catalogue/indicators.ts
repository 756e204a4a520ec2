import type { ContentCode } from "./contents";

export type IndicatorMeasure = "count" | "percent";

export interface Indicator {
  readonly code: string;
  /** The content the indicator reports on; null for the ones every unit reports. */
  readonly content: ContentCode | null;
  readonly vi: string;
  readonly en: string;
  /** Unit of measure shown to the officer (đơn vị tính). */
  readonly unitVi: string;
  readonly unitEn: string;
  readonly measure: IndicatorMeasure;
}

/**
 * Yearly report indicators. The seed names none: these follow its contents and are data the
 * province may change (adding one adds a row to the BC template and a column of totals).
 */
export const INDICATORS: readonly Indicator[] = [
  {
    code: "ND1.SU_KIEN",
    content: "ND1",
    vi: "Số hội nghị, lớp tuyên truyền, tập huấn đã tổ chức",
    en: "Awareness events and training sessions held",
    unitVi: "cuộc",
    unitEn: "events",
    measure: "count",
  },
  {
    code: "ND1.NGUOI_THAM_GIA",
    content: "ND1",
    vi: "Số lượt người tham gia tuyên truyền, tập huấn",
    en: "Participants in awareness events and training",
    unitVi: "lượt người",
    unitEn: "participants",
    measure: "count",
  },
  {
    code: "ND2.HE_THONG_DAM_MAY",
    content: "ND2",
    vi: "Số hệ thống thông tin đưa lên điện toán đám mây",
    en: "Information systems moved to the cloud",
    unitVi: "hệ thống",
    unitEn: "systems",
    measure: "count",
  },
  {
    code: "ND2.UNG_DUNG_AI",
    content: "ND2",
    vi: "Số ứng dụng trí tuệ nhân tạo được triển khai",
    en: "AI applications deployed",
    unitVi: "ứng dụng",
    unitEn: "applications",
    measure: "count",
  },
  {
    code: "ND2.SU_CO_ATTT",
    content: "ND2",
    vi: "Số sự cố an toàn thông tin được xử lý",
    en: "Information security incidents handled",
    unitVi: "sự cố",
    unitEn: "incidents",
    measure: "count",
  },
  {
    code: "ND3.DVC_TOAN_TRINH",
    content: "ND3",
    vi: "Số dịch vụ công trực tuyến toàn trình",
    en: "Fully online public services",
    unitVi: "dịch vụ",
    unitEn: "services",
    measure: "count",
  },
  {
    code: "ND3.TY_LE_HO_SO_TRUC_TUYEN",
    content: "ND3",
    vi: "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến",
    en: "Share of administrative files handled online",
    unitVi: "%",
    unitEn: "%",
    measure: "percent",
  },
  {
    code: "ND3.CSDL_KET_NOI",
    content: "ND3",
    vi: "Số cơ sở dữ liệu dùng chung được kết nối",
    en: "Shared databases connected",
    unitVi: "cơ sở dữ liệu",
    unitEn: "databases",
    measure: "count",
  },
  {
    code: "ND4.MO_HINH_XANH",
    content: "ND4",
    vi: "Số mô hình kinh tế tuần hoàn, sản xuất xanh",
    en: "Circular-economy and green-production models",
    unitVi: "mô hình",
    unitEn: "models",
    measure: "count",
  },
  {
    code: "ND4.TIET_KIEM_NANG_LUONG",
    content: "ND4",
    vi: "Tỷ lệ năng lượng tiết kiệm so với năm trước",
    en: "Energy saved against the previous year",
    unitVi: "%",
    unitEn: "%",
    measure: "percent",
  },
  {
    code: "ND5.DOANH_NGHIEP_MOI",
    content: "ND5",
    vi: "Số doanh nghiệp công nghệ số, khoa học công nghệ, khởi nghiệp sáng tạo thành lập mới",
    en: "New digital-tech, S&T and innovative start-up enterprises",
    unitVi: "doanh nghiệp",
    unitEn: "enterprises",
    measure: "count",
  },
  {
    code: "ND6.BINH_DAN_HOC_VU_SO",
    content: "ND6",
    vi: 'Số người được đào tạo "Bình dân học vụ số"',
    en: 'People trained in "Bình dân học vụ số"',
    unitVi: "người",
    unitEn: "people",
    measure: "count",
  },
  {
    code: "ND6.TY_LE_KY_NANG_SO",
    content: "ND6",
    vi: "Tỷ lệ người dân được hướng dẫn kỹ năng số",
    en: "Share of people guided in digital skills",
    unitVi: "%",
    unitEn: "%",
    measure: "percent",
  },
  {
    code: "ND7.HOP_TAC_QUOC_TE",
    content: "ND7",
    vi: "Số chương trình hợp tác quốc tế",
    en: "International cooperation programmes",
    unitVi: "chương trình",
    unitEn: "programmes",
    measure: "count",
  },
  {
    code: "CHUNG.SANG_KIEN",
    content: null,
    vi: "Số sáng kiến được công nhận",
    en: "Initiatives recognised",
    unitVi: "sáng kiến",
    unitEn: "initiatives",
    measure: "count",
  },
  {
    code: "CHUNG.MO_HINH_NHAN_RONG",
    content: null,
    vi: "Số mô hình, điển hình được nhân rộng",
    en: "Models and examples replicated",
    unitVi: "mô hình",
    unitEn: "models",
    measure: "count",
  },
  {
    code: "CHUNG.TAP_THE_KHEN_THUONG",
    content: null,
    vi: "Số tập thể được khen thưởng theo thẩm quyền",
    en: "Collectives awarded within the unit's authority",
    unitVi: "tập thể",
    unitEn: "collectives",
    measure: "count",
  },
  {
    code: "CHUNG.CA_NHAN_KHEN_THUONG",
    content: null,
    vi: "Số cá nhân được khen thưởng theo thẩm quyền",
    en: "Individuals awarded within the unit's authority",
    unitVi: "cá nhân",
    unitEn: "individuals",
    measure: "count",
  },
];

import { type ContentCode, type CriterionCode, type UnitTypeCode } from "../../core/index";
import type { UnitRole } from "./units";

/**
 * Wording of the sample's content: plausible tasks, activities and achievements per content of
 * the movement, in the words officers use. Data only; the generator picks from it.
 */

export interface TaskText {
  readonly task: string;
  readonly target: string;
  readonly result: string;
}

/** Tasks of a unit plan, per content and per unit type. */
export const TASKS: Readonly<Record<ContentCode, Readonly<Record<UnitTypeCode, readonly TaskText[]>>>> = {
  ND1: {
    CQ: [
      {
        task: "Tổ chức hội nghị quán triệt, phát động Phong trào thi đua trong toàn cơ quan",
        target: "100% cán bộ, công chức được quán triệt",
        result: "Hội nghị phát động được tổ chức",
      },
      {
        task: "Tuyên truyền về đổi mới sáng tạo, chuyển đổi số, chuyển đổi xanh trên cổng thông tin điện tử",
        target: "Ít nhất 12 tin, bài mỗi năm",
        result: "Chuyên mục tuyên truyền được duy trì",
      },
      {
        task: "Điều hành công việc dựa trên dữ liệu số qua hệ thống quản lý văn bản và điều hành",
        target: "100% văn bản được xử lý trên môi trường số",
        result: "Lãnh đạo chỉ đạo, điều hành trên không gian số",
      },
    ],
    MT: [
      {
        task: "Tuyên truyền, vận động đoàn viên, hội viên hưởng ứng Phong trào thi đua",
        target: "90% đoàn viên, hội viên được tuyên truyền",
        result: "Nhận thức của đoàn viên, hội viên được nâng lên",
      },
      {
        task: "Tổ chức diễn đàn về chuyển đổi số, chuyển đổi xanh cho đoàn viên, hội viên",
        target: "Ít nhất 2 diễn đàn mỗi năm",
        result: "Diễn đàn được tổ chức",
      },
    ],
    DN: [
      {
        task: "Quán triệt Phong trào thi đua đến toàn thể người lao động",
        target: "100% người lao động được phổ biến",
        result: "Người lao động hưởng ứng Phong trào",
      },
      {
        task: "Xây dựng văn hóa đổi mới sáng tạo trong doanh nghiệp",
        target: "Ban hành quy chế khuyến khích sáng kiến",
        result: "Quy chế sáng kiến được ban hành",
      },
    ],
  },
  ND2: {
    CQ: [
      {
        task: "Chuyển các hệ thống thông tin của đơn vị lên nền tảng điện toán đám mây của tỉnh",
        target: "Ít nhất 2 hệ thống",
        result: "Hệ thống vận hành ổn định trên đám mây",
      },
      {
        task: "Thử nghiệm trợ lý ảo ứng dụng trí tuệ nhân tạo hỗ trợ xử lý công việc",
        target: "01 ứng dụng được triển khai",
        result: "Trợ lý ảo hỗ trợ cán bộ, công chức",
      },
      {
        task: "Bảo đảm an toàn thông tin theo cấp độ cho các hệ thống thông tin",
        target: "100% hệ thống được phê duyệt cấp độ",
        result: "Không để xảy ra sự cố nghiêm trọng",
      },
    ],
    MT: [
      {
        task: "Số hóa dữ liệu đoàn viên, hội viên trên phần mềm quản lý",
        target: "100% đoàn viên, hội viên có dữ liệu số",
        result: "Cơ sở dữ liệu đoàn viên, hội viên được cập nhật",
      },
    ],
    DN: [
      {
        task: "Đầu tư hạ tầng số, chuyển hệ thống quản trị lên điện toán đám mây",
        target: "Hoàn thành chuyển đổi hệ thống quản trị",
        result: "Hệ thống quản trị vận hành trên đám mây",
      },
      {
        task: "Ứng dụng trí tuệ nhân tạo trong kiểm soát chất lượng sản phẩm",
        target: "01 dây chuyền được ứng dụng",
        result: "Tỷ lệ sản phẩm lỗi giảm",
      },
    ],
  },
  ND3: {
    CQ: [
      {
        task: "Cung cấp dịch vụ công trực tuyến toàn trình cho các thủ tục hành chính đủ điều kiện",
        target: "100% thủ tục đủ điều kiện",
        result: "Người dân, doanh nghiệp nộp hồ sơ trực tuyến",
      },
      {
        task: "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        target: "Ít nhất 80% hồ sơ được số hóa",
        result: "Kho dữ liệu hồ sơ số được hình thành",
      },
      {
        task: "Kết nối, chia sẻ dữ liệu với các cơ sở dữ liệu dùng chung của tỉnh",
        target: "Ít nhất 3 cơ sở dữ liệu được kết nối",
        result: "Dữ liệu được khai thác, dùng chung",
      },
    ],
    MT: [
      {
        task: "Ứng dụng phần mềm tiếp nhận, xử lý ý kiến, kiến nghị của Nhân dân",
        target: "100% kiến nghị được tiếp nhận trên môi trường số",
        result: "Kiến nghị được theo dõi, trả lời kịp thời",
      },
    ],
    DN: [
      {
        task: "Thực hiện thủ tục thuế, hải quan, bảo hiểm xã hội bằng phương thức điện tử",
        target: "100% thủ tục thực hiện trực tuyến",
        result: "Giảm thời gian, chi phí tuân thủ",
      },
    ],
  },
  ND4: {
    CQ: [
      {
        task: "Thực hiện tiết kiệm điện, nước, văn phòng phẩm tại cơ quan",
        target: "Giảm 5% điện năng tiêu thụ so với năm trước",
        result: "Chi phí năng lượng giảm",
      },
      {
        task: "Xây dựng mô hình kinh tế tuần hoàn, sản xuất nông nghiệp xanh trên địa bàn",
        target: "Ít nhất 1 mô hình mỗi năm",
        result: "Mô hình được nhân rộng",
      },
      {
        task: "Phát động phong trào chống rác thải nhựa, phân loại rác tại nguồn",
        target: "100% cơ quan, trường học hưởng ứng",
        result: "Lượng rác thải nhựa giảm",
      },
    ],
    MT: [
      {
        task: "Vận động hội viên xây dựng mô hình sản xuất xanh, tiêu dùng bền vững",
        target: "Ít nhất 2 mô hình",
        result: "Lối sống xanh lan tỏa trong hội viên",
      },
      {
        task: "Phát động phong trào trồng cây xanh, chống rác thải nhựa",
        target: "Trồng 1.000 cây xanh",
        result: "Cảnh quan môi trường được cải thiện",
      },
    ],
    DN: [
      {
        task: "Áp dụng tiêu chuẩn quản lý môi trường, sử dụng năng lượng tái tạo",
        target: "Lắp đặt điện mặt trời áp mái",
        result: "Giảm phát thải khí nhà kính",
      },
      {
        task: "Tái sử dụng phế phẩm trong sản xuất theo mô hình kinh tế tuần hoàn",
        target: "Tái sử dụng 30% phế phẩm",
        result: "Giảm chi phí nguyên vật liệu",
      },
    ],
  },
  ND5: {
    CQ: [
      {
        task: "Hỗ trợ thành lập doanh nghiệp khởi nghiệp sáng tạo, doanh nghiệp công nghệ số",
        target: "Ít nhất 2 doanh nghiệp được hỗ trợ",
        result: "Hệ sinh thái khởi nghiệp phát triển",
      },
      {
        task: "Tổ chức cuộc thi ý tưởng khởi nghiệp đổi mới sáng tạo",
        target: "01 cuộc thi mỗi năm",
        result: "Ý tưởng được hỗ trợ ươm tạo",
      },
    ],
    MT: [
      {
        task: "Hỗ trợ đoàn viên thanh niên, hội viên khởi nghiệp sáng tạo",
        target: "Ít nhất 3 dự án được hỗ trợ",
        result: "Dự án khởi nghiệp được hình thành",
      },
    ],
    DN: [
      {
        task: "Đầu tư nghiên cứu, phát triển sản phẩm, dịch vụ mới",
        target: "Dành 2% doanh thu cho nghiên cứu, phát triển",
        result: "Sản phẩm mới được đưa ra thị trường",
      },
      {
        task: "Đăng ký chứng nhận doanh nghiệp khoa học và công nghệ",
        target: "Được cấp giấy chứng nhận",
        result: "Doanh nghiệp được hưởng chính sách ưu đãi",
      },
    ],
  },
  ND6: {
    CQ: [
      {
        task: 'Triển khai phong trào "Bình dân học vụ số" cho cán bộ và Nhân dân',
        target: "Ít nhất 70% người trưởng thành được hướng dẫn kỹ năng số",
        result: "Kỹ năng số của Nhân dân được nâng lên",
      },
      {
        task: "Duy trì tổ công nghệ số cộng đồng hướng dẫn người dân sử dụng nền tảng số",
        target: "100% thôn, tổ dân phố có tổ công nghệ số",
        result: "Người dân sử dụng dịch vụ số",
      },
      {
        task: "Đẩy mạnh thanh toán không dùng tiền mặt trong dịch vụ công",
        target: "Ít nhất 60% giao dịch",
        result: "Thanh toán trực tuyến phổ biến",
      },
    ],
    MT: [
      {
        task: 'Triển khai "Bình dân học vụ số" trong đoàn viên, hội viên',
        target: "Ít nhất 5.000 lượt người được hướng dẫn",
        result: "Đoàn viên, hội viên sử dụng thành thạo nền tảng số",
      },
      {
        task: "Thành lập đội hình thanh niên tình nguyện hỗ trợ người dân về kỹ năng số",
        target: "Mỗi cơ sở có ít nhất 1 đội hình",
        result: "Người dân được hỗ trợ tại chỗ",
      },
    ],
    DN: [
      {
        task: "Đào tạo kỹ năng số cho người lao động",
        target: "100% người lao động được đào tạo",
        result: "Năng suất lao động tăng",
      },
      {
        task: "Bán hàng trên sàn thương mại điện tử và thanh toán không dùng tiền mặt",
        target: "Ít nhất 30% doanh thu qua kênh số",
        result: "Thị trường được mở rộng",
      },
    ],
  },
  ND7: {
    CQ: [
      {
        task: "Tìm kiếm, mở rộng hợp tác quốc tế về khoa học, công nghệ, chuyển đổi số",
        target: "Ít nhất 1 chương trình hợp tác",
        result: "Thỏa thuận hợp tác được ký kết",
      },
    ],
    MT: [
      {
        task: "Giao lưu, học tập kinh nghiệm với tổ chức quốc tế về chuyển đổi xanh",
        target: "01 hoạt động giao lưu",
        result: "Kinh nghiệm được chia sẻ",
      },
    ],
    DN: [
      {
        task: "Hợp tác với đối tác nước ngoài chuyển giao công nghệ sản xuất",
        target: "01 hợp đồng chuyển giao công nghệ",
        result: "Công nghệ mới được làm chủ",
      },
    ],
  },
};

export interface ActivityText {
  readonly activity: string;
  /** A result with a figure: `{n}` is replaced by a number. */
  readonly result: string;
}

/** Activities of a yearly report, per content (any unit type). */
export const ACTIVITIES: Readonly<Record<ContentCode, readonly ActivityText[]>> = {
  ND1: [
    {
      activity: "Tổ chức hội nghị quán triệt, tập huấn về đổi mới sáng tạo và chuyển đổi số",
      result: "{n} lượt người tham dự",
    },
    {
      activity: "Đăng tải tin, bài tuyên truyền về Phong trào thi đua",
      result: "{n} tin, bài được đăng tải",
    },
  ],
  ND2: [
    {
      activity: "Chuyển hệ thống thông tin lên nền tảng điện toán đám mây",
      result: "{n} hệ thống vận hành trên đám mây",
    },
    {
      activity: "Triển khai ứng dụng trí tuệ nhân tạo hỗ trợ công việc",
      result: "{n} ứng dụng được đưa vào sử dụng",
    },
    {
      activity: "Diễn tập, ứng cứu sự cố an toàn thông tin",
      result: "{n} sự cố được phát hiện và xử lý kịp thời",
    },
  ],
  ND3: [
    {
      activity: "Cung cấp dịch vụ công trực tuyến toàn trình",
      result: "{n} dịch vụ công trực tuyến toàn trình",
    },
    { activity: "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", result: "{n} hồ sơ được số hóa" },
  ],
  ND4: [
    {
      activity: "Thực hiện tiết kiệm năng lượng, phân loại rác thải tại nguồn",
      result: "Giảm {n}% điện năng tiêu thụ",
    },
    { activity: "Xây dựng mô hình kinh tế tuần hoàn, sản xuất xanh", result: "{n} mô hình được công nhận" },
  ],
  ND5: [
    {
      activity: "Hỗ trợ doanh nghiệp khởi nghiệp sáng tạo, doanh nghiệp công nghệ số",
      result: "{n} doanh nghiệp được hỗ trợ",
    },
    { activity: "Nghiên cứu, phát triển sản phẩm, dịch vụ mới", result: "{n} sản phẩm mới" },
  ],
  ND6: [
    { activity: 'Triển khai phong trào "Bình dân học vụ số"', result: "{n} người được hướng dẫn kỹ năng số" },
    { activity: "Hoạt động của tổ công nghệ số cộng đồng", result: "{n} lượt người dân được hỗ trợ" },
  ],
  ND7: [
    {
      activity: "Hợp tác quốc tế về khoa học, công nghệ, chuyển đổi số, chuyển đổi xanh",
      result: "{n} chương trình hợp tác được triển khai",
    },
  ],
};

/** The unit's own criteria, per provincial criterion: `{unit}` is replaced by the unit's name. */
export const OWN_CRITERIA: Readonly<Partial<Record<CriterionCode, readonly string[]>>> = {
  CQ1: [
    "Hoàn thành 100% nhiệm vụ được giao tại Chương trình hành động số 42-CTr/TU năm 2026 của {unit}",
    "Đạt và vượt các chỉ tiêu chuyển đổi số giao cho {unit}",
  ],
  CQ2: [
    "Tham mưu ban hành ít nhất 1 văn bản về khoa học, công nghệ, chuyển đổi số thuộc lĩnh vực quản lý",
    "Rà soát, cắt giảm ít nhất 20% thời gian giải quyết thủ tục hành chính",
  ],
  CQ3: [
    "Tiết kiệm ít nhất 5% chi phí năng lượng so với năm trước",
    "Xây dựng ít nhất 1 mô hình sản xuất theo chuỗi giá trị, xanh, bền vững",
  ],
  CQ4: [
    "100% văn bản được ký số và gửi nhận trên môi trường mạng",
    "Có ít nhất 1 giải pháp chuyển đổi số được áp dụng trong hoạt động của {unit}",
  ],
  CQ5: [
    "Tham mưu chính sách hỗ trợ doanh nghiệp nhỏ và vừa đầu tư chuyển đổi số",
    "Thu hút ít nhất 1 dự án đầu tư cho chuyển đổi số, chuyển đổi xanh",
  ],
  MT1: [
    "Tổ chức ít nhất 4 hoạt động tuyên truyền, vận động về chuyển đổi số, chuyển đổi xanh mỗi năm",
    "90% đoàn viên, hội viên được tuyên truyền về Phong trào thi đua",
  ],
  MT2: [
    'Có ít nhất 1 sáng kiến triển khai "Bình dân học vụ số" được công nhận',
    "Tổ chức ít nhất 1 cuộc giám sát, phản biện xã hội về chuyển đổi số",
  ],
  DN1: [
    "Ban hành chiến lược đổi mới sáng tạo giai đoạn 2026 - 2030",
    "Có ít nhất 1 hoạt động hợp tác nghiên cứu, phát triển",
  ],
  DN2: ["Tự động hóa ít nhất 1 công đoạn sản xuất", "100% cán bộ quản lý được đào tạo kỹ năng số"],
  DN3: [
    "Đưa ra thị trường ít nhất 1 sản phẩm, dịch vụ mới ứng dụng công nghệ số",
    "Áp dụng phần mềm quản trị doanh nghiệp tổng thể",
  ],
  DN4: ["Giảm 10% lượng chất thải rắn so với năm trước", "Áp dụng tiêu chuẩn quản lý môi trường ISO 14001"],
  DN5: [
    "Chấp hành đầy đủ nghĩa vụ thuế, bảo hiểm xã hội",
    "Tham gia ít nhất 2 hoạt động vì cộng đồng mỗi năm",
  ],
};

/** Departments that lead a task, by role. */
export const LEADS: Readonly<Record<UnitRole, readonly string[]>> = {
  department: ["Văn phòng Sở", "Phòng Kế hoạch - Tài chính", "Trung tâm Công nghệ thông tin", "Thanh tra Sở"],
  provincialFront: ["Ban Tuyên giáo", "Văn phòng", "Ban Tổ chức - Kiểm tra", "Ban Phong trào"],
  commune: [
    "Văn phòng HĐND và UBND xã",
    "Phòng Kinh tế",
    "Phòng Văn hóa - Xã hội",
    "Trung tâm Phục vụ hành chính công xã",
  ],
  ward: [
    "Văn phòng HĐND và UBND phường",
    "Phòng Kinh tế, Hạ tầng và Đô thị",
    "Phòng Văn hóa - Xã hội",
    "Trung tâm Phục vụ hành chính công phường",
  ],
  communeFront: ["Ban Thường trực", "Đoàn Thanh niên xã", "Hội Nông dân xã", "Hội Phụ nữ xã"],
  enterprise: ["Phòng Kỹ thuật", "Phòng Hành chính - Nhân sự", "Phòng Kinh doanh", "Ban Giám đốc"],
};

/** Who signs, by role. */
export const SIGNER_TITLES: Readonly<Record<UnitRole, readonly string[]>> = {
  department: ["Giám đốc Sở", "Phó Giám đốc Sở"],
  provincialFront: ["Chủ tịch", "Phó Chủ tịch"],
  commune: ["Chủ tịch UBND xã", "Phó Chủ tịch UBND xã"],
  ward: ["Chủ tịch UBND phường", "Phó Chủ tịch UBND phường"],
  communeFront: ["Chủ tịch Ủy ban MTTQ xã", "Phó Chủ tịch Ủy ban MTTQ xã"],
  enterprise: ["Giám đốc", "Tổng Giám đốc", "Phó Giám đốc"],
};

/**
 * Placeholder names in the Vietnamese convention (Nguyễn Văn A is the "John Doe" of forms):
 * a sample never names a real person.
 */
export const PLACEHOLDER_NAMES: readonly string[] = [
  "Nguyễn Văn A",
  "Trần Thị B",
  "Lê Văn C",
  "Phạm Thị D",
  "Hoàng Văn E",
  "Võ Thị G",
  "Đặng Văn H",
  "Bùi Thị K",
  "Đỗ Văn L",
  "Hồ Thị M",
  "Ngô Văn N",
  "Dương Thị P",
];

/** Collectives a unit may nominate: `{unit}` is replaced by the unit's name. */
export const COLLECTIVES: Readonly<Record<UnitTypeCode, readonly string[]>> = {
  CQ: [
    "Phòng Chuyển đổi số, {unit}",
    "Văn phòng, {unit}",
    "Trung tâm Phục vụ hành chính công, {unit}",
    "Tổ công nghệ số cộng đồng, {unit}",
  ],
  MT: ["Ban Tuyên giáo, {unit}", "Ban Phong trào, {unit}", "Đội hình tình nguyện chuyển đổi số, {unit}"],
  DN: ["{unit}", "Phòng Kỹ thuật, {unit}", "Xưởng sản xuất xanh, {unit}"],
};

/** Achievements per content: what a nomination says the nominee did. */
export const ACHIEVEMENTS: Readonly<Record<ContentCode, readonly string[]>> = {
  ND1: [
    "Tích cực tuyên truyền, lan tỏa Phong trào thi đua; đổi mới phương thức chỉ đạo, điều hành dựa trên dữ liệu số",
  ],
  ND2: [
    "Chủ trì chuyển các hệ thống thông tin lên điện toán đám mây, bảo đảm an toàn thông tin, không để xảy ra sự cố",
  ],
  ND3: [
    "Đưa toàn bộ thủ tục hành chính đủ điều kiện lên dịch vụ công trực tuyến toàn trình; số hóa hồ sơ đạt trên 90%",
  ],
  ND4: ["Xây dựng và nhân rộng mô hình kinh tế tuần hoàn, tiết kiệm trên 10% năng lượng so với năm trước"],
  ND5: [
    "Hỗ trợ hình thành doanh nghiệp khởi nghiệp sáng tạo; có sản phẩm công nghệ số được thị trường đón nhận",
  ],
  ND6: [
    'Tiên phong triển khai "Bình dân học vụ số", hướng dẫn hàng nghìn lượt người dân sử dụng nền tảng số',
  ],
  ND7: ["Kết nối, triển khai chương trình hợp tác quốc tế về chuyển giao công nghệ và chuyển đổi xanh"],
};

/** Positions of nominated individuals, by group. */
export const POSITIONS = {
  CBCCVC: ["Chuyên viên, {unit}", "Trưởng phòng, {unit}", "Phó Trưởng phòng, {unit}"],
  DNH: ["Giám đốc, {unit}", "Chủ tịch Hội đồng quản trị, {unit}"],
  KHAC: ["Kỹ sư, {unit}", "Nông dân, thành viên tổ hợp tác"],
} as const;

export function fillUnitName(template: string, unitName: string): string {
  return template.split("{unit}").join(unitName);
}

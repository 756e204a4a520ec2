import { simpleParser } from "mailparser";
import { writeEml } from "../../scripts/mail/write-eml";

// mailparser (nodemailer's parser) is the independent oracle: what a mail program will read back.
describe("writeEml", () => {
  const subject =
    "[Thi đua ĐMST, CĐS, CĐX] Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hà Tĩnh gửi lại Báo cáo tình hình thực hiện Phong trào thi đua năm 2026";
  const body = 'Kính gửi: Ủy ban MTTQ tỉnh.\n\n1. Báo cáo: KHÔNG HỢP LỆ.\n   - Trang "Chỉ tiêu", ô C7: …\n';
  const eml = writeEml({
    from: null,
    to: [{ name: "Ủy ban MTTQ tỉnh", address: "mttq@hatinh.gov.vn" }],
    subject,
    body,
    date: Date.parse("2026-11-20T03:00:00Z"),
    messageId: "MTTQ-1a2b3c4d@thidua",
  });

  it("is pure ASCII with CRLF lines of at most 78 characters", () => {
    expect([...eml].every((character) => character.charCodeAt(0) < 128)).toBe(true);
    const lines = eml.split("\r\n");
    expect(lines.every((line) => line.length <= 78)).toBe(true);
    expect(eml.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("reads back with the same UTF-8 subject, recipient and body", async () => {
    const parsed = await simpleParser(eml);
    expect(parsed.subject).toBe(subject);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : null).toEqual([
      { address: "mttq@hatinh.gov.vn", name: "Ủy ban MTTQ tỉnh" },
    ]);
    expect(parsed.text?.replace(/\r\n/g, "\n")).toBe(body);
    expect(parsed.messageId).toBe("<MTTQ-1a2b3c4d@thidua>");
    expect(parsed.date?.toISOString()).toBe("2026-11-20T03:00:00.000Z");
    expect(parsed.headers.get("x-unsent")).toBe("1");
  });

  it("names the sender when one is given, and is then no draft", async () => {
    const sent = writeEml({
      from: { name: "Sở Nội vụ", address: "snv@hatinh.gov.vn" },
      to: [{ name: 'O\'Brien "Co"', address: "x@example.vn" }],
      subject: "ASCII only",
      body: "x",
      date: 0,
      messageId: "k@thidua",
    });
    const parsed = await simpleParser(sent);
    expect(parsed.from?.value).toEqual([{ address: "snv@hatinh.gov.vn", name: "Sở Nội vụ" }]);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0]?.name : null).toBe('O\'Brien "Co"');
    expect(parsed.headers.has("x-unsent")).toBe(false);
  });

  it("lists every recipient in To: when a unit has several addresses (issue 17)", async () => {
    const two = writeEml({
      from: null,
      to: [
        { name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hà Tĩnh", address: "mttq@hatinh.gov.vn" },
        { name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hà Tĩnh", address: "vanthu.mttq@hatinh.gov.vn" },
      ],
      subject: "x",
      body: "x",
      date: 0,
      messageId: "k@thidua",
    });
    const parsed = await simpleParser(two);
    expect(
      parsed.to && !Array.isArray(parsed.to) ? parsed.to.value.map((entry) => entry.address) : null,
    ).toEqual(["mttq@hatinh.gov.vn", "vanthu.mttq@hatinh.gov.vn"]);
    expect(two.split("\r\n").every((line) => line.length <= 78)).toBe(true);
  });
});

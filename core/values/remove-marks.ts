/** Vietnamese without its marks, as typed on a keyboard without them: "Ủy ban" → "Uy ban", "Đ" → "D". */
export function removeVietnameseMarks(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

import { scanXml, XmlSyntaxError } from "../../xlsx-read/index";

/** The scanner under the SheetML reader: events in order, and damaged XML refused, never half-read. */

function events(xml: string): string[] {
  const seen: string[] = [];
  scanXml(xml, {
    open: (name, attributes, selfClosing) =>
      seen.push(
        `<${name}${Object.entries(attributes)
          .map(([key, value]) => ` ${key}=${value}`)
          .join("")}${selfClosing ? "/" : ""}>`,
      ),
    close: (name) => seen.push(`</${name}>`),
    text: (text) => seen.push(JSON.stringify(text)),
    wantsText: () => true,
  });
  return seen;
}

describe("scanXml", () => {
  it("reports local names, decoded attributes (namespace declarations left out) and text in order", () => {
    expect(
      events(
        `\uFEFF<?xml version="1.0"?>\n<!-- c --><x:a xmlns:x="urn:x" r:id='r&amp;1' b = "1 &gt; 0"><b/>t&#65;\r\n</x:a>`,
      ),
    ).toEqual(["<a id=r&1 b=1 > 0>", "<b/>", "</b>", JSON.stringify("tA\n"), "</a>"]);
  });

  it("accepts '>' inside an attribute value", () => {
    expect(events(`<a f="x>1"/>`)).toEqual(["<a f=x>1/>", "</a>"]);
  });

  it.each([
    ["a truncated part", `<a><b>text`, /<b> is never closed \(truncated\?\)/],
    ["an end tag that does not match", `<a><b></a></b>`, /unexpected end tag <\/a>/],
    ["two root elements", `<a/><b/>`, /a second root element/],
    ["text outside the root", `junk<a/>`, /text outside the root element/],
    ["no element at all", `   `, /no root element/],
    ["a DTD", `<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`, /document type declarations are not allowed/],
    ["an element without a name", `<a>< b/></a>`, /element without a name/],
    ["an unterminated comment", `<a><!-- x</a>`, /unterminated comment/],
  ])("refuses %s", (_label, xml, message) => {
    expect(() => events(xml)).toThrow(XmlSyntaxError);
    expect(() => events(xml)).toThrow(message);
  });

  it("leaves unknown entities as written rather than guessing", () => {
    expect(events(`<a>&nbsp;&#0;</a>`)).toEqual(["<a>", JSON.stringify("&nbsp;&#0;"), "</a>"]);
  });
});

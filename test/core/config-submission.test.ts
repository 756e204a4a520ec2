import { configFileSchema, DEFAULT_GRAPH_ENDPOINT, resolveConfig } from "../../core/config";
import { describeConfigIssue } from "../../core/messages/index";
import { buildConfig } from "../../addin/pane/check";

const FOLDER = "onedrive:b!abc123/01ITEMID";

function issueOf(file: unknown): { vi: string; en: string } {
  const parsed = configFileSchema.safeParse(file);
  if (parsed.success) throw new Error("expected a refusal");
  const issue = parsed.error.issues[0];
  if (issue === undefined) throw new Error("no issue");
  return describeConfigIssue(issue, file);
}

describe("the submission block of config.json / thidua.config.json", () => {
  it("fills the defaults: Microsoft Graph v1.0, MSAL sign-in, nothing else invented", () => {
    const file = configFileSchema.parse({ submission: { folder: FOLDER } });
    expect(resolveConfig(file, {}, 0).submission).toEqual({
      folder: FOLDER,
      clientId: null,
      tenant: null,
      graphEndpoint: DEFAULT_GRAPH_ENDPOINT,
      tokenProvider: "msal",
    });
    expect(resolveConfig({}, {}, 0).submission).toBeUndefined();
  });

  it("keeps what the province sets, the endpoint without a trailing slash", () => {
    const file = configFileSchema.parse({
      submission: {
        folder: "https://hatinh.sharepoint.com/:f:/s/snv/EabcDEF",
        clientId: "0f8fad5b-d9cb-469f-a165-70867728950e",
        tenant: "hatinh.gov.vn",
        graphEndpoint: "https://127.0.0.1:8443/v1.0/",
        tokenProvider: "page-global",
      },
    });
    expect(resolveConfig(file, {}, 0).submission).toMatchObject({
      graphEndpoint: "https://127.0.0.1:8443/v1.0",
      tokenProvider: "page-global",
      tenant: "hatinh.gov.vn",
    });
  });

  it("refuses each wrong value naming the key, what it expects and what was found, in both languages", () => {
    const mine = issueOf({ submission: { folder: "onedrive:/Documents/Thi dua" } });
    expect(mine.vi).toMatch(
      /^"submission\.folder": cần thư mục nhận.*OneDrive riêng.*tìm thấy "onedrive:\/Documents\/Thi dua"$/,
    );
    expect(mine.en).toMatch(
      /^"submission\.folder": expected .*each sender's own OneDrive.*found "onedrive:\/Documents\/Thi dua"$/,
    );

    expect(issueOf({ submission: { folder: FOLDER, clientId: "thidua-app" } }).en).toMatch(
      /^"submission\.clientId": expected the Application \(client\) ID .*found "thidua-app"$/,
    );
    expect(issueOf({ submission: { folder: FOLDER, graphEndpoint: "http://graph.local" } }).vi).toMatch(
      /^"submission\.graphEndpoint": cần địa chỉ Microsoft Graph bắt đầu bằng https:\/\//,
    );
    expect(issueOf({ submission: { folder: FOLDER, tokenProvider: "window" } }).en).toMatch(
      /^"submission\.tokenProvider": expected "msal" .* or "page-global" \(automated tests only, never deployed\), found "window"$/,
    );
    expect(issueOf({ submission: { clientId: "0f8fad5b-d9cb-469f-a165-70867728950e" } })).toEqual({
      vi: expect.stringMatching(/^"submission\.folder": thiếu; cần /),
      en: expect.stringMatching(/^"submission\.folder": missing; expected /),
    });
  });

  it("names a misspelt key of the block with the block's own keys", () => {
    expect(issueOf({ submission: { folder: FOLDER, clientID: "x" } }).en).toBe(
      '"submission": unknown key "clientID" (a misspelling?); the keys are: folder, clientId, tenant, graphEndpoint, tokenProvider',
    );
  });

  it("reaches the pane in the officer's language, as the CLI words it", () => {
    const { error } = buildConfig({ submission: { folder: FOLDER, tokenProvider: "token" } }, {}, 0);
    expect(error?.vi).toMatch(/^"submission\.tokenProvider": cần "msal"/);
    expect(error?.en).toMatch(/^"submission\.tokenProvider": expected "msal"/);
  });
});

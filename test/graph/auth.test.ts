import {
  authenticationRecordPath,
  chooseGraphAuth,
  createCredential,
  describeAuth,
} from "../../scripts/graph/auth";
import { retryDelayMs } from "../../scripts/graph/retry-policy";
import { GraphTestServer } from "./graph-test-server";
import { connectTo, CountingCredential } from "./helpers";

const ids = { THIDUA_GRAPH_TENANT_ID: "tenant-1", THIDUA_GRAPH_CLIENT_ID: "app-1" };

describe("choosing the sign-in", () => {
  it("takes an access token from THIDUA_GRAPH_ACCESS_TOKEN first", () => {
    expect(
      chooseGraphAuth(undefined, { ...ids, THIDUA_GRAPH_ACCESS_TOKEN: "t0k", AZURE_CLIENT_SECRET: "s" }),
    ).toEqual({
      kind: "access-token",
      token: "t0k",
    });
  });

  it("uses an app secret or certificate from the environment for scheduled runs, else device code", () => {
    expect(chooseGraphAuth(undefined, { ...ids, AZURE_CLIENT_SECRET: "s3cret" })).toMatchObject({
      kind: "client-secret",
      tenantId: "tenant-1",
      clientId: "app-1",
    });
    expect(
      chooseGraphAuth(undefined, { ...ids, AZURE_CLIENT_CERTIFICATE_PATH: "/etc/thidua.pem" }),
    ).toMatchObject({
      kind: "client-certificate",
      certificatePath: "/etc/thidua.pem",
    });
    expect(chooseGraphAuth(undefined, { AZURE_TENANT_ID: "t", AZURE_CLIENT_ID: "c" })).toEqual({
      kind: "device-code",
      tenantId: "t",
      clientId: "c",
    });
  });

  it("says which variable is missing, as a usage error", () => {
    expect(() => chooseGraphAuth("client-secret", ids)).toThrow(/AZURE_CLIENT_SECRET/);
    expect(() => chooseGraphAuth("device-code", {})).toThrow(/THIDUA_GRAPH_TENANT_ID or AZURE_TENANT_ID/);
  });

  it("never puts a secret in the description written to the log", () => {
    const described = [
      describeAuth(chooseGraphAuth(undefined, { THIDUA_GRAPH_ACCESS_TOKEN: "t0k-secret" })),
      describeAuth(chooseGraphAuth(undefined, { ...ids, AZURE_CLIENT_SECRET: "s3cret-value" })),
    ].join("\n");
    expect(described).not.toMatch(/t0k-secret|s3cret-value/);
  });
});

describe("keeping the device-code sign-in between runs", () => {
  it("says in one line that the sign-in lasts this run only where the persistence plugin is not installed", async () => {
    const lines: string[] = [];
    const credential = await createCredential({ kind: "device-code", tenantId: "t", clientId: "c" }, (line) =>
      lines.push(line),
    );
    expect(credential.constructor.name).toBe("DeviceCodeCredential");
    expect(lines).toEqual([expect.stringContaining("sign-in kept for this run only")]);
  });

  it("keeps the account (never a token) in the user's config folder", () => {
    expect(authenticationRecordPath({ XDG_CONFIG_HOME: "/home/snv/.config" })).toBe(
      process.platform === "win32" ? expect.any(String) : "/home/snv/.config/thidua/auth-record.json",
    );
  });
});

describe("retry delays", () => {
  const policy = { maxRetries: 5, baseDelayMs: 1000, maxDelayMs: 120_000 };
  it("honour Retry-After in seconds and as an HTTP date, whole (no cap of ours shortens it)", () => {
    expect(retryDelayMs(policy, 0, "7")).toBe(7000);
    expect(retryDelayMs(policy, 0, "Wed, 21 Oct 2026 07:28:30 GMT", Date.parse("2026-10-21T07:28:00Z"))).toBe(
      30_000,
    );
    expect(retryDelayMs(policy, 0, "3600")).toBe(3_600_000);
  });
  it("back off exponentially with jitter between half and all of the ceiling otherwise", () => {
    expect(retryDelayMs(policy, 0, null, 0, () => 0)).toBe(500);
    expect(retryDelayMs(policy, 3, null, 0, () => 1)).toBe(8000);
  });
});

describe("the same client sends mail (for thidua remind --send)", () => {
  it("posts /users/{upn}/sendMail with the token; the test server records the body", async () => {
    const server = await new GraphTestServer().start();
    try {
      const credential = new CountingCredential();
      const message = { message: { subject: "Nhắc nộp báo cáo", toRecipients: [] }, saveToSentItems: false };
      await connectTo(server, { credential }).client.api("/users/snv@hatinh.gov.vn/sendMail").post(message);
      expect(server.sentMail).toEqual([{ sender: "snv@hatinh.gov.vn", body: message }]);
      expect(server.requests[0]?.authorization).toBe("Bearer test-token-1");
    } finally {
      await server.close();
    }
  });
});

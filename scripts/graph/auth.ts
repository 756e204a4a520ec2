import { mkdir, readFile, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import type {
  AccessToken,
  AuthenticationRecord,
  DeviceCodeCredential,
  TokenCredential,
} from "@azure/identity";
import { UsageError } from "../errors";

/** How thidua signs in to Microsoft Graph. Secrets come only from the environment, never from flags. */
export type GraphAuth =
  | { readonly kind: "access-token"; readonly token: string }
  | { readonly kind: "device-code"; readonly tenantId: string; readonly clientId: string }
  | {
      readonly kind: "client-secret";
      readonly tenantId: string;
      readonly clientId: string;
      readonly clientSecret: string;
    }
  | {
      readonly kind: "client-certificate";
      readonly tenantId: string;
      readonly clientId: string;
      readonly certificatePath: string;
    }
  /** Any TokenCredential (tests, or a caller that already has one). */
  | { readonly kind: "credential"; readonly credential: TokenCredential };

export const AUTH_KINDS = ["token", "device-code", "client-secret", "certificate"] as const;
export type AuthKindFlag = (typeof AUTH_KINDS)[number];

type Environment = Readonly<Record<string, string | undefined>>;

function required(env: Environment, names: readonly string[], what: string): string {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  throw new UsageError({
    vi: `thiếu ${what}: đặt biến môi trường ${names.join(" hoặc ")}`,
    en: `missing ${what}: set the environment variable ${names.join(" or ")}`,
  });
}

/**
 * Chooses the sign-in from `--auth` or, without it, from the environment: an access token in
 * THIDUA_GRAPH_ACCESS_TOKEN (one obtained for thidua's own app registration, with its scopes),
 * else an app's secret (AZURE_CLIENT_SECRET) or certificate (AZURE_CLIENT_CERTIFICATE_PATH) for
 * scheduled runs, else device code for an officer signing in.
 */
export function chooseGraphAuth(flag: string | undefined, env: Environment): GraphAuth {
  const kind =
    flag ??
    (env.THIDUA_GRAPH_ACCESS_TOKEN
      ? "token"
      : env.AZURE_CLIENT_SECRET
        ? "client-secret"
        : env.AZURE_CLIENT_CERTIFICATE_PATH
          ? "certificate"
          : "device-code");
  const tenant = (): string => required(env, ["THIDUA_GRAPH_TENANT_ID", "AZURE_TENANT_ID"], "tenant id");
  const client = (): string =>
    required(env, ["THIDUA_GRAPH_CLIENT_ID", "AZURE_CLIENT_ID"], "the app's client id");
  switch (kind) {
    case "token":
      return { kind: "access-token", token: required(env, ["THIDUA_GRAPH_ACCESS_TOKEN"], "access token") };
    case "device-code":
      return { kind: "device-code", tenantId: tenant(), clientId: client() };
    case "client-secret":
      return {
        kind: "client-secret",
        tenantId: tenant(),
        clientId: client(),
        clientSecret: required(env, ["AZURE_CLIENT_SECRET"], "client secret"),
      };
    case "certificate":
      return {
        kind: "client-certificate",
        tenantId: tenant(),
        clientId: client(),
        certificatePath: required(env, ["AZURE_CLIENT_CERTIFICATE_PATH"], "certificate file"),
      };
    default:
      throw new UsageError({
        vi: `--auth chỉ nhận ${AUTH_KINDS.join(", ")}, không nhận "${kind}"`,
        en: `--auth takes ${AUTH_KINDS.join(", ")}, not "${kind}"`,
      });
  }
}

/** A token given as is: it cannot be renewed, so when the service refuses it the run stops and says so. */
class StaticTokenCredential implements TokenCredential {
  constructor(private readonly token: string) {}
  getToken(): Promise<AccessToken> {
    return Promise.resolve({ token: this.token, expiresOnTimestamp: Date.now() + 3_600_000 });
  }
}

/** Builds the credential; @azure/identity is loaded only when an interactive or app sign-in needs it. */
export async function createCredential(
  auth: GraphAuth,
  prompt: (message: string) => void,
): Promise<TokenCredential> {
  switch (auth.kind) {
    case "access-token":
      return new StaticTokenCredential(auth.token);
    case "credential":
      return auth.credential;
    case "device-code":
      return createDeviceCodeCredential(auth, prompt);
    case "client-secret": {
      const { ClientSecretCredential } = await import("@azure/identity");
      return new ClientSecretCredential(auth.tenantId, auth.clientId, auth.clientSecret);
    }
    case "client-certificate": {
      const { ClientCertificateCredential } = await import("@azure/identity");
      return new ClientCertificateCredential(auth.tenantId, auth.clientId, auth.certificatePath);
    }
  }
}

/** Where the account of the last device-code sign-in is kept (no token in it: names and ids only). */
export function authenticationRecordPath(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  if (process.platform === "win32" && env.LOCALAPPDATA)
    return join(env.LOCALAPPDATA, "thidua", "auth-record.json");
  return join(env.XDG_CONFIG_HOME || join(homedir(), ".config"), "thidua", "auth-record.json");
}

/**
 * The optional persistence plugin (@azure/identity-cache-persistence) keeps the token cache in the
 * system's own store (Windows DPAPI, macOS Keychain, libsecret on Linux). It needs native binaries
 * (keytar) that install only where prebuilt ones can be fetched, so it is not a dependency: where it is
 * installed, the sign-in lasts between runs; elsewhere the token stays in memory, said in one line.
 */
async function enableTokenPersistence(): Promise<boolean> {
  try {
    const pluginModule = "@azure/identity-cache-persistence";
    const { cachePersistencePlugin } = (await import(pluginModule)) as { cachePersistencePlugin: unknown };
    const { useIdentityPlugin } = await import("@azure/identity");
    useIdentityPlugin(cachePersistencePlugin as Parameters<typeof useIdentityPlugin>[0]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Device code for an officer: with the persistence plugin, the token cache is kept by the system and
 * the account in `authenticationRecordPath()`, so the next run signs in silently; without it, one line
 * says the sign-in lasts this run only. A national cloud's sign-in host comes from AZURE_AUTHORITY_HOST.
 */
async function createDeviceCodeCredential(
  auth: Extract<GraphAuth, { kind: "device-code" }>,
  prompt: (message: string) => void,
): Promise<TokenCredential> {
  const identity = await import("@azure/identity");
  const persisted = await enableTokenPersistence();
  const recordPath = authenticationRecordPath();
  let record: AuthenticationRecord | null = null;
  if (persisted)
    record = await readFile(recordPath, "utf8")
      .then((text) => identity.deserializeAuthenticationRecord(text))
      .catch(() => null);
  else
    prompt(
      "thidua: đăng nhập chỉ giữ trong lần chạy này (chưa cài @azure/identity-cache-persistence) / sign-in kept for this run only (@azure/identity-cache-persistence is not installed)",
    );
  const credential = new identity.DeviceCodeCredential({
    tenantId: auth.tenantId,
    clientId: auth.clientId,
    userPromptCallback: (info) => prompt(info.message),
    ...(persisted ? { tokenCachePersistenceOptions: { enabled: true, name: "thidua" } } : {}),
    ...(record ? { authenticationRecord: record } : {}),
  });
  return persisted && !record
    ? new RecordingCredential(credential, recordPath, identity.serializeAuthenticationRecord)
    : credential;
}

/** The first sign-in of a machine: `authenticate` once, keep the account for the next runs. */
class RecordingCredential implements TokenCredential {
  private recorded = false;
  constructor(
    private readonly inner: DeviceCodeCredential,
    private readonly path: string,
    private readonly serialize: (record: AuthenticationRecord) => string,
  ) {}

  async getToken(scopes: string | string[]): Promise<AccessToken | null> {
    if (!this.recorded) {
      this.recorded = true;
      const record = await this.inner.authenticate(scopes);
      if (record) {
        await mkdir(dirname(this.path), { recursive: true });
        await writeFile(this.path, this.serialize(record), { mode: 0o600 });
      }
    }
    return this.inner.getToken(scopes);
  }
}

/** Describes a sign-in for the log, without any secret. */
export function describeAuth(auth: GraphAuth): string {
  switch (auth.kind) {
    case "access-token":
      return "access token (THIDUA_GRAPH_ACCESS_TOKEN)";
    case "device-code":
      return `device code (tenant ${auth.tenantId}, app ${auth.clientId})`;
    case "client-secret":
      return `app secret (tenant ${auth.tenantId}, app ${auth.clientId})`;
    case "client-certificate":
      return `app certificate (tenant ${auth.tenantId}, app ${auth.clientId})`;
    case "credential":
      return "credential given by the caller";
  }
}

/**
 * Keeps the current token and asks the credential again only when it is about to expire or when
 * the service refused it (`invalidate`): a token that expired during a long run is renewed once.
 */
export class RenewableCredential implements TokenCredential {
  private current: AccessToken | null = null;
  /** Tokens the service refused; the credential is asked again, never given one of these back. */
  private refusals = 0;

  constructor(private readonly inner: TokenCredential) {}

  async getToken(scopes: string | string[]): Promise<AccessToken | null> {
    if (this.current && this.current.expiresOnTimestamp - Date.now() > 120_000) return this.current;
    this.current = await this.inner.getToken(scopes);
    return this.current;
  }

  invalidate(): void {
    this.current = null;
    this.refusals += 1;
  }

  get refused(): number {
    return this.refusals;
  }
}

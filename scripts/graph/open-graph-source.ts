import { chooseGraphAuth, createCredential } from "./auth";
import { createGraphClient, type GraphConnection, graphEndpointFromEnvironment } from "./client";
import { defaultCacheFolder } from "./drive-cache";
import { GraphSource } from "./graph-source";
import type { RemoteAddress } from "./resolve-folder";

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The Graph connection of a CLI run, from `--auth` and the environment (THIDUA_GRAPH_*, AZURE_*):
 * what a OneDrive source, an upload and `remind --send` (sendMail) all use.
 */
export async function openGraphConnection(
  flags: { readonly auth?: string },
  env: Environment = process.env,
  prompt: (message: string) => void = (message) => process.stderr.write(`${message}\n`),
): Promise<GraphConnection> {
  const credential = await createCredential(chooseGraphAuth(flags.auth, env), prompt);
  return createGraphClient({ credential, endpoint: graphEndpointFromEnvironment(env) });
}

export interface GraphSourceFlags {
  readonly concurrency?: number;
  /** --cache DIR; false for --no-cache; undefined for the default folder. */
  readonly cache?: string | false;
  /** Config `staffAccounts`: accounts whose edits never count as a submission. */
  readonly staffAccounts?: readonly string[];
}

/** A OneDrive source from the CLI's flags. */
export function openGraphSource(
  connection: GraphConnection,
  address: RemoteAddress,
  flags: GraphSourceFlags,
  env: Environment = process.env,
): GraphSource {
  return new GraphSource({
    connection,
    address,
    ...(flags.concurrency !== undefined ? { concurrency: flags.concurrency } : {}),
    cacheFolder: flags.cache === false ? null : (flags.cache ?? defaultCacheFolder(env)),
    ...(flags.staffAccounts ? { staffAccounts: flags.staffAccounts } : {}),
  });
}

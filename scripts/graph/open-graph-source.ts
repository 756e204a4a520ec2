import type { SourceAddress } from "../source/open-source";
import { chooseGraphAuth, createCredential } from "./auth";
import { createGraphClient, graphEndpointFromEnvironment } from "./client";
import { defaultCacheFolder } from "./drive-cache";
import { GraphSource } from "./graph-source";

export interface GraphSourceFlags {
  /** --auth: token | device-code | client-secret | certificate (default: from the environment). */
  readonly auth?: string;
  readonly concurrency?: number;
  /** --cache DIR; false for --no-cache; undefined for the default folder. */
  readonly cache?: string | false;
}

/** Opens a OneDrive source from the CLI's flags and the environment (THIDUA_GRAPH_*, AZURE_*). */
export async function openGraphSource(
  address: Exclude<SourceAddress, { kind: "local" }>,
  flags: GraphSourceFlags,
  env: Readonly<Record<string, string | undefined>> = process.env,
  prompt: (message: string) => void = (message) => process.stderr.write(`${message}\n`),
): Promise<GraphSource> {
  const credential = await createCredential(chooseGraphAuth(flags.auth, env), prompt);
  const connection = createGraphClient({ credential, endpoint: graphEndpointFromEnvironment(env) });
  return new GraphSource({
    connection,
    address,
    ...(flags.concurrency !== undefined ? { concurrency: flags.concurrency } : {}),
    cacheFolder: flags.cache === false ? null : (flags.cache ?? defaultCacheFolder(env)),
  });
}

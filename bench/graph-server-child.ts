import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { GraphTestServer } from "../test/graph/graph-test-server";

/**
 * The Graph test server in its own process for bench/graph.ts, so that the client measured does not
 * share its event loop (TLS, JSON, hashing) with the server, as it would not with Microsoft's.
 * Commands come over IPC; each gets one reply.
 */
type Command =
  | { readonly type: "load"; readonly folder: string; readonly remote: string }
  | { readonly type: "latency"; readonly ms: number }
  | { readonly type: "reset" }
  | { readonly type: "count" }
  | { readonly type: "storm"; readonly every: number; readonly retryAfter: string }
  | { readonly type: "close" };

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(join(folder, entry.name)) : [join(folder, entry.name)],
    )
    .sort();
}

async function main(): Promise<void> {
  const server = await new GraphTestServer().start();
  server.acceptToken("bench");
  process.send?.({ endpoint: server.endpoint, ca: server.ca });
  process.on("message", (command: Command) => {
    void (async () => {
      switch (command.type) {
        case "load": {
          const rootId = server.ensureFolder(command.remote);
          for (const path of listFiles(command.folder)) {
            const modified = new Date(Math.floor(statSync(path).mtimeMs)).toISOString();
            const remote = relative(command.folder, path).split(sep).join("/");
            server.putFile(`${command.remote}/${remote}`, new Uint8Array(readFileSync(path)), { modified });
          }
          process.send?.({ rootId });
          return;
        }
        case "latency":
          server.latencyMs = command.ms;
          process.send?.({});
          return;
        case "reset":
          server.resetCounts();
          process.send?.({});
          return;
        case "count":
          process.send?.({
            total: server.count(),
            downloads: server.count("download"),
            throttled: server.throttled,
            duringPause: server.requestsDuringPause,
            badAuthorizations: server.badAuthorizations().length,
          });
          return;
        case "storm":
          server.throttleEvery = command.every;
          server.throttleRetryAfter = command.retryAfter;
          process.send?.({});
          return;
        case "close":
          await server.close();
          process.send?.({});
          process.disconnect();
          return;
      }
    })();
  });
}

void main();

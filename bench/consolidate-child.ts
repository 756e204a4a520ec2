import { main } from "../scripts/cli";

/** Runs one CLI command in its own process and reports its peak memory, for bench/consolidate.ts. */
void main(process.argv.slice(2)).then((code) => {
  process.stderr.write(`${JSON.stringify({ code, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
  process.exitCode = code;
});

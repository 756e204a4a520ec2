import { main } from "../scripts/cli";

/**
 * Runs one CLI command in its own process and reports its peak memory and CPU time (every thread
 * of the process: the validating workers included), for bench/consolidate.ts.
 */
void main(process.argv.slice(2)).then((code) => {
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  process.stderr.write(`${JSON.stringify({ code, maxRssMb: usage.maxRSS / 1024, cpuMs })}\n`);
  process.exitCode = code;
});

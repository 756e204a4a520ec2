import { parentPort, workerData } from "node:worker_threads";
import { type MovementConfig, createRegistry, type RegistryUnit } from "../../core/index";
import { validateSubmission, type ValidationJob } from "./validate-submission";

/** A validating thread: exceljs is loaded once here and reused for every file it is given. */
interface WorkerSetup {
  readonly config: MovementConfig;
  readonly units: readonly RegistryUnit[];
}

const setup = workerData as WorkerSetup;
const registry = createRegistry(setup.units);

parentPort?.on("message", (jobs: ValidationJob[]) => {
  void (async () => {
    const results = [];
    for (const job of jobs) results.push(await validateSubmission(job, setup.config, registry));
    parentPort?.postMessage(results);
  })();
});

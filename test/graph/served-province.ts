import { serveSampleProvince, stopServedProvince, type ServedProvince } from "./helpers";

// Apart from helpers.ts, which bench/graph.ts compiles without jest's globals.

/**
 * A suite's served province: started before its tests (beforeAll), stopped after them (afterAll).
 * Its fields are read inside tests and hooks, once started.
 */
export function useServedProvince(units: number): ServedProvince {
  let current: ServedProvince | null = null;
  beforeAll(async () => {
    current = await serveSampleProvince(units);
  }, 120_000);
  afterAll(async () => {
    if (current) await stopServedProvince(current);
  });
  const started = (): ServedProvince => {
    if (!current) throw new Error("the served province is read before the suite's beforeAll");
    return current;
  };
  return {
    get province() {
      return started().province;
    },
    get server() {
      return started().server;
    },
    get folderId() {
      return started().folderId;
    },
    get localJson() {
      return started().localJson;
    },
  };
}

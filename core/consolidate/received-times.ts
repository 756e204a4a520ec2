import { createProblem, type Problem } from "../problems";
import { formatVietnamDateTime } from "../values/calendar";

/** A copy of the folder gives every file the copy's time: at least this many in one minute, and this share. */
const SHARED_TIME_MIN_FILES = 10;
const SHARED_TIME_MIN_SHARE = 0.25;
const SHARED_TIME_WINDOW_MS = 60_000;

/**
 * Received times from a folder are file modification times: a plain copy of the folder gives
 * them all the time of the copy. On OneDrive, a bulk copy by an administrator does the same to
 * upload times. Many files within one minute is the sign; say so.
 */
export function checkSharedReceivedTimes(
  receivedTimes: readonly number[],
  meaning: "modification_time" | "upload_time",
): Problem[] {
  const times = receivedTimes.slice().sort((a, b) => a - b);
  let best = 0;
  let bestAt = 0;
  for (let start = 0, end = 0; end < times.length; end += 1) {
    while ((times[end] ?? 0) - (times[start] ?? 0) > SHARED_TIME_WINDOW_MS) start += 1;
    if (end - start + 1 > best) {
      best = end - start + 1;
      bestAt = times[start] ?? 0;
    }
  }
  if (best < SHARED_TIME_MIN_FILES || best < times.length * SHARED_TIME_MIN_SHARE) return [];
  return [
    createProblem(
      meaning === "upload_time" ? "UPLOAD_TIMES_SHARED" : "RECEIVED_TIMES_SHARED",
      "warning",
      {},
      { count: best, total: times.length, at: formatVietnamDateTime(bestAt) },
    ),
  ];
}

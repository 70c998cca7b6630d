/**
 * Giving memory back after a burst of work (Node only).
 *
 * While a folder of case files opens at once, V8 grows its young generation, where new objects
 * live, from 1 MB to 32 MB (Node 20) or more (later versions), and then keeps it for as long as
 * the server sits idle: nothing in an idle server allocates, so no collection comes along to
 * shrink it. (A browser tells V8 when its page goes quiet; Node does not.) This asks V8 for a
 * minor collection, about a millisecond, every couple of seconds while the young generation is
 * over 2 MB. V8 decides for itself whether to shrink it, and does so only once little has been
 * allocated for a few seconds, so while someone types nothing changes.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface GiveBackDeps {
  /** The young generation's current size, in bytes. */
  youngBytes(): number;
  /** A minor collection. */
  collect(): void;
  /** Calls `f` every `ms` milliseconds, without keeping the process alive, until stopped. */
  every(ms: number, f: () => void): { stop(): void };
}

/** A young generation at or under this size (it starts at 1 MB) has nothing worth giving back. */
export const SMALL_YOUNG_BYTES = 2 * 1024 * 1024;
export const GIVE_BACK_EVERY_MS = 2000;

/** Starts the checks; returns a function that stops them. */
export function startGivingBack(deps: GiveBackDeps, everyMs = GIVE_BACK_EVERY_MS): () => void {
  const timer = deps.every(everyMs, () => {
    if (deps.youngBytes() > SMALL_YOUNG_BYTES) deps.collect();
  });
  return () => timer.stop();
}

/**
 * The real thing in this Node process, or undefined when V8 will not hand out its collector
 * (the flag is refused): then the server simply keeps what V8 gives it.
 */
export function nodeGiveBackDeps(): GiveBackDeps | undefined {
  let gc: unknown;
  try {
    // Makes `gc` exist in contexts created from now on; this module's own global is untouched.
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('typeof gc === "function" ? gc : undefined');
  } catch {
    return undefined;
  }
  if (typeof gc !== 'function') return undefined;
  const collect = gc as (options: { type: 'minor' | 'major' }) => void;
  return {
    youngBytes: () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0,
    collect: () => collect({ type: 'minor' }),
    every(ms, f) {
      const handle = setInterval(f, ms);
      handle.unref();
      return { stop: () => clearInterval(handle) };
    },
  };
}

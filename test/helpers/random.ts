/** A random number in [0, 1). */
export type Rand = () => number;

/**
 * A small seeded generator (mulberry32): the same seed gives the same sequence on any machine, so
 * generated test data and fuzz cases can be rebuilt and replayed exactly.
 */
export function seeded(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

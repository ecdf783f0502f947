/** A seeded generator of floats in [0, 1): the same seed always gives the same sequence. */
export type Rng = () => number;

/** mulberry32: tiny and fast, good enough for demo data, simulated shows and benchmark corpora (not for secrets). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The 32-bit FNV-1a hash of a string's UTF-16 units: a stable number per name (not for secrets). */
export function fnv1a(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32 seeded by the FNV-1a hash of `key`: one reproducible sequence per name. */
export function rngFor(key: string): Rng {
  return mulberry32(fnv1a(key));
}

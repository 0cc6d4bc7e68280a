/**
 * Seeded randomness for the demo generator. mulberry32 is tiny, fast (one Math.imul round per draw)
 * and good enough for synthetic data; no npm PRNG is installed and this is not worth a dependency.
 */
export class Mulberry32 {
  private state: number;

  constructor(seed: number) {
    // Mixing first so that neighbouring seeds (1, 2, 3) start from unrelated states.
    this.state = mix32(seed >>> 0);
  }

  /** Uniform float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max], both ends included. */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

/** murmur3's 32-bit finaliser: a bijection on uint32, so distinct inputs give distinct, random-looking outputs. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A bijection on [0, 2^bits): the demo's identifier values are derived from a sequence number through
 * it, so they look random yet can never collide (no accidental sharing between unrelated accounts).
 */
export function scrambleBits(value: number, bits: number): number {
  const mask = bits >= 32 ? 0xffffffff : (1 << bits) - 1;
  // Multiplying by an odd constant and xor-shifting right are each invertible modulo 2^bits.
  let h = Math.imul(value & mask, 0x2c1b3c6d) & mask;
  h ^= h >>> Math.ceil(bits / 2);
  h = Math.imul(h, 0x297a2d39) & mask;
  h ^= h >>> Math.ceil(bits / 3);
  return h >>> 0;
}

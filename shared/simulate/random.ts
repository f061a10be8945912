/**
 * Seeded random numbers for the simulator, one independent stream per purpose
 * (simulation.md, "Randomness"): each start's arrivals, each node's durations and each
 * node's branch draws have their own stream, named by the node's id, so that changing one
 * step leaves every other step's draws as they were (common random numbers).
 *
 * Generator: xoshiro128** 1.1 (Blackman & Vigna, https://prng.di.unimi.it/), 128 bits of
 * state per stream. Each stream's state comes from SplitMix64 (Steele, Lea & Flood) started
 * at a 64-bit key mixed from the run's seed, the replication number and the FNV-1a 64 hash
 * of the stream's name. Uniforms take one 32-bit output and never return 0 or 1.
 */

const MASK64 = (1n << 64n) - 1n

/** SplitMix64's output function (also Stafford's variant 13 of MurmurHash3's finaliser). */
function mix64(z: bigint): bigint {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64
  return z ^ (z >> 31n)
}

const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n

// Ziggurat tables for the standard normal (Marsaglia & Tsang 2000, 128 layers), for 25-bit
// signed values: K holds the acceptance bounds, W the scale per layer, F the density at each edge.
const ZIGGURAT_R = 3.442619855899
const ZIGGURAT_V = 9.91256303526217e-3
const ZIGGURAT_M = 2 ** 24
const ZIGGURAT_K = new Float64Array(128)
const ZIGGURAT_W = new Float64Array(128)
const ZIGGURAT_F = new Float64Array(128)
{
  let d = ZIGGURAT_R
  let t = d
  const q = ZIGGURAT_V / Math.exp(-0.5 * d * d)
  ZIGGURAT_K[0] = (d / q) * ZIGGURAT_M
  ZIGGURAT_K[1] = 0
  ZIGGURAT_W[0] = q / ZIGGURAT_M
  ZIGGURAT_W[127] = d / ZIGGURAT_M
  ZIGGURAT_F[0] = 1
  ZIGGURAT_F[127] = Math.exp(-0.5 * d * d)
  for (let i = 126; i >= 1; i--) {
    d = Math.sqrt(-2 * Math.log(ZIGGURAT_V / d + Math.exp(-0.5 * d * d)))
    ZIGGURAT_K[i + 1] = (d / t) * ZIGGURAT_M
    t = d
    ZIGGURAT_F[i] = Math.exp(-0.5 * d * d)
    ZIGGURAT_W[i] = d / ZIGGURAT_M
  }
}

/**
 * Uniform on (0, 1) of 32 random bits (signed, as `next32` gives them): offset by half a step so
 * neither end occurs. A resolution of 2⁻³² is below anything a process model can tell apart.
 */
function unit(bits: number): number {
  return ((bits >>> 0) + 0.5) * 2.3283064365386963e-10
}

/** FNV-1a, 64 bits, over the UTF-16 code units of a name. */
function fnv1a64(text: string): bigint {
  let hash = 0xcbf29ce484222325n
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i))
    hash = (hash * 0x100000001b3n) & MASK64
  }
  return hash
}

/** The 64-bit key of stream `name` in replication `replication` of a run seeded `seed`. */
export function streamKey(seed: number, replication: number, name: string): bigint {
  const seedBits = BigInt.asUintN(64, BigInt(Math.trunc(seed)))
  const run = mix64((mix64(seedBits) + BigInt(replication + 1) * GOLDEN_GAMMA) & MASK64)
  return mix64(run ^ fnv1a64(name))
}

/** A set of xoshiro128** streams with the samplers the simulator needs. */
export class RandomStreams {
  /** Int32Array rather than Uint32Array: the same bits, but values stay in V8's small-integer fast path. */
  private readonly state: Int32Array

  /** `keys[i]` seeds stream i (see `streamKey`). */
  constructor(keys: readonly bigint[]) {
    this.state = new Int32Array(keys.length * 4)
    keys.forEach((key, i) => {
      // SplitMix64: add the golden gamma, output mix64 of the sum; two outputs fill 128 bits.
      let x = key
      for (let half = 0; half < 2; half++) {
        x = (x + GOLDEN_GAMMA) & MASK64
        const z = mix64(x)
        this.state[i * 4 + half * 2] = Number(BigInt.asIntN(32, z))
        this.state[i * 4 + half * 2 + 1] = Number(BigInt.asIntN(32, z >> 32n))
      }
      // xoshiro's one forbidden state is all zeros.
      if ((this.state[i * 4]! | this.state[i * 4 + 1]! | this.state[i * 4 + 2]! | this.state[i * 4 + 3]!) === 0) {
        this.state[i * 4] = 1
      }
    })
  }

  /** Streams with the given raw states (four 32-bit words each), e.g. to check the published test vectors. */
  static fromStates(states: readonly (readonly [number, number, number, number])[]): RandomStreams {
    const streams = new RandomStreams(states.map(() => 1n))
    states.forEach((words, i) => words.forEach((word, k) => (streams.state[i * 4 + k] = word | 0)))
    return streams
  }

  /** The next 32 output bits of stream s, as an unsigned integer (the published test vectors' form). */
  nextUint32(s: number): number {
    return this.next32(s) >>> 0
  }

  /**
   * The next 32 output bits of stream s as a signed integer: always a small integer to V8, never
   * a heap number, even where the call is not inlined (an unsigned value above 2³¹ would be).
   */
  private next32(s: number): number {
    const st = this.state
    const o = s << 2
    const s0 = st[o]!
    const s1 = st[o + 1]!
    const s2 = st[o + 2]! ^ s0
    const s3 = st[o + 3]! ^ s1
    const x = Math.imul(s1, 5)
    const result = Math.imul((x << 7) | (x >>> 25), 9)
    st[o] = s0 ^ s3
    st[o + 1] = s1 ^ s2
    st[o + 2] = s2 ^ (s1 << 9)
    st[o + 3] = (s3 << 11) | (s3 >>> 21)
    return result
  }

  /** Uniform on (0, 1) of stream s's next 32 bits (see `unit`). */
  uniform(s: number): number {
    return unit(this.next32(s))
  }

  /**
   * Standard normal by the ziggurat method (Marsaglia & Tsang 2000, "The Ziggurat Method for
   * Generating Random Variables", 128 layers): one 32-bit draw decides about 99 % of values
   * with a table look-up. The layer comes from the low 7 bits and the value from the other 25,
   * so the two are independent (Doornik 2005's remark on the original).
   */
  normal(s: number): number {
    const bits = this.next32(s)
    const layer = bits & 127
    const j = bits >> 7
    // Math.abs rather than a test of the sign, a coin flip that a branch would mispredict.
    if (Math.abs(j) < ZIGGURAT_K[layer]!) return j * ZIGGURAT_W[layer]!
    return this.normalEdge(s, layer, j)
  }

  /**
   * The rest of `normal` after a first draw (`layer`, `j`) outside its layer's rectangle, about
   * one in a hundred: the tail beyond r, or a point under the layer's curved edge, else again.
   */
  private normalEdge(s: number, layer: number, j: number): number {
    for (;;) {
      const x = j * ZIGGURAT_W[layer]!
      if (layer === 0) {
        // The tail beyond r (Marsaglia 1964).
        let tx: number
        let ty: number
        do {
          tx = -Math.log(this.uniform(s)) / ZIGGURAT_R
          ty = -Math.log(this.uniform(s))
        } while (ty + ty < tx * tx)
        return j > 0 ? ZIGGURAT_R + tx : -ZIGGURAT_R - tx
      }
      const f = ZIGGURAT_F[layer]!
      if (f + this.uniform(s) * (ZIGGURAT_F[layer - 1]! - f) < Math.exp(-0.5 * x * x)) return x
      const bits = this.next32(s)
      layer = bits & 127
      j = bits >> 7
      if (Math.abs(j) < ZIGGURAT_K[layer]!) return j * ZIGGURAT_W[layer]!
    }
  }

  /**
   * Uniforms on (0, 1) into `out[from ..< to]`, the numbers `uniform(s)` gives one at a time. (A
   * loop of this size V8 compiles as well as one keeping the state in locals: measured.)
   */
  uniformsInto(s: number, out: Float64Array, from: number, to: number): void {
    for (let i = from; i < to; i++) out[i] = this.uniform(s)
  }

  /**
   * Beta-PERT draws into `out[from ..< to]`: Beta(α, β) as X / (X + Y) with X ~ Gamma(α) and
   * Y ~ Gamma(β), scaled to [min, min + width]; `p[o ...]` holds min, width, then for α and for β
   * the constants d = shape − 1/3 and c = 1/√(9d) of Marsaglia & Tsang's gamma method (2000,
   * shapes ≥ 1). Written out, as the simulator's commonest draw: stream s's state stays in locals
   * for the whole block (10 ns of 27 a draw, measured), and each turn of the loop takes one
   * 32-bit output — a gamma's normal or its uniform, by turns.
   */
  pertInto(s: number, p: Float64Array, o: number, out: Float64Array, from: number, to: number): void {
    const st = this.state
    const at = s << 2
    let s0 = st[at]!
    let s1 = st[at + 1]!
    let s2 = st[at + 2]!
    let s3 = st[at + 3]!
    const min = p[o]!
    const width = p[o + 1]!
    let i = from
    // Which gamma (0 for α, 2 for β), its constants, and the normal drawn for it so far.
    let g = 0
    let d = p[o + 2]!
    let c = p[o + 3]!
    let x = 0
    let v = 0
    let forNormal = true
    let alpha = 0
    while (i < to) {
      // xoshiro128** as `next32` steps it, on the state in locals.
      const m = Math.imul(s1, 5)
      const bits = Math.imul((m << 7) | (m >>> 25), 9)
      const t = s1 << 9
      s2 ^= s0
      s3 ^= s1
      s1 ^= s2
      s0 ^= s3
      s2 ^= t
      s3 = (s3 << 11) | (s3 >>> 21)
      if (forNormal) {
        const layer = bits & 127
        const j = bits >> 7
        if (Math.abs(j) < ZIGGURAT_K[layer]!) x = j * ZIGGURAT_W[layer]!
        else {
          // The normal's rare rest draws from the stream itself.
          st[at] = s0
          st[at + 1] = s1
          st[at + 2] = s2
          st[at + 3] = s3
          x = this.normalEdge(s, layer, j)
          s0 = st[at]!
          s1 = st[at + 1]!
          s2 = st[at + 2]!
          s3 = st[at + 3]!
        }
        v = 1 + c * x
        if (v > 0) {
          v = v * v * v
          forNormal = false
        }
        continue
      }
      // The uniform, and Marsaglia & Tsang's test: the squeeze decides nearly always.
      forNormal = true
      const u = unit(bits)
      const x2 = x * x
      if (!(u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v)))) continue
      if (g === 0) {
        alpha = d * v
        g = 2
      } else {
        const beta = d * v
        out[i++] = min + (width * alpha) / (alpha + beta)
        g = 0
      }
      d = p[o + 2 + g]!
      c = p[o + 3 + g]!
    }
    st[at] = s0
    st[at + 1] = s1
    st[at + 2] = s2
    st[at + 3] = s3
  }
}

/**
 * The set of member-number sequences a branch has handed out, as an immutable chunked bitmap.
 *
 * Why not a `Set<number>`: `evolve` must not mutate state, and copying a whole Set per reservation
 * makes loading a branch of n members O(n²). Here a reservation copies one 1,024-bit chunk and the
 * chunk index (≤ 977 references), so each event costs a bounded amount whatever the branch's size.
 */
const CHUNK_BITS = 1024;
const WORDS_PER_CHUNK = CHUNK_BITS / 32;
const FULL_WORD = 0xffffffff;

export interface TakenSequences {
  /** chunks[i] holds sequences i*1024 … i*1024+1023; undefined = none taken there. */
  readonly chunks: readonly (Uint32Array | undefined)[];
  /** Highest sequence taken, 0 when none. */
  readonly highest: number;
  readonly count: number;
}

/** No sequence taken. */
export const NO_SEQUENCES_TAKEN: TakenSequences = { chunks: [], highest: 0, count: 0 };

/** Whether `sequence` (a positive integer) is taken. */
export function isSequenceTaken(taken: TakenSequences, sequence: number): boolean {
  const chunk = taken.chunks[Math.floor(sequence / CHUNK_BITS)];
  if (!chunk) return false;
  const bit = sequence % CHUNK_BITS;
  return (chunk[bit >>> 5] & (1 << (bit & 31))) !== 0;
}

/**
 * The smallest sequence in (`after`, `max`] that is not taken, or undefined when all are. Skips
 * untouched chunks and full 32-bit words, so even a full register is searched in ~31,000 steps.
 */
export function nextFreeSequence(taken: TakenSequences, after: number, max: number): number | undefined {
  let sequence = Math.max(after + 1, 1);
  while (sequence <= max) {
    const chunk = taken.chunks[Math.floor(sequence / CHUNK_BITS)];
    if (!chunk) return sequence;
    const bit = sequence % CHUNK_BITS;
    const word = chunk[bit >>> 5];
    if (word === FULL_WORD) {
      sequence += 32 - (bit & 31);
      continue;
    }
    if ((word & (1 << (bit & 31))) === 0) return sequence;
    sequence++;
  }
  return undefined;
}

/** A new set with `sequence` added (the same set if it was already taken). Never mutates `taken`. */
export function withSequenceTaken(taken: TakenSequences, sequence: number): TakenSequences {
  if (isSequenceTaken(taken, sequence)) return taken;
  const index = Math.floor(sequence / CHUNK_BITS);
  const bit = sequence % CHUNK_BITS;
  const existing = taken.chunks[index];
  const chunk = existing ? Uint32Array.from(existing) : new Uint32Array(WORDS_PER_CHUNK);
  chunk[bit >>> 5] |= 1 << (bit & 31);
  const chunks = taken.chunks.slice();
  chunks[index] = chunk;
  return { chunks, highest: Math.max(taken.highest, sequence), count: taken.count + 1 };
}

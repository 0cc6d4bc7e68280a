/**
 * Columns that grow while a graph streams in, for millions of accounts and tens of millions of
 * links: typed arrays over growable SharedArrayBuffers (no JS array of boxed numbers, no copy when
 * they grow or when the worker threads read them), and strings packed as UTF-8 bytes with an index.
 */

/** Growable SharedArrayBuffer (ES2024; Node 20+): grows in place, pages touched only when written. */
type GrowableSharedArrayBuffer = SharedArrayBuffer & { grow(newByteLength: number): void; readonly maxByteLength: number };
const GrowableShared = SharedArrayBuffer as unknown as new (byteLength: number, options: { maxByteLength: number }) => GrowableSharedArrayBuffer;

/**
 * Address space reserved per column (not memory: only written pages count): 1 GiB, 134M doubles,
 * well past the 50M-relationship default of a load, and modest in Electron's 1 TB V8 sandbox.
 */
const MAX_COLUMN_BYTES = 2 ** 30;
const FIRST_BYTES = 1 << 16;

type TypedColumn = Int32Array | Float64Array | Uint8Array;
type ColumnType<T extends TypedColumn> = { new (buffer: SharedArrayBuffer, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number };

/** An append-only typed column. `values()` is a fixed-length view of the values so far, shared, never copied. */
export class GrowableColumn<T extends TypedColumn> {
  private readonly buffer = new GrowableShared(0, { maxByteLength: MAX_COLUMN_BYTES });
  private view: T;
  length = 0;

  constructor(private readonly type: ColumnType<T>) {
    this.view = new type(this.buffer, 0, 0);
  }

  push(value: number): void {
    if (this.length === this.view.length) this.grow();
    this.view[this.length++] = value;
  }

  values(): T {
    return new this.type(this.buffer, 0, this.length);
  }

  /** Every slot written or not (values() without allocating a view): for reading in a hot loop. */
  get store(): T {
    return this.view;
  }

  private grow(): void {
    const byteLength = Math.min(MAX_COLUMN_BYTES, Math.max(FIRST_BYTES, Math.ceil(this.buffer.byteLength * 1.5)));
    if (byteLength <= this.buffer.byteLength) throw new RangeError('A loaded column is larger than 1 GiB');
    this.buffer.grow(byteLength - (byteLength % 8));
    this.view = new this.type(this.buffer, 0, this.buffer.byteLength / this.type.BYTES_PER_ELEMENT);
  }
}

/** Strings as UTF-8 bytes; string i is bytes[ends[i - 1] .. ends[i]). Plain data: worker threads read it shared. */
export interface PackedStrings {
  bytes: Uint8Array;
  ends: Int32Array;
}

const decoder = new TextDecoder();

export function packedCount(packed: PackedStrings): number {
  return packed.ends.length;
}

export function packedAt(packed: PackedStrings, i: number): string {
  return decoder.decode(packed.bytes.subarray(i === 0 ? 0 : packed.ends[i - 1], packed.ends[i]));
}

/** All strings, in order: for small lists (tests, a batch), not for millions. */
export function unpacked(packed: PackedStrings, start = 0, end = packedCount(packed)): string[] {
  const strings: string[] = [];
  for (let i = start; i < end; i++) strings.push(packedAt(packed, i));
  return strings;
}

const encoder = new TextEncoder();
const EMPTY_SLOT = -1;

/**
 * Hands out 0, 1, 2 … to strings in first-seen order and finds them again: a packed byte column and
 * an open-addressing hash table of positions, about 4× smaller than a Map of JS strings (which also
 * stops at 16.7M keys). Keys are compared as UTF-8 bytes.
 */
export class StringIndex {
  private readonly bytes = new GrowableColumn(Uint8Array);
  private readonly ends = new GrowableColumn(Int32Array);
  private slots = new Int32Array(1 << 10).fill(EMPTY_SLOT);
  private scratch = new Uint8Array(256);
  private keyLength = 0;

  get count(): number {
    return this.ends.length;
  }

  /** The key's position, or -1 when it was never handed out. */
  find(key: string): number {
    const slot = this.slotOf(key);
    return this.slots[slot];
  }

  /** The key's position, handing out the next one to a new key (compare `count` before and after to tell). */
  of(key: string): number {
    const slot = this.slotOf(key);
    const known = this.slots[slot];
    if (known !== EMPTY_SLOT) return known;
    const position = this.ends.length;
    for (let b = 0; b < this.keyLength; b++) this.bytes.push(this.scratch[b]);
    this.ends.push(this.bytes.length);
    this.slots[slot] = position;
    if (this.ends.length * 4 > this.slots.length * 3) this.rehash();
    return position;
  }

  at(position: number): string {
    return packedAt(this.packed(), position);
  }

  /** The strings so far, shared with this index (no copy). */
  packed(): PackedStrings {
    return { bytes: this.bytes.values(), ends: this.ends.values() };
  }

  /** Encodes the key into scratch and finds its slot: the one holding it, or the empty one where it goes. */
  private slotOf(key: string): number {
    while (true) {
      const { read, written } = encoder.encodeInto(key, this.scratch);
      if (read === key.length) {
        this.keyLength = written;
        break;
      }
      this.scratch = new Uint8Array(this.scratch.length * 2);
    }
    const mask = this.slots.length - 1;
    const bytes = this.bytes.store;
    const ends = this.ends.store;
    for (let slot = hashOf(this.scratch, 0, this.keyLength) & mask; ; slot = (slot + 1) & mask) {
      const position = this.slots[slot];
      if (position === EMPTY_SLOT) return slot;
      const start = position === 0 ? 0 : ends[position - 1];
      if (ends[position] - start === this.keyLength && sameBytes(bytes, start, this.scratch, this.keyLength)) return slot;
    }
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY_SLOT);
    const mask = slots.length - 1;
    const bytes = this.bytes.store;
    const ends = this.ends.store;
    for (let position = 0; position < this.ends.length; position++) {
      const start = position === 0 ? 0 : ends[position - 1];
      let slot = hashOf(bytes, start, ends[position]) & mask;
      while (slots[slot] !== EMPTY_SLOT) slot = (slot + 1) & mask;
      slots[slot] = position;
    }
    this.slots = slots;
  }
}

/** FNV-1a over bytes[start .. end). */
function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let b = start; b < end; b++) hash = Math.imul(hash ^ bytes[b], 0x01000193);
  return hash >>> 0;
}

function sameBytes(bytes: Uint8Array, start: number, key: Uint8Array, length: number): boolean {
  for (let b = 0; b < length; b++) if (bytes[start + b] !== key[b]) return false;
  return true;
}

/** A fixed-length Int32Array in shared memory: the worker threads read it without a copy. */
export function sharedInt32Array(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT));
}

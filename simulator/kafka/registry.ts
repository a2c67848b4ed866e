// Tables shared by every clone of one simulation: interned keys, record sources (a producer's values
// and message ids) and the partition of each key under each partitioner. They only ever grow, so
// sharing them between checkpoints is safe.
import { keyPartition, type Partitioner } from './partitioner';

/** keyId of a record without a key. */
export const NO_KEY = -1;
/** A key's partition when it has none of its own: the producer's sticky partition, as for a null key. */
export const STICKY = -1;
/** Not computed yet (the partition cache). */
const UNKNOWN = -2;

export interface RecordSource {
  /** Producer id (message ids are `<id>-<seq>` unless `ids` names them). */
  id: string;
  /** Values cycled by sequence number (null = tombstone); null: placeholders `v<seq>`. */
  values: (string | null)[] | null;
  ids: string[] | null;
  valueBytes: number;
}

export class KafkaRegistry {
  keys: string[] = [];
  keyIndex = new Map<string, number>();
  keyBytes: number[] = [];
  sources: RecordSource[] = [];
  sourceIndex = new Map<string, number>();
  private partitionCache = new Map<string, Int32Array>();
  private encoder = new TextEncoder();

  intern(key: string): number {
    let id = this.keyIndex.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keys.push(key);
      this.keyIndex.set(key, id);
      this.keyBytes.push(this.encoder.encode(key).length);
    }
    return id;
  }

  /** keyIds for keys as a scenario writes them (null = no key). */
  internAll(keys: readonly (string | null)[]): Int32Array {
    return Int32Array.from(keys, (k) => (k === null ? NO_KEY : this.intern(k)));
  }

  source(id: string, values: (string | null)[] | null, valueBytes: number, ids: string[] | null = null): number {
    const found = this.sourceIndex.get(id);
    if (found !== undefined) return found;
    this.sources.push({ id, values, ids, valueBytes });
    this.sourceIndex.set(id, this.sources.length - 1);
    return this.sources.length - 1;
  }

  messageId(source: number, seq: number): string {
    const s = this.sources[source]!;
    return s.ids?.[seq] ?? `${s.id}-${seq}`;
  }

  /** Whether record `seq` of a source is a tombstone (its value is null). */
  isTombstone(source: number, seq: number): boolean {
    const values = this.sources[source]!.values;
    return values !== null && values[seq % values.length] === null;
  }

  /** Partition of a key under a producer's partitioner, or STICKY when the key has no partition of its own. */
  partitionFor(keyId: number, n: number, partitioner: Partitioner): number {
    const cacheKey = `${partitioner}:${n}`;
    let cache = this.partitionCache.get(cacheKey);
    if (!cache || cache.length <= keyId) {
      const next = new Int32Array(Math.max(64, (keyId + 1) * 2)).fill(UNKNOWN);
      if (cache) next.set(cache);
      cache = next;
      this.partitionCache.set(cacheKey, cache);
    }
    let p = cache[keyId]!;
    if (p === UNKNOWN) p = cache[keyId] = keyPartition(this.keys[keyId]!, n, partitioner) ?? STICKY;
    return p;
  }
}

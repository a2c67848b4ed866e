// Column stores (the agenda, a partition's log) keep one typed array per field and grow them together.

type Column = Float64Array | Int32Array | Uint16Array | Uint8Array;

/** A copy of `column` with room for `capacity` entries (same type, same values first). */
export function grown<T extends Column>(column: T, capacity: number): T {
  const next = new (column.constructor as new (n: number) => T)(capacity);
  next.set(column);
  return next;
}

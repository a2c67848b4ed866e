// A stable hash of an event trace: FNV-1a (32-bit) over canonical JSON (keys sorted), for
// determinism tests in Node and the browser.
import type { SimEvent } from './events';

export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

export function fnv1a(text: string, h = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hex FNV-1a of the canonical JSON of every event, in order. */
export function hashEvents(events: readonly SimEvent[]): string {
  let h = 0x811c9dc5;
  for (const e of events) h = fnv1a(canonicalJson(e) + '\n', h);
  return h.toString(16).padStart(8, '0');
}

// Compact, URL-safe encoding of a small key → values map: `key.v1-v2_key2.v3`.
// Only [a-z0-9] tokens plus `.`, `-`, `_`, which URLSearchParams leaves unescaped.

export interface TokenEntry {
  key: string;
  values: string[];
}

export interface DecodedEntries {
  entries: TokenEntry[];
  /** Raw segments that were not `key.value[-value…]` with valid tokens. */
  garbage: string[];
  /** Characters past MAX_ENCODED_LENGTH that were not read (0 when the whole input was read). */
  cut: number;
}

export const TOKEN_PATTERN = /^[a-z0-9]{1,24}$/;
const ENTRY_SEP = '_';
const KEY_SEP = '.';
const VALUE_SEP = '-';
/** Longer inputs are cut here so a hostile link cannot make decoding slow. */
export const MAX_ENCODED_LENGTH = 2000;

export function isToken(s: string): boolean {
  return TOKEN_PATTERN.test(s);
}

export function encodeEntries(entries: readonly TokenEntry[]): string {
  return entries
    .filter((e) => isToken(e.key) && e.values.length > 0 && e.values.every(isToken))
    .map((e) => `${e.key}${KEY_SEP}${e.values.join(VALUE_SEP)}`)
    .join(ENTRY_SEP);
}

export function decodeEntries(raw: string): DecodedEntries {
  const entries: TokenEntry[] = [];
  const garbage: string[] = [];
  const input = raw.length > MAX_ENCODED_LENGTH ? raw.slice(0, MAX_ENCODED_LENGTH) : raw;
  const cut = raw.length - input.length;
  for (const segment of input.split(ENTRY_SEP)) {
    if (segment === '') continue;
    const dot = segment.indexOf(KEY_SEP);
    const key = dot < 0 ? '' : segment.slice(0, dot).toLowerCase();
    const values =
      dot < 0
        ? []
        : segment
            .slice(dot + 1)
            .toLowerCase()
            .split(VALUE_SEP);
    if (!isToken(key) || values.length === 0 || !values.every(isToken)) {
      garbage.push(segment);
      continue;
    }
    entries.push({ key, values });
  }
  return { entries, garbage, cut };
}

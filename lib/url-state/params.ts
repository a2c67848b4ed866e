// Reading and writing query parameters of an address, keeping the rest of it.

/** Reads one query parameter from a `?a=…` search string (or a full href). */
export function readParam(search: string, name: string): string | null {
  const q = search.includes('?') ? search.slice(search.indexOf('?') + 1) : search;
  return new URLSearchParams(q.split('#')[0]).get(name);
}

/** Returns `href` with `name` set to `value` (or removed when value is null/empty), keeping the rest. */
export function withParam(href: string, name: string, value: string | null): string {
  return withParams(href, { [name]: value });
}

/** Returns `href` with each parameter set (or removed when its value is null/empty), keeping the rest. */
export function withParams(href: string, params: Readonly<Record<string, string | null>>): string {
  const url = new URL(href, 'http://local.invalid');
  for (const [name, value] of Object.entries(params)) {
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  const isAbsolute = /^[a-z]+:\/\//i.test(href);
  return isAbsolute ? url.toString() : `${url.pathname}${url.search}${url.hash}`;
}

/**
 * The id a `#fragment` points at, percent-decoded; null when it cannot be decoded (`#%E0%A4`, `#feature-%`):
 * anyone can send such a link, and it must not break the page.
 */
export function fragmentId(hash: string): string | null {
  try {
    return decodeURIComponent(hash.startsWith('#') ? hash.slice(1) : hash);
  } catch {
    return null;
  }
}

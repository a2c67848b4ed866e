// base64url without padding (RFC 4648 §5): the one codec the pages use to carry JSON in a link.
// Decoding never throws: anything that is not base64url (or, for text, not UTF-8) gives null.

/** Uint8Array's own base64 (Chromium 140+, Firefox 133+, Safari 18.2+), when the browser has it. */
type NativeBase64 = { toBase64?: (this: Uint8Array, o: { alphabet: 'base64url'; omitPadding: boolean }) => string };

export function bytesToBase64Url(bytes: Uint8Array): string {
  const native = (bytes as unknown as NativeBase64).toBase64;
  if (native) return native.call(bytes, { alphabet: 'base64url', omitPadding: true });
  let bin = '';
  // In chunks: one character at a time is slow for a large value, all at once overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64UrlToBytes(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** UTF-8 text as base64url. */
export function toBase64Url(text: string): string {
  return bytesToBase64Url(new TextEncoder().encode(text));
}

/** base64url back to text; null when it is not base64url or not UTF-8. */
export function fromBase64Url(text: string): string | null {
  const bytes = base64UrlToBytes(text);
  if (bytes === null) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

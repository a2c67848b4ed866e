/**
 * The site's Content-Security-Policy, shipped as a meta tag (a static host may send no headers).
 * Nothing may load from another origin. Scripts: the site's own files; the inline scripts of the
 * static export (the theme script, Next's bootstrap and payload, the script loader) are allowed by
 * their SHA-256 hashes, which scripts/postbuild.mjs computes per page and adds to script-src. Only the
 * development server, whose scripts change as you edit, gets 'unsafe-inline' and 'unsafe-eval'.
 * Headers a meta tag cannot carry (frame-ancestors) are in serve.json and the README's hosting note.
 */
export function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self'${dev ? " 'unsafe-inline' 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The site's Content-Security-Policy, shipped as a meta tag (a static host sets no headers for us).
 * Nothing may load from another origin. Inline scripts are needed by Next's static export and
 * the theme script; eval only by the development server's fast refresh.
 */
export function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

// The pages' state in the address bar: one base64url codec (JSON in a link), a compact token codec
// (`key.v1-v2_key2.v3`), and reading/writing parameters. The hook that keeps the address in step
// with a page is in use-url-params.ts (client only).
export * from './base64url';
export * from './params';
export * from './tokens';

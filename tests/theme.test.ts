import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '@/lib/csp';
import { parseStoredTheme, themeInitScript, THEME_STORAGE_KEY } from '@/lib/theme';

describe('parseStoredTheme', () => {
  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
    [null, null],
    ['', null],
    ['DARK', null],
    ['{"garbage', null],
  ] as const)('%j → %j', (stored, expected) => {
    expect(parseStoredTheme(stored)).toBe(expected);
  });

  it('the inline script reads the same storage key', () => {
    expect(themeInitScript).toContain(`'${THEME_STORAGE_KEY}'`);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows nothing from other origins in production', () => {
    const csp = contentSecurityPolicy(false);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:|\*|unsafe-eval|ws:/);
  });
  it("allows no inline script without its hash: script-src has no 'unsafe-inline' (postbuild adds the hashes)", () => {
    expect(contentSecurityPolicy(false)).toMatch(/script-src 'self';/);
  });
  it('lets the dev server use eval and its websocket', () => {
    expect(contentSecurityPolicy(true)).toMatch(/unsafe-eval.*ws:/);
  });
});

export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'kvr-theme';

/** Reads a stored choice; anything but 'light' or 'dark' counts as no choice (follow the system). */
export function parseStoredTheme(value: string | null): Theme | null {
  return value === 'light' || value === 'dark' ? value : null;
}

/**
 * Runs in <head> before first paint so the page never flashes the wrong theme.
 * Kept tiny and dependency-free because it is inlined into every page.
 */
export const themeInitScript = `(function(){try{var k='${THEME_STORAGE_KEY}',s=localStorage.getItem(k);if(s!=='light'&&s!=='dark'){if(s!==null)localStorage.removeItem(k);s=null}var d=s?s==='dark':matchMedia('(prefers-color-scheme: dark)').matches;document.documentElement.classList.toggle('dark',d)}catch(e){}})();`;

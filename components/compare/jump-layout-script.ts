/**
 * Sections far off screen are not laid out (globals.css, `.compare-section`), so until they are
 * drawn their heights are estimates, and a jump to an anchor would land by the estimates and then
 * slide away as the sections around its target are drawn (the browser's scroll anchoring does not
 * make up for sections drawn after a jump). So before any jump the whole page is laid out once
 * (`data-jump` on <html>):
 * - an address that arrives with a #fragment: before the sections are parsed, so the browser's own
 *   scroll to the fragment already sees the real page;
 * - a click (or Enter) on a link to an anchor on the page: caught before the browser scrolls;
 * - any other change of fragment (typed into the address bar, history): laid out, then scrolled
 *   to the target again.
 * It runs inline, before the sections and before any of the page's JavaScript, so it works before
 * React has hydrated the page (and without it); DrawSections runs it again when the page is reached
 * from another page of the site (no inline script runs then), and draws the rest once loaded.
 */
export function jumpLayout() {
  const root = document.documentElement;
  const layOut = () => {
    if (root.dataset.jump !== undefined) return false;
    root.dataset.jump = '';
    return true;
  };
  const toTarget = () => {
    if (location.hash.length < 2) return;
    let id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // A malformed escape: look the fragment up as typed.
    }
    document.getElementById(id)?.scrollIntoView();
  };
  // Inline, the target is not parsed yet and the browser scrolls to it itself; after a move from
  // another page of the site (DrawSections), the router has scrolled by the estimates: again.
  if (location.hash.length > 1 && layOut()) toTarget();
  const w = window as Window & { kvrJumpLayout?: true };
  if (w.kvrJumpLayout) return;
  w.kvrJumpLayout = true;
  document.addEventListener(
    'click',
    (event) => {
      if (event.target instanceof Element && event.target.closest('a[href^="#"]')) layOut();
    },
    true,
  );
  window.addEventListener('hashchange', () => {
    if (layOut()) toTarget();
  });
}

export const JUMP_LAYOUT_SCRIPT = `(${jumpLayout.toString()})()`;

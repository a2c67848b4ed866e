'use client';
import { useEffect } from 'react';
import { jumpLayout } from './jump-layout-script';

/**
 * Once the page has loaded, draws the sections that were skipped while off screen (globals.css,
 * `.compare-section`), one per idle moment so each is a short task: the page soon has its true
 * height, so the scroll bar, the End key and scrolling back up after a jump all meet real sizes.
 * Reached from another page of the site, it also sets up what the inline jump script does.
 */
export function DrawSections() {
  useEffect(() => {
    jumpLayout();
    const sections = [...document.querySelectorAll<HTMLElement>('.compare-section')];
    let timer = 0;
    const idle = (f: () => void) => {
      timer = typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout: 2000 }) : window.setTimeout(f, 50);
    };
    const drawNext = () => {
      const section = sections.find((s) => s.dataset.drawn === undefined);
      if (!section) return;
      section.dataset.drawn = '';
      idle(drawNext);
    };
    const start = () => idle(drawNext);
    if (document.readyState === 'complete') start();
    else window.addEventListener('load', start, { once: true });
    return () => {
      window.removeEventListener('load', start);
      if (typeof cancelIdleCallback === 'function') cancelIdleCallback(timer);
      clearTimeout(timer);
    };
  }, []);
  return null;
}

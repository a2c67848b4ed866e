'use client';
import { useEffect } from 'react';
import { onIdle, onLoad } from '@/lib/idle';
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
    let cancel = () => {};
    const drawNext = () => {
      const section = sections.find((s) => s.dataset.drawn === undefined);
      if (!section) return;
      section.dataset.drawn = '';
      cancel = onIdle(drawNext, 2000);
    };
    const offLoad = onLoad(() => (cancel = onIdle(drawNext, 2000)));
    return () => {
      offLoad();
      cancel();
    };
  }, []);
  return null;
}

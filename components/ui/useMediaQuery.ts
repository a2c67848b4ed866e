'use client';
import { useEffect, useState } from 'react';

/** Whether a media query matches, following its changes; `before` until the first effect runs. */
export function useMediaQuery(query: string, before: boolean): boolean {
  const [matches, setMatches] = useState(before);
  useEffect(() => {
    const mq = window.matchMedia(query);
    const on = () => setMatches(mq.matches);
    on();
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, [query]);
  return matches;
}

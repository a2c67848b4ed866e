'use client';
import { useEffect, useState } from 'react';

/**
 * True once the element has come within `rootMargin` of the viewport (and stays true), so heavy
 * parts such as charts load their code only when a reader gets near them. Returns a callback ref,
 * so it also works for an element that mounts later.
 */
export function useInView<T extends Element>(rootMargin = '200px') {
  const [el, ref] = useState<T | null>(null);
  const [inView, setInView] = useState(false);
  useEffect(() => {
    if (!el || inView) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setInView(true), { rootMargin });
    io.observe(el);
    return () => io.disconnect();
  }, [el, inView, rootMargin]);
  return [ref, inView, setInView] as const;
}

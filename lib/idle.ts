// Work put off until the page has loaded and its main thread is free: the comparison page draws its
// off-screen sections then, and the simulator starts its engine's worker.

/** Calls `f` at the page's next idle moment, `timeout` ms at the latest (50 ms where the browser has no idle callbacks); returns a cancel. */
export function onIdle(f: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => f(), { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = window.setTimeout(f, 50);
  return () => clearTimeout(id);
}

/** Calls `f` once the page has loaded (at once if it has); returns a cancel. */
export function onLoad(f: () => void): () => void {
  if (document.readyState === 'complete') {
    f();
    return () => {};
  }
  window.addEventListener('load', f, { once: true });
  return () => window.removeEventListener('load', f);
}

'use client';
// The one way a page keeps its address bar in step with what it shows, so copying the address
// shares exactly this state.
import { useEffect, useRef } from 'react';
import { withParams } from './params';

/**
 * Writes `params` into the address bar's query with history.replaceState (no history entry per
 * change), keeping other parameters. `null` writes nothing (not ready yet, or nothing to say); a
 * parameter whose value is null is removed. `debounceMs` waits until the value has been still that
 * long (typing), so the address does not churn on every key. With `changesOnly`, the first params
 * (what the page opened with) are not written: the address changes when the page does.
 */
export function useUrlParams(
  params: Readonly<Record<string, string | null>> | null,
  { debounceMs = 0, changesOnly = false }: { debounceMs?: number; changesOnly?: boolean } = {},
): void {
  const wanted = params === null ? null : JSON.stringify(params);
  // The first params seen, until they first change (then every value is written, the first one too).
  const opened = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (wanted === null) return;
    if (changesOnly && opened.current !== null) {
      if (opened.current === undefined || opened.current === wanted) {
        opened.current = wanted;
        return;
      }
      opened.current = null;
    }
    const write = () => {
      const next = withParams(window.location.href, JSON.parse(wanted) as Record<string, string | null>);
      if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
    };
    if (debounceMs <= 0) return write();
    const timer = window.setTimeout(write, debounceMs);
    return () => window.clearTimeout(timer);
  }, [wanted, debounceMs, changesOnly]);
}

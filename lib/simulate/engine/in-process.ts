// The engine in this thread, for tests: the same host the worker runs, answering asynchronously, and
// every message copied as postMessage would copy it (structured clone).
import { createEngineHost } from './host';
import type { EnginePort } from './client';

export function inProcessEngine(): EnginePort {
  let alive = true;
  const port: EnginePort = {
    post: (req) => setTimeout(() => alive && host.handle(structuredClone(req)), 0),
    onMessage: null,
    onError: null,
    terminate: () => void (alive = false),
  };
  const host = createEngineHost((m) => {
    const copy = structuredClone(m);
    setTimeout(() => alive && port.onMessage?.(copy), 0);
  });
  return port;
}

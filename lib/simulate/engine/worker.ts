// The /simulate engine's Web Worker: the page's requests in, replies and news out (protocol.ts). The
// engine, its validators (zod) and the chart sampling all run here, off the page's main thread.
import './jitless';
import { createEngineHost } from './host';
import type { FromEngine, Request } from './protocol';

const scope = self as unknown as { postMessage(m: FromEngine): void; onmessage: ((e: MessageEvent<Request>) => void) | null };
const host = createEngineHost((m) => scope.postMessage(m));
scope.onmessage = (e) => host.handle(e.data);

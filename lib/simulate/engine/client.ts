// The page's side of the engine: a port to the engine (a Web Worker in the browser, the host itself
// in tests), and a client that numbers requests, matches replies, passes news on, and can start over
// with a fresh engine when the one it has is busy with work nobody wants any more.
import type { FromEngine, Push, Reply, Request } from './protocol';

/** A way to the engine. */
export interface EnginePort {
  post(req: Request): void;
  /** Replies and news. */
  onMessage: ((m: FromEngine) => void) | null;
  /** The engine stopped working (it could not load, or it crashed). */
  onError: ((message: string) => void) | null;
  terminate(): void;
}

export type EngineFactory = () => EnginePort;

/** The engine in a Web Worker: the page's main thread only sends requests and reads frames. */
export function workerEngine(): EnginePort {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { name: 'simulator engine' });
  const port: EnginePort = { post: (req) => worker.postMessage(req), onMessage: null, onError: null, terminate: () => worker.terminate() };
  worker.onmessage = (e: MessageEvent<FromEngine>) => port.onMessage?.(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    port.onError?.(e.message || 'the simulator engine could not start');
  };
  worker.onmessageerror = () => port.onError?.('a message from the simulator engine could not be read');
  return port;
}

type Unnumbered = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

export class EngineClient {
  private port: EnginePort | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (r: Reply) => void>();

  constructor(
    private readonly factory: EngineFactory,
    private readonly onPush: (p: Push) => void,
  ) {}

  /** Requests sent and not answered yet. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  private connect(): EnginePort {
    if (this.port) return this.port;
    const port = this.factory();
    port.onMessage = (m) => {
      if (port !== this.port) return;
      if ('push' in m) return this.onPush(m);
      const resolve = this.pending.get(m.id);
      this.pending.delete(m.id);
      resolve?.(m);
    };
    port.onError = (message) => {
      if (port !== this.port) return;
      this.drop(message);
    };
    this.port = port;
    return port;
  }

  /** Sends a request; the promise settles with its reply (a `failed` one when the engine is gone). */
  request(req: Unnumbered): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.connect().post({ ...req, id } as Request);
    });
  }

  /** Ends the engine and whatever it was computing; pending requests fail with `reason`, and the next request starts a fresh engine. */
  drop(reason: string): void {
    this.port?.terminate();
    this.port = null;
    const pending = [...this.pending];
    this.pending.clear();
    for (const [id, resolve] of pending) resolve({ kind: 'failed', id, message: reason });
  }
}

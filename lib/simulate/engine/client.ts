// The page's side of the engine: a port to the engine (a Web Worker in the browser, the host itself
// in tests), and a client that numbers requests, matches replies, passes news on, and can start over
// with a fresh engine when the one it has is busy with work nobody wants any more.
import { onIdle, onLoad } from '@/lib/idle';
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

let pageSettled: Promise<void> | null = null;
/**
 * Resolves once the page has loaded and its main thread has an idle moment (hydration done), or a
 * second after load at the latest.
 */
function afterLoadIdle(): Promise<void> {
  return (pageSettled ??= new Promise((resolve) => onLoad(() => onIdle(resolve, 1000))));
}

/** What a port needs of a Web Worker. */
type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror' | 'onmessageerror'>;

/**
 * A port whose worker starts once `when` resolves; requests sent before then wait, in order. A port
 * ended before that never starts its worker.
 */
export function deferredPort(when: Promise<void>, open: () => WorkerLike): EnginePort {
  const waiting: Request[] = [];
  let worker: WorkerLike | null = null;
  let ended = false;
  const port: EnginePort = {
    post: (req) => (worker ? worker.postMessage(req) : waiting.push(req)),
    onMessage: null,
    onError: null,
    terminate: () => {
      ended = true;
      worker?.terminate();
    },
  };
  void when.then(() => {
    if (ended) return;
    const w = open();
    w.onmessage = (e: MessageEvent<FromEngine>) => port.onMessage?.(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      port.onError?.(e.message || 'the simulator engine could not start');
    };
    w.onmessageerror = () => port.onError?.('a message from the simulator engine could not be read');
    for (const req of waiting.splice(0)) w.postMessage(req);
    worker = w;
  });
  return port;
}

/**
 * The engine in a Web Worker: the page's main thread only sends requests and reads frames. The
 * worker starts once the page has hydrated: its first work (compiling the engine, opening the link)
 * would otherwise share a phone's two cores with hydration and make each of the page's first tasks
 * longer.
 */
export const workerEngine: EngineFactory = () =>
  deferredPort(afterLoadIdle(), () => new Worker(new URL('./worker.ts', import.meta.url), { name: 'simulator engine' }));

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

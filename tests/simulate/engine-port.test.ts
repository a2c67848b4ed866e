import { describe, expect, it } from 'vitest';
import { deferredPort } from '@/lib/simulate/engine/client';
import type { Request } from '@/lib/simulate/engine/protocol';

/** A stand-in for the engine's worker: it records what it was sent and whether it was ended. */
function fakeWorker() {
  const sent: Request[] = [];
  const w = {
    sent,
    terminated: false,
    postMessage: (req: Request) => void sent.push(req),
    terminate: () => void (w.terminated = true),
    onmessage: null as Worker['onmessage'],
    onerror: null as Worker['onerror'],
    onmessageerror: null as Worker['onmessageerror'],
  };
  return w;
}

function gate() {
  let open!: () => void;
  const when = new Promise<void>((resolve) => (open = resolve));
  return { when, open };
}

const req = (id: number): Request => ({ kind: 'series', id });

describe('the engine port that starts its worker once the page has loaded', () => {
  it('starts no worker before then, and sends what was asked meanwhile, in order, once it starts', async () => {
    const { when, open } = gate();
    const w = fakeWorker();
    let opened = 0;
    const port = deferredPort(when, () => (opened++, w as unknown as Worker));
    port.post(req(1));
    port.post(req(2));
    await Promise.resolve();
    expect(opened).toBe(0);
    open();
    await when;
    await Promise.resolve();
    expect(opened).toBe(1);
    port.post(req(3));
    expect(w.sent.map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('passes the worker’s messages and failures on', async () => {
    const w = fakeWorker();
    const port = deferredPort(Promise.resolve(), () => w as unknown as Worker);
    const got: unknown[] = [];
    port.onMessage = (m) => got.push(m);
    port.onError = (e) => got.push(`error: ${e}`);
    await Promise.resolve();
    await Promise.resolve();
    w.onmessage!.call(w as unknown as Worker, { data: { id: 7, kind: 'ok' } } as MessageEvent);
    w.onerror!.call(w as unknown as Worker, { message: '', preventDefault() {} } as ErrorEvent);
    w.onmessageerror!.call(w as unknown as Worker, {} as MessageEvent);
    expect(got).toEqual([
      { id: 7, kind: 'ok' },
      'error: the simulator engine could not start',
      'error: a message from the simulator engine could not be read',
    ]);
  });

  it('never starts a worker for a port ended before the page was ready, and ends one that started', async () => {
    const first = gate();
    let opened = 0;
    const early = deferredPort(first.when, () => (opened++, fakeWorker() as unknown as Worker));
    early.post(req(1));
    early.terminate();
    first.open();
    await first.when;
    await Promise.resolve();
    expect(opened).toBe(0);

    const w = fakeWorker();
    const late = deferredPort(Promise.resolve(), () => w as unknown as Worker);
    await Promise.resolve();
    await Promise.resolve();
    late.terminate();
    expect(w.terminated).toBe(true);
  });
});

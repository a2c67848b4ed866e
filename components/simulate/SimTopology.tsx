'use client';
// The topology as graphs beside the lanes (#19, point 8): producers → partitions → consumer groups and
// publishers → exchanges → queues → consumers, with the counts the lanes print and the edges the
// latest events travelled lit. Drawn only while open: it redraws with every moment.
import dynamic from 'next/dynamic';
import { useState } from 'react';

const Graphs = dynamic(() => import('./SimTopologyGraphs'), { ssr: false, loading: () => <p className="text-sm">Loading the graphs…</p> });

export function SimTopology() {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="mt-4 rounded-xl border border-zinc-200 p-3 dark:border-zinc-800"
      open={open}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
      data-testid="sim-topology"
    >
      <summary className="cursor-pointer text-base font-semibold">Topology: where messages travel</summary>
      {open && (
        <>
          <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
            The same moment as the lanes. Lit: the paths records and messages took in the last half second of simulated time (a produce to
            its partition, a fetch, process or commit by a group, a publish, a routing by a binding, a delivery or ack). Edge labels: the
            consumer owning a partition, the binding key.
          </p>
          <Graphs />
        </>
      )}
    </details>
  );
}

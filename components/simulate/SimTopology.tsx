'use client';
// The topology as graphs beside the lanes (#19, point 8): producers → partitions → consumer groups and
// publishers → exchanges → queues → consumers (with dead-letter and alternate exchanges), with the counts
// the lanes print, the edges the latest events travelled lit, and messages moving along them
// (GraphFlights). Drawn only while open: it redraws with every moment.
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
            The same moment as the lanes. While it plays, a dot travels each edge a record or message takes (a produce to its partition, a
            fetch by a group, a publish, a routing by a binding, a delivery, a dead-lettering); a number beside a dot counts the messages it
            carries, once it is clear of the node the dot leaves (on a short edge there is no room for it). Lit: the paths taken in the last
            half second of simulated time. Dashed: a queue&rsquo;s dead-letter exchange and an exchange&rsquo;s alternate exchange, taken
            only sometimes. Edge labels: the consumer owning a partition, the binding key.
          </p>
          <Graphs />
        </>
      )}
    </details>
  );
}

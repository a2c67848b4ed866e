'use client';
// The topology as graphs beside the lanes (#19, point 8): producers → partitions → consumer groups and
// publishers → exchanges → queues → consumers, with the counts the lanes print and the edges the
// latest events travelled lit. Drawn only while open: it redraws with every moment.
import { useMemo, useState } from 'react';
import { FlowGraph } from '@/components/ui/FlowGraph';
import { layoutGraph } from '@/lib/graph/layout';
import { kafkaGraph, rabbitGraph, type SimGraph } from '@/lib/simulate/topology';
import { useSim } from './context';

function Graph({ title, graph, testId }: { title: string; graph: SimGraph; testId: string }) {
  const layout = useMemo(() => layoutGraph(graph.nodes, graph.edges), [graph]);
  if (graph.nodes.length === 0) return null;
  return (
    <figure className="min-w-0">
      <figcaption className="text-sm font-semibold">{title}</figcaption>
      <FlowGraph
        className="mt-1"
        layout={layout}
        label={graph.summary}
        litNodes={graph.litNodes}
        litEdges={graph.litEdges}
        testId={testId}
      />
    </figure>
  );
}

function Graphs() {
  const snapshot = useSim((s) => s.snapshot);
  const scenario = useSim((s) => s.loaded.scenario);
  const recent = useSim((s) => s.recent);
  const kafka = useMemo(() => kafkaGraph(snapshot, scenario, recent.events), [snapshot, scenario, recent]);
  const rabbit = useMemo(() => rabbitGraph(snapshot, scenario, recent.events), [snapshot, scenario, recent]);
  return (
    <div className="mt-2 grid gap-4 lg:grid-cols-2">
      <Graph title="Kafka: producers → partitions → consumer groups" graph={kafka} testId="kafka-topology" />
      <Graph title="RabbitMQ: publishers → exchanges → queues → consumers" graph={rabbit} testId="rabbit-topology" />
    </div>
  );
}

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
            The same moment as the lanes. Lit: the paths the latest records and messages took (a produce to its partition, a fetch by a
            group, a publish, a routing by a binding, a delivery). Edge labels: the consumer owning a partition, the binding key.
          </p>
          <Graphs />
        </>
      )}
    </details>
  );
}

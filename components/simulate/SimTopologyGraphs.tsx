'use client';
// Loaded when the topology panel opens (next/dynamic): the graph layout stays out of first load.
import { useMemo } from 'react';
import { FlowGraph } from '@/components/ui/FlowGraph';
import { layoutGraph } from '@/lib/graph/layout';
import { kafkaGraph, litEvents, rabbitGraph, type SimGraph } from '@/lib/simulate/topology';
import { useSim } from './context';
import { useGraphFlights } from './GraphFlights';

function Graph({ title, graph, testId }: { title: string; graph: SimGraph; testId: string }) {
  const layout = useMemo(() => layoutGraph(graph.nodes, graph.edges), [graph]);
  const flights = useGraphFlights(layout);
  if (graph.nodes.length === 0) return null;
  return (
    <figure className="min-w-0">
      <figcaption className="text-sm font-semibold">
        {title} {flights.note}
      </figcaption>
      <FlowGraph
        className="mt-1"
        layout={layout}
        label={graph.summary}
        litNodes={graph.litNodes}
        litEdges={graph.litEdges}
        overlay={flights.overlay}
        testId={testId}
      />
    </figure>
  );
}

export default function Graphs() {
  const snapshot = useSim((s) => s.snapshot);
  const scenario = useSim((s) => s.loaded.scenario);
  const recent = useSim((s) => s.recent);
  const lit = useMemo(() => litEvents(recent.events, snapshot.time), [recent, snapshot.time]);
  const kafka = useMemo(() => kafkaGraph(snapshot, scenario, lit), [snapshot, scenario, lit]);
  const rabbit = useMemo(() => rabbitGraph(snapshot, scenario, lit), [snapshot, scenario, lit]);
  return (
    // Side by side only when both are drawn: one graph alone gets the whole width.
    <div className={`mt-2 grid gap-4 ${kafka.nodes.length > 0 && rabbit.nodes.length > 0 ? 'lg:grid-cols-2' : ''}`}>
      <Graph title="Kafka: producers → partitions → consumer groups" graph={kafka} testId="kafka-topology" />
      <Graph title="RabbitMQ: publishers → exchanges → queues → consumers" graph={rabbit} testId="rabbit-topology" />
    </div>
  );
}

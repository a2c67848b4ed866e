'use client';
import { memo, useMemo } from 'react';
import { FlowGraph } from '@/components/ui/FlowGraph';
import { layoutGraph } from '@/lib/graph/layout';
import { routingGraph } from '@/lib/routing/graph';
import type { Publish, RouteResult, Topology } from '@/simulator/rabbitmq/routing';
import { panelClass, rabbitHeading } from './ui';
import { count } from '@/lib/format';

interface Props {
  topology: Topology;
  /** The message as published, or the publish the page would make when the input is not valid (nothing is lit). */
  msg: Publish;
  result: RouteResult | null;
}

/** The exchange → queue topology as a graph, the message's path lit. */
export const TopologyGraph = memo(function TopologyGraph({ topology, msg, result }: Props) {
  const graph = useMemo(() => routingGraph(topology, msg, result), [topology, msg, result]);
  const layout = useMemo(() => layoutGraph(graph.nodes, graph.edges), [graph]);
  const { exchanges, queues } = graph.hidden;
  return (
    <figure className={panelClass} data-testid="topology-graph">
      <h3 className={rabbitHeading}>The topology as a graph</h3>
      <figcaption className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        The publisher, the exchanges the message can reach and the queues bound to them; each edge is a binding, labelled with its binding
        key (dashed: the alternate exchange, used only when no binding matches). The message&apos;s path is lit.
      </figcaption>
      <FlowGraph className="mt-3" layout={layout} label={graph.summary} litNodes={graph.litNodes} litEdges={graph.litEdges} />
      {(exchanges > 0 || queues > 0) && (
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
          Not drawn:{' '}
          {[exchanges && `${count(exchanges)} more exchanges`, queues && `${count(queues)} more queues`].filter(Boolean).join(' and ')} (the
          ones the message reaches are always drawn).
        </p>
      )}
    </figure>
  );
});

'use client';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { FONT_PX, SUB_FONT_PX, type Layout, type PlacedEdge } from '@/lib/graph/layout';

/** Each kind of node's colours: RabbitMQ's things in its orange, Kafka's in its blue, clients in grey. */
const TONE: Record<string, string> = {
  exchange: 'fill-rabbit-50 stroke-rabbit-600 dark:fill-rabbit-950 dark:stroke-rabbit-400',
  queue: 'fill-white stroke-rabbit-500 dark:fill-zinc-900 dark:stroke-rabbit-400',
  topic: 'fill-kafka-50 stroke-kafka-600 dark:fill-kafka-950 dark:stroke-kafka-400',
  partition: 'fill-white stroke-kafka-500 dark:fill-zinc-900 dark:stroke-kafka-400',
  group: 'fill-kafka-50 stroke-kafka-600 dark:fill-kafka-950 dark:stroke-kafka-400',
  client: 'fill-zinc-50 stroke-zinc-400 dark:fill-zinc-900 dark:stroke-zinc-500',
};
const LIT = 'fill-amber-100 stroke-amber-600 dark:fill-amber-950 dark:stroke-amber-400';

/** The margin around the drawing (px). */
export const GRAPH_PAD = 4;

export const edgeKey = (e: Pick<PlacedEdge, 'from' | 'to'>) => `${e.from}\u0000${e.to}`;

interface Props {
  layout: Layout;
  /** A sentence that says what the picture shows (screen readers get it instead of the drawing). */
  label: string;
  /** Nodes and edges on the message's path (`edgeKey`), drawn highlighted; the rest dimmed when any are lit. */
  litNodes?: ReadonlySet<string>;
  litEdges?: ReadonlySet<string>;
  /**
   * HTML laid over the drawing (moving messages), in a box of the drawing's size: the layout's point
   * (x, y) is at (x + GRAPH_PAD, y + GRAPH_PAD) px from its top left corner. HTML rather than SVG so
   * that what moves there can move on the compositor, without repainting the drawing.
   */
  overlay?: ReactNode;
  testId?: string;
  className?: string;
}

/**
 * A topology drawn as a graph (hand-drawn SVG: no library). The layout (lib/graph/layout.ts) decides
 * where everything goes; this draws it at its natural size, scrolling sideways where it is wider than
 * the screen so its text stays readable.
 */
export function FlowGraph({ layout, label, litNodes, litEdges, overlay, testId, className = '' }: Props) {
  const anyLit = (litNodes?.size ?? 0) > 0;
  const pad = GRAPH_PAD;
  const box = useRef<HTMLDivElement>(null);
  const [wider, setWider] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWider(el.scrollWidth > el.clientWidth + 1);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
    // Measured again when the drawing's width changes, not with every new layout (the simulator's
    // graphs get one each moment, and measuring forces the page's layout).
  }, [layout.width]);
  return (
    <div className={className} data-testid={testId}>
      {wider && (
        <p className="mb-1 text-xs text-zinc-600 dark:text-zinc-400" data-testid="graph-scroll-hint">
          Wider than the screen: scroll sideways for the rest →
        </p>
      )}
      <div
        ref={box}
        className="overflow-x-auto overscroll-x-contain"
        tabIndex={wider ? 0 : undefined}
        aria-label={wider ? 'Graph (scrolls sideways)' : undefined}
        role={wider ? 'region' : undefined}
      >
        <div className="relative w-max">
          <svg
            role="img"
            aria-label={label}
            width={layout.width + 2 * pad + 8}
            height={layout.height + 2 * pad}
            viewBox={`${-pad} ${-pad} ${layout.width + 2 * pad + 8} ${layout.height + 2 * pad}`}
            className="block max-w-none font-mono"
          >
            <defs>
              {(
                [
                  ['flow-arrow', 'fill-zinc-400 dark:fill-zinc-500'],
                  ['flow-arrow-lit', 'fill-amber-600 dark:fill-amber-400'],
                ] as const
              ).map(([id, fill]) => (
                <marker
                  key={id}
                  id={id}
                  viewBox="0 0 8 8"
                  refX="7"
                  refY="4"
                  markerWidth="8"
                  markerHeight="8"
                  markerUnits="userSpaceOnUse"
                  orient="auto"
                >
                  <path d="M0,0 L8,4 L0,8 z" className={fill} />
                </marker>
              ))}
            </defs>
            {layout.edges.map((e) => {
              const lit = litEdges?.has(edgeKey(e)) ?? false;
              return (
                <path
                  key={edgeKey(e)}
                  d={e.d}
                  data-edge={edgeKey(e)}
                  data-lit={lit}
                  fill="none"
                  strokeWidth={lit ? 2.2 : 1.2}
                  strokeDasharray={e.dashed ? '4 3' : undefined}
                  markerEnd={`url(#${lit ? 'flow-arrow-lit' : 'flow-arrow'})`}
                  className={
                    lit ? 'stroke-amber-600 dark:stroke-amber-400' : `stroke-zinc-400 dark:stroke-zinc-500 ${anyLit ? 'opacity-50' : ''}`
                  }
                />
              );
            })}
            {layout.edges.map(
              (e) =>
                e.labelBox && (
                  <g key={`l-${edgeKey(e)}`} data-label-of={edgeKey(e)}>
                    {/* The label sits on its edge's last straight stretch, over a patch of the background. */}
                    <rect
                      x={e.labelBox.x - 1}
                      y={e.labelBox.y}
                      width={e.labelBox.w + 2}
                      height={e.labelBox.h}
                      className="fill-white dark:fill-zinc-900"
                    />
                    <text
                      x={e.labelBox.x}
                      y={e.labelBox.y + e.labelBox.h / 2 + SUB_FONT_PX * 0.35}
                      fontSize={SUB_FONT_PX}
                      className={litEdges?.has(edgeKey(e)) ? 'fill-zinc-950 dark:fill-white' : 'fill-zinc-700 dark:fill-zinc-300'}
                    >
                      {e.label !== e.labelText && <title>{e.label}</title>}
                      {e.labelText}
                    </text>
                  </g>
                ),
            )}
            {layout.nodes.map((n) => {
              const lit = litNodes?.has(n.id) ?? false;
              const textY = n.y + n.h / 2 + (n.subText ? -2 : FONT_PX * 0.35);
              return (
                <g key={n.id} data-node={n.id} data-lit={lit} className={!lit && anyLit ? 'opacity-70' : ''}>
                  <title>{n.sub ? `${n.label} (${n.sub})` : n.label}</title>
                  <rect
                    x={n.x}
                    y={n.y}
                    width={n.w}
                    height={n.h}
                    rx={n.kind === 'client' ? Math.min(n.h / 2, 12) : 4}
                    strokeWidth={lit ? 2 : 1.2}
                    className={lit ? LIT : (TONE[n.kind] ?? TONE.client)}
                  />
                  <text x={n.x + 8} y={textY} fontSize={FONT_PX} className="fill-zinc-900 dark:fill-zinc-100">
                    {n.text}
                  </text>
                  {n.subText && (
                    <text x={n.x + 8} y={textY + 13} fontSize={SUB_FONT_PX} className="fill-zinc-600 dark:fill-zinc-400">
                      {n.subText}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
          {overlay}
        </div>
      </div>
    </div>
  );
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cut, layoutGraph, overlaps, pointAlong, type Box, type GraphEdge, type GraphNode } from '@/lib/graph/layout';

/** Random layered graphs: up to 5 columns of up to 12 nodes, edges from a column to any later one, some labelled. */
const graph = fc
  .array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 5 })
  .chain((sizes) => {
    const nodes: GraphNode[] = sizes.flatMap((n, c) =>
      Array.from({ length: n }, (_, i) => ({ id: `${c}-${i}`, column: c, label: `n${c}.${i}`, kind: 'queue' })),
    );
    // Mostly forward; some back to an earlier column or within one (loops, drawn under the graph).
    const pairs = nodes.flatMap((a) =>
      nodes
        .filter((b) => b.column > a.column || (b.id !== a.id && (a.id.length + b.id.length) % 5 === 0))
        .map((b) => [a.id, b.id] as const),
    );
    return fc.record({
      nodes: fc.constant(nodes),
      names: fc.array(fc.string({ maxLength: 40 }), { minLength: nodes.length, maxLength: nodes.length }),
      subs: fc.array(fc.option(fc.string({ maxLength: 40 })), { minLength: nodes.length, maxLength: nodes.length }),
      edges: pairs.length
        ? fc.uniqueArray(
            fc.record({ pair: fc.constantFrom(...pairs), label: fc.option(fc.string({ maxLength: 30 })), dashed: fc.boolean() }),
            { maxLength: 40, selector: (e) => e.pair.join('>') },
          )
        : fc.constant<{ pair: readonly [string, string]; label: string | null; dashed: boolean }[]>([]),
    });
  })
  .map(({ nodes, names, subs, edges }) => ({
    nodes: nodes.map((n, i) => ({ ...n, label: names[i]!, ...(subs[i] !== null ? { sub: subs[i]! } : {}) })),
    edges: edges.map(({ pair, label, dashed }): GraphEdge => ({
      from: pair[0],
      to: pair[1],
      dashed,
      ...(label !== null ? { label } : {}),
    })),
  }));

describe('layoutGraph', () => {
  it('no two nodes, no two labels, no label and node overlap; everything inside the drawing', () => {
    fc.assert(
      fc.property(graph, ({ nodes, edges }) => {
        const l = layoutGraph(nodes, edges);
        const labels = l.edges.flatMap((e) => (e.labelBox ? [e.labelBox] : []));
        const boxes: Box[] = [...l.nodes, ...labels];
        for (let i = 0; i < boxes.length; i++) {
          const b = boxes[i]!;
          expect(b.x).toBeGreaterThanOrEqual(0);
          expect(b.y).toBeGreaterThanOrEqual(0);
          expect(b.x + b.w).toBeLessThanOrEqual(l.width + 0.01);
          expect(b.y + b.h).toBeLessThanOrEqual(l.height + 0.01);
          for (let j = i + 1; j < boxes.length; j++) expect(overlaps(b, boxes[j]!), JSON.stringify([b, boxes[j]])).toBe(false);
        }
        expect(l.edges).toHaveLength(edges.length);
        expect(l.nodes).toHaveLength(nodes.length);
      }),
    );
  });

  it('a message moving along an edge starts at its source’s right side and ends at its target’s left side, inside the drawing', () => {
    fc.assert(
      fc.property(graph, fc.double({ min: 0, max: 1, noNaN: true }), ({ nodes, edges }, f) => {
        const l = layoutGraph(nodes, edges);
        const at = new Map(l.nodes.map((n) => [n.id, n]));
        for (const e of l.edges) {
          const s = at.get(e.from)!;
          const t = at.get(e.to)!;
          const start = pointAlong(e.route, 0);
          const end = pointAlong(e.route, 1);
          expect(start.x).toBeCloseTo(s.x + s.w, 5);
          expect(start.y).toBeGreaterThanOrEqual(s.y);
          expect(start.y).toBeLessThanOrEqual(s.y + s.h);
          expect(end.x).toBeCloseTo(t.x, 5);
          expect(end.y).toBeGreaterThanOrEqual(t.y);
          expect(end.y).toBeLessThanOrEqual(t.y + t.h);
          const p = pointAlong(e.route, f);
          expect(p.x).toBeGreaterThanOrEqual(-0.01);
          expect(p.x).toBeLessThanOrEqual(l.width + 0.01);
          expect(p.y).toBeGreaterThanOrEqual(-0.01);
          expect(p.y).toBeLessThanOrEqual(l.height + 0.01);
          expect(e.back ?? false).toBe(t.column <= s.column);
        }
      }),
    );
  });

  it('an edge back to an earlier column (a dead-letter loop) runs under the nodes, its label on its own row', () => {
    const nodes: GraphNode[] = [
      { id: 'x', column: 0, label: 'work', kind: 'exchange' },
      { id: 'q', column: 1, label: 'work', kind: 'queue' },
      { id: 'retry', column: 2, label: 'retry', kind: 'exchange' },
      { id: 'rq', column: 3, label: 'retry.wait', kind: 'queue' },
    ];
    const l = layoutGraph(nodes, [
      { from: 'x', to: 'q' },
      { from: 'q', to: 'retry', label: 'dead-letter', dashed: true },
      { from: 'retry', to: 'rq' },
      { from: 'rq', to: 'x', label: 'dead-letter', dashed: true },
    ]);
    const loop = l.edges[3]!;
    expect(loop.back).toBe(true);
    expect(l.edges.slice(0, 3).every((e) => !e.back)).toBe(true);
    const bottom = Math.max(...l.nodes.map((n) => n.y + n.h));
    expect(loop.labelBox!.y).toBeGreaterThanOrEqual(bottom);
    expect(Math.max(...loop.route.map((s) => s.p[1]))).toBeGreaterThan(bottom);
  });

  it("keeps the caller's edge order and drops edges to nodes that are not there", () => {
    const nodes: GraphNode[] = [
      { id: 'x', column: 0, label: 'orders', kind: 'exchange' },
      { id: 'a', column: 1, label: 'a', kind: 'queue' },
      { id: 'b', column: 1, label: 'b', kind: 'queue' },
    ];
    const l = layoutGraph(nodes, [
      { from: 'x', to: 'b', label: 'order.#' },
      { from: 'x', to: 'a', label: 'order.*' },
      { from: 'x', to: 'nowhere' },
    ]);
    expect(l.edges.map((e) => e.to)).toEqual(['b', 'a']);
    expect(l.edges.map((e) => e.labelText)).toEqual(['order.#', 'order.*']);
  });

  it('cuts long names with an ellipsis and keeps the full one', () => {
    const long = 'a-very-long-queue-name-indeed-it-is';
    const l = layoutGraph([{ id: 'q', column: 0, label: long, kind: 'queue' }], []);
    expect(l.nodes[0]!.label).toBe(long);
    expect(l.nodes[0]!.text).toBe(cut(long, 20));
    expect(l.nodes[0]!.text.endsWith('…')).toBe(true);
  });
});

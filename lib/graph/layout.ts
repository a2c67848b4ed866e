// A left-to-right layered layout for the topology graphs (/routing's exchange → queue graph and the
// simulator's publisher → exchange → queue → consumer and producer → partition → group graphs).
// Pure geometry: nodes in columns, each edge ending at its own port on the target's left side, the
// edge's label on the last straight stretch before that port. Each port has a row of its own and each
// node is as tall as its ports, so no two labels, and no label and node, can overlap by construction.

export interface GraphNode {
  id: string;
  /** 0 = leftmost. */
  column: number;
  label: string;
  /** A second, smaller line (a type, a count). */
  sub?: string;
  /** What it is, for its look: exchange, queue, consumer… */
  kind: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** Written just before the target (a binding key). */
  label?: string;
  /** Drawn dashed: a path taken only sometimes (an alternate exchange, a dead-letter exchange). */
  dashed?: boolean;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlacedNode extends GraphNode, Box {
  /** The label as drawn: cut to fit, with "…" (the full one is in `label`). */
  text: string;
  subText?: string;
}

/** A stretch of an edge's path: a straight line or a cubic Bézier curve, as its points' coordinates. */
export type Segment =
  { kind: 'L'; p: [number, number, number, number] } | { kind: 'C'; p: [number, number, number, number, number, number, number, number] };

export interface PlacedEdge extends GraphEdge {
  /** SVG path from the source's right side to the target's port. */
  d: string;
  /** The same path as segments (what a message moving along the edge follows). */
  route: Segment[];
  /** Drawn under the graph, right to left: its target is not to the right of its source (a loop). */
  back?: boolean;
  /** Where the label's text starts (its baseline), and the box it takes. */
  labelBox?: Box;
  labelText?: string;
}

export interface Layout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/** Monospace metrics of the graph's text (12 px; DejaVu Sans Mono and its kin are 0.6 em wide). */
export const FONT_PX = 12;
export const SUB_FONT_PX = 10.5;
const CHAR_W = FONT_PX * 0.62;
const SUB_CHAR_W = SUB_FONT_PX * 0.62;
const NODE_PAD_X = 8;
const NODE_MIN_H = 26;
const SUB_H = 13;
/** A port's row: one incoming edge and its label. */
export const PORT_H = 17;
/** A label's height: the text and its halo, inside its port's row. */
const LABEL_H = 12;
const ROW_GAP = 10;
/** The row of each edge drawn back under the graph (a loop, such as a dead-letter exchange routing back). */
const BACK_ROW_H = 16;
const COLUMN_GAP = 24;
const MAX_NODE_CHARS = 20;
const MAX_LABEL_CHARS = 16;

/** `s` cut to `max` characters with "…" at the end. */
export const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** Orders each column by where its nodes' sources sit (the barycentre), so edges cross less. */
function orderColumns(nodes: GraphNode[], edges: GraphEdge[]): GraphNode[][] {
  const columns: GraphNode[][] = [];
  for (const n of nodes) (columns[n.column] ??= []).push(n);
  for (let c = 0; c < columns.length; c++) columns[c] ??= [];
  const rank = new Map<string, number>();
  columns[0]!.forEach((n, i) => rank.set(n.id, i));
  for (let c = 1; c < columns.length; c++) {
    const keyed = columns[c]!.map((n, i) => {
      const from = edges.filter((e) => e.to === n.id && rank.has(e.from)).map((e) => rank.get(e.from)!);
      return { n, i, at: from.length ? from.reduce((a, b) => a + b, 0) / from.length : Infinity };
    });
    keyed.sort((a, b) => a.at - b.at || a.i - b.i);
    columns[c] = keyed.map((k) => k.n);
    columns[c]!.forEach((n, i) => rank.set(n.id, i + columns[c - 1]!.length));
  }
  return columns;
}

/** Places nodes and edges; edges whose ends are missing are left out. */
export function layoutGraph(nodes: GraphNode[], allEdges: GraphEdge[]): Layout {
  if (nodes.length === 0) return { width: 0, height: 0, nodes: [], edges: [] };
  const ids = new Set(nodes.map((n) => n.id));
  const edges = allEdges.filter((e) => ids.has(e.from) && ids.has(e.to));
  const columns = orderColumns(nodes, edges);
  const incoming = new Map<string, GraphEdge[]>();
  for (const e of edges) (incoming.get(e.to) ?? incoming.set(e.to, []).get(e.to)!).push(e);

  // Column widths: the widest node, and before it the widest label of an edge coming in.
  const labelW = columns.map((col) =>
    Math.max(
      0,
      ...col.flatMap((n) => (incoming.get(n.id) ?? []).map((e) => (e.label ? cut(e.label, MAX_LABEL_CHARS).length * SUB_CHAR_W + 6 : 0))),
    ),
  );
  const nodeW = columns.map((col) =>
    Math.max(
      0,
      ...col.map(
        (n) =>
          Math.max(cut(n.label, MAX_NODE_CHARS).length * CHAR_W, cut(n.sub ?? '', MAX_NODE_CHARS + 4).length * SUB_CHAR_W) + 2 * NODE_PAD_X,
      ),
    ),
  );
  const colX: number[] = [];
  let x = 0;
  columns.forEach((_, c) => {
    x += c === 0 ? 0 : COLUMN_GAP + labelW[c]!;
    colX[c] = x;
    x += nodeW[c]!;
  });
  const width = Math.ceil(x);

  // Heights: a node is as tall as its text or its ports, whichever is more.
  const heightOf = (n: GraphNode) => Math.max(NODE_MIN_H + (n.sub ? SUB_H : 0), (incoming.get(n.id)?.length ?? 0) * PORT_H);
  const colH = columns.map((col) => col.reduce((s, n) => s + heightOf(n), 0) + Math.max(0, col.length - 1) * ROW_GAP);
  const nodesHeight = Math.ceil(Math.max(NODE_MIN_H, ...colH));
  const column = new Map(nodes.map((n) => [n.id, n.column]));
  const backEdges = edges.filter((e) => column.get(e.to)! <= column.get(e.from)!);
  const height = nodesHeight + (backEdges.length ? backEdges.length * BACK_ROW_H + ROW_GAP / 2 : 0);

  const placed = new Map<string, PlacedNode>();
  columns.forEach((col, c) => {
    let y = (nodesHeight - colH[c]!) / 2;
    for (const n of col) {
      const h = heightOf(n);
      placed.set(n.id, {
        ...n,
        x: colX[c]!,
        y,
        w: nodeW[c]!,
        h,
        text: cut(n.label, MAX_NODE_CHARS),
        ...(n.sub ? { subText: cut(n.sub, MAX_NODE_CHARS + 4) } : {}),
      });
      y += h + ROW_GAP;
    }
  });

  const placedEdges: PlacedEdge[] = new Array<PlacedEdge>(edges.length);
  const order = new Map(edges.map((e, i) => [e, i]));
  for (const [to, list] of incoming) {
    const t = placed.get(to)!;
    // Ports in the order of their sources, top to bottom, so edges into one node do not cross.
    const sorted = [...list].sort((a, b) => placed.get(a.from)!.y - placed.get(b.from)!.y);
    const top = t.y + (t.h - sorted.length * PORT_H) / 2;
    sorted.forEach((e, k) => {
      const s = placed.get(e.from)!;
      const sx = s.x + s.w;
      const sy = s.y + s.h / 2;
      const py = top + (k + 0.5) * PORT_H;
      const lw = labelW[t.column]!;
      const back = backEdges.indexOf(e);
      let route: Segment[];
      let label: { x: number; y: number };
      if (back < 0) {
        const bend = t.x - lw; // the curve ends here; a straight stretch under the label follows
        const mid = (sx + bend) / 2;
        route = [
          { kind: 'C', p: [sx, sy, mid, sy, mid, py, bend, py] },
          { kind: 'L', p: [bend, py, t.x, py] },
        ];
        label = { x: bend + 2, y: py };
      } else {
        // A loop: out of the source's right side, down to a row of its own under the nodes, left to just
        // before the target's column, up to its port. The label sits on that row.
        const ly = nodesHeight + ROW_GAP / 2 + (back + 0.5) * BACK_ROW_H;
        const out = Math.min(sx + COLUMN_GAP / 2, width);
        const into = t.x - COLUMN_GAP / 2;
        route = [
          { kind: 'L', p: [sx, sy, out, sy] },
          { kind: 'L', p: [out, sy, out, ly] },
          { kind: 'L', p: [out, ly, into, ly] },
          { kind: 'L', p: [into, ly, into, py] },
          { kind: 'L', p: [into, py, t.x, py] },
        ];
        label = { x: Math.max(0, Math.min(into + 4, width - cut(e.label ?? '', MAX_LABEL_CHARS).length * SUB_CHAR_W)), y: ly };
      }
      const edge: PlacedEdge = { ...e, d: pathOf(route), route, ...(back < 0 ? {} : { back: true }) };
      if (e.label) {
        const labelText = cut(e.label, MAX_LABEL_CHARS);
        edge.labelText = labelText;
        // On the line itself (drawn with a halo of the background), inside the port's row.
        edge.labelBox = { x: label.x, y: label.y - LABEL_H / 2, w: labelText.length * SUB_CHAR_W, h: LABEL_H };
      }
      // Edges keep the caller's order (it decides what is drawn on top).
      placedEdges[order.get(e)!] = edge;
    });
  }
  return { width, height, nodes: [...placed.values()], edges: placedEdges };
}

const r = (n: number) => Math.round(n * 10) / 10;

/** The SVG path of a route. */
function pathOf(route: Segment[]): string {
  const [first] = route;
  if (!first) return '';
  const parts = [`M${r(first.p[0])},${r(first.p[1])}`];
  for (const s of route) parts.push(s.kind === 'L' ? `L${r(s.p[2])},${r(s.p[3])}` : `C${s.p.slice(2).map(r).join(',')}`);
  return parts.join(' ');
}

/** A segment's length (a curve's: the mean of its chord and its control polygon, close enough to pace a dot). */
function lengthOf(s: Segment): number {
  const d = (i: number, j: number) => Math.hypot(s.p[j]! - s.p[i]!, s.p[j + 1]! - s.p[i + 1]!);
  if (s.kind === 'L') return d(0, 2);
  return (d(0, 6) + d(0, 2) + d(2, 4) + d(4, 6)) / 2;
}

/** The point a fraction `f` (0 … 1) of the way along a route, by length. */
export function pointAlong(route: readonly Segment[], f: number): { x: number; y: number } {
  const lengths = route.map(lengthOf);
  let left = Math.min(1, Math.max(0, f)) * lengths.reduce((a, b) => a + b, 0);
  for (let i = 0; i < route.length; i++) {
    const s = route[i]!;
    const len = lengths[i]!;
    if (left > len && i < route.length - 1) {
      left -= len;
      continue;
    }
    const t = len === 0 ? 1 : Math.min(1, left / len);
    if (s.kind === 'L') {
      const [x0, y0, x1, y1] = s.p;
      return { x: x0 + (x1 - x0) * t, y: y0 + (y1 - y0) * t };
    }
    const p = s.p;
    const u = 1 - t;
    const [a, b, c, e] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
    return { x: a * p[0] + b * p[2] + c * p[4] + e * p[6], y: a * p[1] + b * p[3] + c * p[5] + e * p[7] };
  }
  return { x: 0, y: 0 };
}

/** Whether two boxes overlap (touching edges do not count). */
export const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

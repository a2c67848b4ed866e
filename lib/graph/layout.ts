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

export interface PlacedEdge extends GraphEdge {
  /** SVG path from the source's right side to the target's port. */
  d: string;
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
  const height = Math.ceil(Math.max(NODE_MIN_H, ...colH));

  const placed = new Map<string, PlacedNode>();
  columns.forEach((col, c) => {
    let y = (height - colH[c]!) / 2;
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
      const bend = t.x - lw; // the curve ends here; a straight stretch under the label follows
      const mid = (sx + bend) / 2;
      const d = `M${r(sx)},${r(sy)} C${r(mid)},${r(sy)} ${r(mid)},${r(py)} ${r(bend)},${r(py)} L${r(t.x)},${r(py)}`;
      const edge: PlacedEdge = { ...e, d };
      if (e.label) {
        const labelText = cut(e.label, MAX_LABEL_CHARS);
        edge.labelText = labelText;
        // On the line itself (drawn with a halo of the background), inside the port's row.
        edge.labelBox = { x: bend + 2, y: py - LABEL_H / 2, w: labelText.length * SUB_CHAR_W, h: LABEL_H };
      }
      // Edges keep the caller's order (it decides what is drawn on top).
      placedEdges[order.get(e)!] = edge;
    });
  }
  return { width, height, nodes: [...placed.values()], edges: placedEdges };
}

const r = (n: number) => Math.round(n * 10) / 10;

/** Whether two boxes overlap (touching edges do not count). */
export const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

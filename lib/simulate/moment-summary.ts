// What the picture shows at one moment, in words: the narration's entry after a jump or a pause, so
// "What just happened" always agrees with the lanes (the same numbers the diagram prints).
import type { Snapshot } from '@/simulator';

/** At most this many lines per broker; the rest are counted. */
export const SUMMARY_LINES = 6;

function capped(lines: string[], what: string): string[] {
  if (lines.length <= SUMMARY_LINES) return lines;
  const more = lines.length - (SUMMARY_LINES - 1);
  return [...lines.slice(0, SUMMARY_LINES - 1), `… and ${more} more ${what}.`];
}

/** One line per partition (its log-end offset and each group's committed offset and lag), one per queue. */
export function describeMoment(s: Snapshot): string[] {
  const out: string[] = [];
  if (s.kafka) {
    const lines = s.kafka.topics.flatMap((t) =>
      t.partitions.map((p) => {
        const groups = s.kafka!.groups.flatMap((g) => {
          const gp = g.partitions.find((x) => x.partition === p.name);
          if (!gp) return [];
          return [
            gp.committedOffset === null ? `${g.id} has committed nothing` : `${g.id} committed ${gp.committedOffset} (lag ${gp.lag})`,
          ];
        });
        return `${p.name}: log-end offset ${p.logEndOffset}${groups.length ? `; ${groups.join(', ')}` : ''}.`;
      }),
    );
    out.push(...capped(lines, 'partitions'));
  }
  if (s.rabbitmq) {
    const lines = s.rabbitmq.queues.map((q) => {
      if (q.stream) return `Stream ${q.name}: offsets ${q.stream.firstOffset} to ${q.stream.nextOffset - 1} kept.`;
      const c = q.counters;
      const extra = [
        c.deadLettered ? `${c.deadLettered} dead-lettered` : '',
        c.expired ? `${c.expired} expired` : '',
        c.dropped ? `${c.dropped} dropped` : '',
      ].filter(Boolean);
      return `Queue ${q.name}: ready ${q.readyCount}, unacked ${q.unacked.length}; ${c.acked} acked so far${extra.length ? `, ${extra.join(', ')}` : ''}.`;
    });
    out.push(...capped(lines, 'queues'));
  }
  return out;
}

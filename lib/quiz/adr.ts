// A Markdown architecture decision record built from the answers and the result.
import { NOT_SURE_LABEL, QUESTIONS } from './questions';
import type { Answers, QuizResult, Recommendation } from './types';

export const RECOMMENDATION_TITLE: Record<Recommendation, string> = {
  kafka: 'Apache Kafka',
  rabbitmq: 'RabbitMQ',
  both: 'Both: RabbitMQ for commands and jobs, Kafka for the event log',
  'no-signal': 'No strong signal yet',
};

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export interface AdrInput {
  answers: Answers;
  result: QuizResult;
  /** ISO date (YYYY-MM-DD); passed in so the generator stays pure. */
  date: string;
  /** Link that reopens these answers. */
  shareUrl?: string;
}

export function generateAdr({ answers, result, date, shareUrl }: AdrInput): string {
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);
  push(`# ADR: Message broker — ${RECOMMENDATION_TITLE[result.recommendation]}`, '');
  push(`- Status: proposed`, `- Date: ${date}`, `- Confidence: ${result.confidence}% (${result.confidenceLevel})`);
  if (shareUrl) push(`- Answers: ${shareUrl}`);
  push('', '## Context', '');
  push(
    `We need a message broker and compared Apache Kafka (a partitioned, replicated log) with RabbitMQ (queues fed by exchanges, plus streams). ` +
      `We answered ${result.answeredCount} of ${QUESTIONS.length} questions; the rest were “not sure / doesn’t matter”.`,
    '',
  );
  push('### Our answers', '', '| Question | Answer | Pushes |', '|---|---|---|');
  for (const q of QUESTIONS) {
    const c = result.contributions.find((x) => x.questionId === q.id);
    const answer = c ? c.answer : answers[q.id] ? NOT_SURE_LABEL : `${NOT_SURE_LABEL} (skipped)`;
    const pushes = !c || c.net === 0 ? (c && c.kafka > 0 ? 'both' : '—') : c.net > 0 ? `Kafka +${c.net}` : `RabbitMQ +${-c.net}`;
    push(`| ${esc(q.prompt)} | ${esc(answer)} | ${pushes} |`);
  }
  push('', '## Decision', '');
  push(`**${RECOMMENDATION_TITLE[result.recommendation]}.** Points: Kafka ${result.totals.kafka}, RabbitMQ ${result.totals.rabbitmq}.`, '');
  if (result.split) {
    push('Which part goes where:', '');
    for (const p of result.split.rabbitmq) push(`- RabbitMQ: ${p}`);
    for (const p of result.split.kafka) push(`- Kafka: ${p}`);
    push('');
  }
  if (result.deciding.length > 0) {
    push('Deciding answers:', '');
    for (const d of result.deciding) {
      push(`- ${d.short} — ${d.answer}: ${d.why} (${d.sources.map((s) => `[${s.label}](${s.url})`).join(', ')})`);
    }
    push('');
  }
  if (result.recommendation === 'no-signal' && result.toConsider.length > 0) {
    push('Questions to settle before deciding:', '');
    for (const t of result.toConsider) push(`- ${t.prompt}`);
    push('');
  }
  push('## Consequences', '');
  if (result.caveats.length === 0) push('- No caveats were triggered by these answers.');
  for (const c of result.caveats) push(`- ${c.text} ([${c.source.label}](${c.source.url}))`);
  if (result.recommendation === 'both') push('- Two brokers to run, monitor and secure; keep the boundary between them explicit.');
  push('', '## Sources', '');
  const sources = new Map<string, string>();
  for (const d of result.deciding) for (const s of d.sources) sources.set(s.url, s.label);
  for (const c of result.caveats) sources.set(c.source.url, c.source.label);
  for (const [url, label] of sources) push(`- [${label}](${url})`);
  if (sources.size === 0) push('- See the comparison sources on the site.');
  return `${lines.join('\n')}\n`;
}

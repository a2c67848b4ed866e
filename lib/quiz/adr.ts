// A Markdown architecture decision record built from the answers and the result.
import { NOT_SURE_LABEL, QUESTIONS } from './questions';
import type { Source } from './sources';
import type { Answers, QuizResult, Recommendation } from './types';

export const RECOMMENDATION_TITLE: Record<Recommendation, string> = {
  kafka: 'Apache Kafka',
  rabbitmq: 'RabbitMQ',
  both: 'Both: RabbitMQ for commands and jobs, Kafka for the event log',
  neither: 'Neither, as asked',
  either: 'Either fits: run what you know',
  'no-signal': 'No strong signal yet',
};

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const link = (s: Source) => `[${s.label}](${s.url})`;

/** How much of the quiz was answered, without claiming "not sure" answers that were never given. */
export function answeredSentence(answered: number): string {
  const total = QUESTIONS.length;
  if (answered === total) return `We answered all ${total} questions.`;
  const rest = total - answered;
  return `We answered ${answered} of ${total} questions; the other ${rest} ${rest === 1 ? 'was' : 'were'} “not sure / doesn’t matter” or skipped.`;
}

/** How sure the result is, in a few words: a percentage, or the hard constraint that decided it. */
export function confidenceWords(result: Pick<QuizResult, 'confidence' | 'gates'>): string {
  return result.gates.length > 0 ? 'decided by a hard constraint' : `confidence ${result.confidence}%`;
}

/** The "either" verdict in words, naming the broker the team knows when it said so. */
export function eitherSentence(result: Pick<QuizResult, 'runWhatYouKnow'>): string {
  switch (result.runWhatYouKnow) {
    case 'kafka':
      return 'Nothing in the answers separates the two: your team already runs Kafka well, so use Kafka.';
    case 'rabbitmq':
      return 'Nothing in the answers separates the two: your team already runs RabbitMQ well, so use RabbitMQ.';
    case 'both':
      return 'Nothing in the answers separates the two, and your team runs both: pick the one already in place for neighbouring systems.';
    default:
      return 'Nothing in the answers separates the two: either fits, so run the one your team can operate best.';
  }
}

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
  push(
    `- Status: proposed`,
    `- Date: ${date}`,
    result.gates.length > 0
      ? `- Confidence: decided by a hard constraint`
      : `- Confidence: ${result.confidence}% (${result.confidenceLevel})`,
  );
  if (shareUrl) push(`- Answers: ${shareUrl}`);
  push('', '## Context', '');
  push(
    `We need a message broker and compared Apache Kafka (a partitioned, replicated log) with RabbitMQ (queues fed by exchanges, plus streams). ` +
      answeredSentence(result.answeredCount),
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
  for (const g of result.gates) {
    push(`Hard constraint — ${g.title}: ${g.rulesOut} Instead: ${g.alternative} (${g.sources.map(link).join(', ')})`, '');
  }
  if (result.withoutConstraints) {
    const w = result.withoutConstraints;
    push(
      `Without the constraints, the other answers point to: ${RECOMMENDATION_TITLE[w.recommendation]} (confidence ${w.confidence}%).`,
      '',
    );
  }
  if (result.recommendation === 'either') push(eitherSentence(result), '');
  if (result.split) {
    push('Which part goes where:', '');
    for (const p of result.split.rabbitmq) push(`- RabbitMQ: ${p}`);
    for (const p of result.split.kafka) push(`- Kafka: ${p}`);
    push('');
  }
  if (result.deciding.length > 0) {
    push('Deciding answers:', '');
    for (const d of result.deciding) {
      push(`- ${d.short} — ${d.answer}: ${d.why} (${d.sources.map(link).join(', ')})`);
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
  for (const c of result.caveats) push(`- ${c.text} (${c.sources.map(link).join(', ')})`);
  if (result.recommendation === 'both') push('- Two brokers to run, monitor and secure; keep the boundary between them explicit.');
  push('', '## Sources', '');
  const sources = new Map<string, string>();
  for (const d of result.deciding) for (const s of d.sources) sources.set(s.url, s.label);
  for (const c of result.caveats) for (const s of c.sources) sources.set(s.url, s.label);
  for (const g of result.gates) for (const s of g.sources) sources.set(s.url, s.label);
  for (const [url, label] of sources) push(`- [${label}](${url})`);
  if (sources.size === 0) push('- See the comparison sources on the site.');
  return `${lines.join('\n')}\n`;
}

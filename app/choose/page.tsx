import type { Metadata } from 'next';
import { PAGES, pageMetadata } from '@/lib/site/metadata';
import { ChooseApp } from '@/components/choose/ChooseApp';
import { linkClass } from '@/components/choose/links';
import { PageShell } from '@/components/ui/PageShell';
import { ANSWERS_PARAM, encodeAnswers } from '@/lib/quiz/codec';
import { EXAMPLES, completeExample } from '@/lib/quiz/examples';
import { QUESTIONS } from '@/lib/quiz/questions';

export const metadata: Metadata = pageMetadata(PAGES.choose);

export default function ChoosePage() {
  return (
    <PageShell
      title="Kafka, RabbitMQ, or both?"
      lead={`${QUESTIONS.length} questions about what your system needs. Each answer adds a few points to one side, in the open; a hard constraint (one strict order across parallel workers, a managed service you must use) decides before any points do. The result names the answers that decided it, the caveats that apply, and the sources behind every note. “Not sure / doesn’t matter” is always allowed. Your answers stay in this browser, and the result’s link carries them.`}
    >
      <nav aria-label="Example answers" className="mt-3 max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">
        <span>Or open a worked example: </span>
        <ul className="inline">
          {EXAMPLES.map((e, i) => (
            <li key={e.id} className="inline">
              <a href={`/choose?${ANSWERS_PARAM}=${encodeAnswers(completeExample(e.answers))}`} className={`${linkClass} leading-6`}>
                {e.name}
              </a>
              {i < EXAMPLES.length - 1 ? ' · ' : ''}
            </li>
          ))}
        </ul>
      </nav>
      <noscript>
        <p className="mt-6 font-semibold">The quiz runs in your browser and needs JavaScript.</p>
      </noscript>
      <ChooseApp />
    </PageShell>
  );
}

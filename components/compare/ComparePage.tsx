import { BOTTOM_LINE, INTRO, ONE_LINE_VERDICT, VERSIONS } from '@/lib/content/verdict';
import { ClaimText } from './Cites';
import { BrokerDies } from './BrokerDies';
import { CodeSection } from './CodeSection';
import { FeatureTable } from './FeatureTable';
import { DrawSections } from './DrawSections';
import { JUMP_LAYOUT_SCRIPT } from './jump-layout-script';
import { LogVsQueue } from './LogVsQueue';
import { ManagedTable } from './ManagedTable';
import { RoutingSection } from './RoutingSection';
import { Section } from './Section';
import { sectionTitle } from './sections';
import { SourcesList } from './SourcesList';
import { PhoneSections, Toc } from './Toc';
import { UseCases } from './UseCases';
import { Verdict } from './Verdict';

export function ComparePage() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <script dangerouslySetInnerHTML={{ __html: JUMP_LAYOUT_SCRIPT }} />
      <DrawSections />
      <div className="lg:grid lg:grid-cols-[11rem_minmax(0,1fr)] lg:gap-10">
        <aside className="hidden lg:block">
          <Toc />
        </aside>
        <article className="min-w-0 text-base leading-7 sm:text-[1.0625rem]">
          <header className="pb-8">
            <h1 className="text-3xl font-bold tracking-tight text-balance text-zinc-950 sm:text-4xl dark:text-white">
              <span className="text-kafka-700 dark:text-kafka-300">Kafka</span> vs{' '}
              <span className="text-rabbit-800 dark:text-rabbit-300">RabbitMQ</span>: which one, and why
            </h1>
            <p
              data-testid="one-line-verdict"
              className="mt-4 max-w-prose border-l-4 border-kafka-600 pl-4 text-lg font-semibold text-pretty text-zinc-900 sm:text-xl dark:border-kafka-400 dark:text-zinc-100"
            >
              <ClaimText claim={ONE_LINE_VERDICT} />
            </p>
            <p data-testid="versions" className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
              <ClaimText claim={VERSIONS} />
            </p>
            <div className="mt-5 max-w-prose space-y-3 text-lg text-pretty text-zinc-700 dark:text-zinc-300">
              {INTRO.map((c) => (
                <p key={c.text}>
                  <ClaimText claim={c} />
                </p>
              ))}
            </div>
          </header>

          <Section id="verdict" title={sectionTitle('verdict')}>
            <Verdict />
          </Section>
          <Section
            id="log-vs-queue"
            title={sectionTitle('log-vs-queue')}
            lead="The one difference the others follow from: reading a log moves a cursor, reading a queue removes the message."
          >
            <LogVsQueue />
          </Section>
          <Section id="features" title={sectionTitle('features')}>
            <FeatureTable />
          </Section>
          <Section
            id="broker-dies"
            title={sectionTitle('broker-dies')}
            lead="What survives a dead broker or node, what stops, and what arrives twice, on each side: with the defaults, and set up on purpose."
          >
            <BrokerDies />
          </Section>
          <Section
            id="code"
            title={sectionTitle('code')}
            lead="A producer and a consumer for each broker. Each consumer commits or acknowledges only after it has done the work, so a crash means a redelivery, not a lost message (at-least-once)."
          >
            <CodeSection />
          </Section>
          <Section
            id="routing"
            title={sectionTitle('routing')}
            lead="RabbitMQ decides on the broker which queues get a message. Kafka leaves that to producers and consumers."
          >
            <RoutingSection />
          </Section>
          <Section id="when" title={sectionTitle('when')}>
            <UseCases />
          </Section>
          <Section id="managed" title={sectionTitle('managed')}>
            <ManagedTable />
          </Section>
          <Section id="bottom-line" title={sectionTitle('bottom-line')}>
            <div className="max-w-prose space-y-3">
              {BOTTOM_LINE.map((c) => (
                <p key={c.text}>
                  <ClaimText claim={c} />
                </p>
              ))}
            </div>
          </Section>
          <Section id="sources" title={sectionTitle('sources')} lead="Every source cited on this page, with the date it was last checked.">
            <SourcesList />
          </Section>
        </article>
      </div>
      <PhoneSections />
    </div>
  );
}

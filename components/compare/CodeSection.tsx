import { LIBRARY_NOTES, codeTabs } from '@/lib/content/code-samples';
import { CodeBlock } from './CodeBlock';
import { ClaimText, Cites } from './Cites';
import { CodeTabs } from './CodeTabs';

export function CodeSection() {
  const tabs = codeTabs();
  return (
    <CodeTabs labels={tabs.map((t) => t.label)}>
      {tabs.map((tab) => {
        const library = tab.samples[0]!.library;
        const note = LIBRARY_NOTES[library];
        return (
          <div key={tab.id} className="space-y-5">
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              Client library: {library}
              <Cites ids={tab.sources} />. Start a local broker on its default port, run the producer, then the consumer.
              {note ? (
                <>
                  {' '}
                  <ClaimText claim={note} />
                </>
              ) : null}
            </p>
            {tab.samples.map((sample) => (
              <CodeBlock key={sample.id} sample={sample} />
            ))}
          </div>
        );
      })}
    </CodeTabs>
  );
}

import { LIBRARY_NOTES, codeTabs } from '@/lib/content/code-samples';
import { ClientDefaultsTable } from './ClientDefaultsTable';
import { CodeBlock } from './CodeBlock';
import { ClaimText, Cites } from './Cites';
import { CodeTabs } from './CodeTabs';

export function CodeSection() {
  const tabs = codeTabs();
  return (
    <div className="space-y-8">
      <ClientDefaultsTable />
      <CodeTabs labels={tabs.map((t) => t.label)}>
        {tabs.map((tab) => {
          const note = LIBRARY_NOTES[tab.library];
          return (
            <div key={tab.id} className="space-y-5">
              <p className="text-sm text-zinc-700 dark:text-zinc-300">
                Client library: {tab.library}
                <Cites ids={tab.sources} />. {tab.howToRun}
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
    </div>
  );
}

import { codeTabs } from '@/lib/content/code-samples';
import { CodeBlock } from './CodeBlock';
import { Cites } from './Cites';
import { CodeTabs } from './CodeTabs';

export function CodeSection() {
  const tabs = codeTabs();
  return (
    <CodeTabs labels={tabs.map((t) => t.label)}>
      {tabs.map((tab) => (
        <div key={tab.id} className="space-y-5">
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            Client library: {tab.samples[0]!.library}
            <Cites ids={tab.sources} />. Start a local broker on its default port, run the producer, then the consumer.
          </p>
          {tab.samples.map((sample) => (
            <CodeBlock key={sample.id} sample={sample} />
          ))}
        </div>
      ))}
    </CodeTabs>
  );
}

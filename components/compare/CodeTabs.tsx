'use client';

import { Children, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/** An accessible tab list (arrow keys, Home/End, aria-selected); the panels are rendered by the server. */
export function CodeTabs({ labels, children }: { labels: readonly string[]; children: ReactNode }) {
  const panels = Children.toArray(children);
  const [active, setActive] = useState(0);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const base = useId();

  function select(index: number) {
    const next = (index + labels.length) % labels.length;
    setActive(next);
    tabs.current[next]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const moves: Record<string, number> = { ArrowRight: active + 1, ArrowLeft: active - 1, Home: 0, End: labels.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    select(target);
  }

  return (
    <div>
      <div role="tablist" aria-label="Code samples" className="flex flex-wrap gap-x-1 border-b border-zinc-200 dark:border-zinc-800">
        {labels.map((label, i) => (
          <button
            key={label}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${i}`}
            aria-selected={i === active}
            aria-controls={`${base}-panel-${i}`}
            tabIndex={i === active ? 0 : -1}
            onClick={() => setActive(i)}
            onKeyDown={onKeyDown}
            className="-mb-px shrink-0 border-b-2 border-transparent px-3 py-2 text-sm font-medium whitespace-nowrap text-zinc-600 hover:text-zinc-950 aria-selected:border-kafka-600 aria-selected:text-zinc-950 dark:text-zinc-400 dark:hover:text-white dark:aria-selected:border-kafka-400 dark:aria-selected:text-white"
          >
            {label}
          </button>
        ))}
      </div>
      {panels.map((panel, i) => (
        <div key={i} role="tabpanel" id={`${base}-panel-${i}`} aria-labelledby={`${base}-tab-${i}`} hidden={i !== active} className="pt-4">
          {panel}
        </div>
      ))}
    </div>
  );
}

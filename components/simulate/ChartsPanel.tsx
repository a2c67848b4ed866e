'use client';
import dynamic from 'next/dynamic';
import { useInView } from '@/components/ui/useInView';
import { buttonClass } from '@/components/ui/button';

const Charts = dynamic(() => import('./Charts'), { ssr: false, loading: () => <p className="text-sm">Loading the charts…</p> });

/** Charts appear (and their code loads) only when the panel is opened or scrolled into view. */
export function ChartsPanel() {
  const [ref, show, setShow] = useInView<HTMLElement>('100px');
  return (
    <section
      ref={ref}
      aria-labelledby="charts-h"
      className="mt-4 rounded-xl border border-zinc-200 p-3 dark:border-zinc-800"
      data-testid="charts"
    >
      <h2 id="charts-h" className="text-base font-semibold">
        Over time
      </h2>
      {show ? (
        <div className="mt-2">
          <Charts />
        </div>
      ) : (
        <button type="button" className={`mt-2 ${buttonClass({ size: 'touch' })}`} onClick={() => setShow(true)}>
          Show charts (lag, queue depth, throughput)
        </button>
      )}
    </section>
  );
}

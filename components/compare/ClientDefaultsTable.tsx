import { CLIENT_DEFAULTS, CLIENT_DEFAULTS_NOTE } from '@/lib/content/client-defaults';
import { ClaimText, Cites } from './Cites';

const COLUMNS = [
  ['Idempotence', (c: (typeof CLIENT_DEFAULTS)[number]) => c.idempotence.text],
  ['acks', (c: (typeof CLIENT_DEFAULTS)[number]) => c.acks],
  ['linger.ms', (c: (typeof CLIENT_DEFAULTS)[number]) => c.linger],
  ['Partitioner (keyed records)', (c: (typeof CLIENT_DEFAULTS)[number]) => c.partitioner],
] as const;

/** "Producer defaults differ by client": one table that every mention of a default on the site agrees with. */
export function ClientDefaultsTable() {
  return (
    <div id="client-defaults" className="scroll-mt-24" data-testid="client-defaults">
      <h3 className="text-lg font-semibold text-zinc-950 dark:text-white">Kafka producer defaults differ by client</h3>
      <p className="mt-1 max-w-prose text-sm text-zinc-700 dark:text-zinc-300">
        <ClaimText claim={CLIENT_DEFAULTS_NOTE} />
      </p>
      {/* A table on wide screens; on phones each client becomes a card with labelled settings. */}
      <div className="mt-3 rounded-xl border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-left text-sm max-md:block">
          <caption className="sr-only">Kafka producer defaults by client library</caption>
          <thead className="bg-zinc-50 text-xs tracking-wide text-zinc-600 uppercase max-md:hidden dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-3 py-2">
                Client
              </th>
              {COLUMNS.map(([label]) => (
                <th key={label} scope="col" className="px-3 py-2">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="max-md:block">
            {CLIENT_DEFAULTS.map((c) => (
              <tr
                key={c.id}
                data-client={c.id}
                className="border-zinc-200 align-top max-md:block max-md:py-2 md:border-t md:first:border-t-0 dark:border-zinc-800 [&+&]:border-t"
              >
                <th scope="row" className="px-3 py-2 font-semibold text-zinc-950 max-md:block dark:text-white">
                  {c.client}
                  <span className="block text-xs font-normal text-zinc-600 dark:text-zinc-400">{c.usedBy}</span>
                  <Cites ids={c.sources} />
                </th>
                {COLUMNS.map(([label, value]) => (
                  <td key={label} className="px-3 py-2 text-zinc-800 max-md:block max-md:py-1 dark:text-zinc-200">
                    <span className="block text-xs font-semibold tracking-wide text-zinc-600 uppercase md:hidden dark:text-zinc-400">
                      {label}
                    </span>
                    {value(c)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

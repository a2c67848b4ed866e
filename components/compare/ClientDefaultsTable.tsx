import { CLIENT_DEFAULTS, CLIENT_DEFAULTS_NOTE } from '@/lib/content/client-defaults';
import { DataTable, type Column } from '@/components/ui/DataTable';
import { ClaimText, Cites } from './Cites';

type Client = (typeof CLIENT_DEFAULTS)[number];

const COLUMNS: Column<Client>[] = [
  {
    header: 'Client',
    rowHeader: true,
    className: 'text-zinc-950 dark:text-white',
    cell: (c) => (
      <>
        {c.client}
        <span className="block text-xs font-normal text-zinc-600 dark:text-zinc-400">{c.usedBy}</span>
        <Cites ids={c.sources} />
      </>
    ),
  },
  { header: 'Idempotence', cell: (c) => c.idempotence.text },
  { header: 'acks', cell: (c) => c.acks },
  { header: 'linger.ms', cell: (c) => c.linger },
  { header: 'Partitioner (keyed records)', cell: (c) => c.partitioner },
];

/** "Producer defaults differ by client": one table that every mention of a default on the site agrees with. */
export function ClientDefaultsTable() {
  return (
    <div id="client-defaults" className="scroll-mt-24" data-testid="client-defaults">
      <h3 className="text-lg font-semibold text-zinc-950 dark:text-white">Kafka producer defaults differ by client</h3>
      <p className="mt-1 max-w-prose text-sm text-zinc-700 dark:text-zinc-300">
        <ClaimText claim={CLIENT_DEFAULTS_NOTE} />
      </p>
      {/* A table on wide screens; on phones each client becomes a card with labelled settings. */}
      <DataTable
        className="mt-3"
        caption="Kafka producer defaults by client library"
        captionHidden
        cards
        columns={COLUMNS}
        rows={CLIENT_DEFAULTS}
        rowKey={(c) => c.id}
        rowProps={(c) => ({ 'data-client': c.id })}
      />
    </div>
  );
}

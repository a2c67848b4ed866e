'use client';
import { useMemo, useState } from 'react';
import type { Definitions } from '@/lib/routing/definitions';
import type { ImportedTopology } from '@/lib/routing/state';
import { ErrorText, Field, inputClass } from './ui';
import { count } from '@/lib/format';

interface Props {
  imported: ImportedTopology | null;
  onImport: (imported: ImportedTopology, firstExchange: string) => void;
}

interface Loaded {
  fileName: string;
  definitions: Definitions;
  vhosts: string[];
  importer: Importer;
}

type Importer = typeof import('@/lib/routing/definitions');

/** The importer (and its zod schema) loads only when a file is picked, keeping it out of first-load JS. */
const loadImporter = (): Promise<Importer> => import('@/lib/routing/definitions');

/** Reads a definitions export; a bad file shows an error and changes nothing else. */
export function DefinitionsImport({ imported, onImport }: Props) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<{ title: string; problems: string[]; more: number } | null>(null);
  // A file can name 10,000 vhosts: the options are made once per file, not on every keystroke elsewhere.
  const vhostOptions = useMemo(
    () =>
      loaded?.vhosts.map((v) => (
        <option key={v} value={v}>
          {v}
        </option>
      )),
    [loaded],
  );

  const pickVhost = (l: Loaded, vhost: string) => {
    const { topology, notes, internal } = l.importer.topologyOf(l.definitions, vhost);
    const allNotes = internal.length
      ? [
          ...notes,
          `Internal exchanges (clients cannot publish to them directly): ${l.importer.listed(internal, { max: 10, quote: false })}`,
        ]
      : notes;
    const inside = new Set(internal);
    const first = topology.exchanges.find((x) => !x.name.startsWith('amq.') && !inside.has(x.name)) ?? topology.exchanges[0];
    onImport({ fileName: l.fileName, vhost, topology, notes: allNotes }, first?.name ?? '');
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text().catch(() => null);
    const importer = await loadImporter().catch(() => null);
    if (!importer) {
      setError({
        title: 'The importer could not be loaded; check your connection and try again. Nothing was changed.',
        problems: [],
        more: 0,
      });
      return;
    }
    const r = text === null ? { ok: false as const, error: 'The file could not be read' } : importer.parseDefinitions(text);
    if (!r.ok) {
      const problems = r.problems && r.problems.length > 1 ? r.problems : [];
      setError({ title: `${file.name}: ${r.error}. Nothing was changed.`, problems, more: r.more ?? 0 });
      return;
    }
    setError(null);
    const l = { fileName: file.name, definitions: r.definitions, vhosts: r.vhosts, importer };
    setLoaded(l);
    // Start with the vhost that has the most bindings (often not the default "/").
    pickVhost(l, importer.busiestVhost(r.definitions, r.vhosts)!);
  };

  return (
    <div className="space-y-3">
      <Field
        label="Definitions file (JSON)"
        hint={
          <>
            From the management UI (Overview → Export definitions), <code>rabbitmqctl export_definitions</code> or{' '}
            <code>GET /api/definitions</code>. It is read in your browser and never uploaded. Policies that set an alternate exchange are
            applied; their patterns are matched with RE2 (RabbitMQ&apos;s PCRE syntax without backreferences or lookaround), which takes
            time linear in the name, so no pattern can stall the page.
          </>
        }
      >
        {(ids) => (
          <input
            {...ids}
            type="file"
            accept="application/json,.json"
            className="block w-full text-sm text-zinc-800 file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-2.5 file:py-1 file:text-sm file:font-medium dark:text-zinc-200 dark:file:border-zinc-600 dark:file:bg-zinc-900 dark:file:text-zinc-100"
            onChange={(e) => {
              void onFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        )}
      </Field>
      {error && (
        <div role="alert">
          <ErrorText>{error.title}</ErrorText>
          {error.problems.length > 0 && (
            <ul className="mt-1 list-disc pl-9 text-sm break-words text-red-700 dark:text-red-400" aria-label="Problems in the file">
              {error.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
              {error.more > 0 && <li>…and {count(error.more)} more</li>}
            </ul>
          )}
        </div>
      )}
      {loaded && loaded.vhosts.length > 1 && imported && (
        <Field label="Virtual host">
          {(ids) => (
            <select {...ids} className={inputClass} value={imported.vhost} onChange={(e) => pickVhost(loaded, e.target.value)}>
              {vhostOptions}
            </select>
          )}
        </Field>
      )}
    </div>
  );
}

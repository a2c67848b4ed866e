'use client';
import { useId, useState } from 'react';
import { describeIntervention } from '@/lib/simulate/interventions';
import type { TimedIntervention } from '@/lib/simulate/url-state';
import type { Intervention } from '@/simulator';
import { ACTIONS, type FieldSpec, type Fields, type Option } from '@/lib/simulate/intervention-form';
import { useSim, useSimStore } from './context';
import { buttonClass } from '@/components/ui/button';

const control = 'h-11 w-full rounded-lg border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900';

/** Changes made while the simulation runs; one at an earlier time forks the timeline from there. */
export function InterventionsPanel() {
  // Not redrawn during play (the choices come from the last stop); every stop refreshes them,
  // including the unacked delivery tags for nack.
  useSim((s) => (s.playing ? `playing:${s.revision}` : `${s.time}:${s.snapshot.eventCount}:${s.revision}`));
  const snapshot = useSimStore().getState().snapshot;
  const lanes = useSim((s) => s.loaded.lanes);
  const pausedAt = useSim((s) => (s.playing ? null : s.time));
  const interventions = useSim((s) => s.interventions);
  const store = useSimStore();
  const uid = useId();
  const available = ACTIONS.filter((a) => lanes.includes(a.lane) && (a.lane === 'kafka' ? snapshot.kafka : snapshot.rabbitmq));
  const [actionId, setActionId] = useState<string>('');
  const action = available.find((a) => a.id === actionId) ?? available[0];
  const [edits, setEdits] = useState<Fields>({});
  const [errors, setErrors] = useState<{ path: string; message: string }[]>([]);
  const [done, setDone] = useState<string | null>(null);
  if (!action) return null;

  // Current value of each field: what the user chose, else the first option / initial value.
  const values: Fields = {};
  for (const f of action.fields) {
    if (f.kind === 'select') {
      const opts = f.options(snapshot, values);
      const chosen = edits[f.name];
      values[f.name] = chosen !== undefined && opts.some((o) => o.value === chosen) ? chosen : (opts[0]?.value ?? '');
    } else if (f.kind === 'checkbox') values[f.name] = edits[f.name] ?? String(f.initial ?? true);
    else values[f.name] = edits[f.name] ?? f.initial(snapshot);
  }

  return (
    <section aria-labelledby={`${uid}-h`} className="rounded-xl border border-zinc-200 p-3 dark:border-zinc-800">
      <h2 id={`${uid}-h`} className="text-base font-semibold">
        Change something
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Applies at the current time{pausedAt === null ? '' : ` (${pausedAt} ms)`}. Doing this at an earlier moment forks the timeline: what
        happened after it is simulated again.
      </p>
      <form
        className="mt-2 grid gap-2 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          const iv = action.build(values, snapshot);
          const time = store.getState().time;
          const later = store.getState().interventions.filter((i) => i.time > time).length;
          void store
            .getState()
            .intervene(iv)
            .then((result) => {
              setErrors(result ?? []);
              setDone(
                result
                  ? null
                  : `Done at ${time} ms${later ? `; the ${later} later change${later === 1 ? ' was' : 's were'} dropped (the timeline forked)` : ''}.`,
              );
            });
        }}
      >
        <label className="flex flex-col gap-1 text-sm font-medium sm:col-span-2">
          Action
          <select
            name="action"
            className={control}
            value={action.id}
            onChange={(e) => {
              setActionId(e.target.value);
              setEdits({});
              setErrors([]);
              setDone(null);
            }}
          >
            {available.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        {action.fields
          .filter((f) => !f.when || f.when(values))
          .map((f) => (
            <FieldControl
              key={f.name}
              f={f}
              id={`${uid}-${f.name}`}
              value={values[f.name]!}
              options={f.kind === 'select' ? f.options(snapshot, values) : []}
              onChange={(v) => setEdits((x) => ({ ...x, [f.name]: v }))}
            />
          ))}
        <div className="sm:col-span-2">
          <button type="submit" className={buttonClass({ size: 'touch', tone: 'primary' })}>
            Apply now
          </button>
          {errors.length > 0 && (
            <ul role="alert" className="mt-2 list-disc pl-5 text-sm text-red-700 dark:text-red-300">
              {errors.map((e, i) => (
                <li key={i}>
                  {e.path}: {e.message}
                </li>
              ))}
            </ul>
          )}
          {done && (
            <p role="status" className="mt-2 text-sm text-green-800 dark:text-green-300">
              {done}
            </p>
          )}
        </div>
      </form>
      <YourChanges interventions={interventions} />
    </section>
  );
}

/** One field of an action: a checkbox, a choice among what exists now, or a typed value. */
function FieldControl({
  f,
  id,
  value,
  options,
  onChange,
}: {
  f: FieldSpec;
  id: string;
  value: string;
  options: Option[];
  onChange: (v: string) => void;
}) {
  if (f.kind === 'checkbox')
    return (
      <label className="flex items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          name={f.name}
          className="h-5 w-5"
          checked={value === 'true'}
          onChange={(e) => onChange(String(e.target.checked))}
        />
        {f.label}
      </label>
    );
  return (
    <label htmlFor={id} className="flex flex-col gap-1 text-sm font-medium">
      {f.label}
      {f.kind === 'select' ? (
        <select
          id={id}
          name={f.name}
          className={control}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          disabled={options.length === 0}
        >
          {options.length === 0 && <option value="">(none available)</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          name={f.name}
          className={control}
          type="text"
          inputMode={f.kind === 'number' ? 'numeric' : undefined}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </label>
  );
}

/** "Your changes": each in words under its time, with a way to go to that moment and to take it back. */
function YourChanges({ interventions }: { interventions: readonly TimedIntervention[] }) {
  const store = useSimStore();
  if (interventions.length === 0) return null;
  const jump = (time: number) => {
    store.getState().pause();
    void store.getState().seek(time);
  };
  const undo = (index: number) => void store.getState().undo(index);
  return (
    <details className="mt-3 text-sm" open>
      <summary className="cursor-pointer font-medium">Your changes ({interventions.length})</summary>
      <ol className="mt-1 divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Your changes">
        {interventions.map((i, k) => (
          <li key={k} className="flex flex-wrap items-center gap-x-2 gap-y-1 py-1.5">
            <span className="font-mono text-xs whitespace-nowrap tabular-nums">{formatMs(i.time)}</span>
            <span className="min-w-0 flex-1">{sentence(describeIntervention(i.intervention as Intervention))}</span>
            <span className="flex gap-1">
              <button type="button" className={small} onClick={() => jump(i.time)} aria-label={`Go to ${formatMs(i.time)}`}>
                Go to
              </button>
              <button
                type="button"
                className={small}
                onClick={() => undo(k)}
                aria-label={`Undo: ${describeIntervention(i.intervention as Intervention)} at ${formatMs(i.time)}`}
              >
                Undo
              </button>
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}

const small = buttonClass({ size: 'touch' });
const formatMs = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1) + '.';

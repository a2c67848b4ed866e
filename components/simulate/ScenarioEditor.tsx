'use client';
import { useEffect, useRef, useState } from 'react';
import { clearDraft, loadDraft, saveDraft } from '@/lib/simulate/draft';
import { readJson } from '@/lib/simulate/editor';
import { useSim, useSimStore } from './context';
import { buttonClass } from '@/components/ui/button';
import { Notice } from '@/components/ui/Notice';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** JSON editor for scenarios. What the user types is kept (state + localStorage) whatever its state. */
export function ScenarioEditor() {
  const store = useSimStore();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ path: string; message: string }[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The draft belongs to the scenario it was written over: switching scenario shows the new one's JSON
  // and keeps the old draft one click away (running the draft itself is no switch).
  const loadedKey = useSim((s) => s.loaded.id ?? 'custom');
  const loadedTitle = useSim((s) => s.loaded.title);
  const [stash, setStash] = useState<{ text: string; title: string } | null>(null);
  const draftFor = useRef<{ key: string; title: string } | null>(null);
  const running = useRef(false);
  useEffect(() => {
    const was = draftFor.current;
    if (text === null) {
      draftFor.current = null;
      return;
    }
    if (running.current || was === null) {
      // A draft restored from storage (or just run) belongs to what is loaded now.
      running.current = false;
      draftFor.current = { key: loadedKey, title: loadedTitle };
      return;
    }
    if (was.key === loadedKey) return;
    setStash({ text, title: was.title });
    setText(null);
    setErrors([]);
    setStatus(null);
    draftFor.current = { key: loadedKey, title: loadedTitle };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of scenario moves the draft aside
  }, [loadedKey]);

  const current = () => JSON.stringify(store.getState().loaded.scenario, null, 2);

  // localStorage exists only after hydration, so the draft is read in an effect, once.
  useEffect(() => {
    const draft = loadDraft(storage());
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncing from localStorage, an external system
    if (draft.notice) setNotice(draft.notice);
    if (draft.text !== null) {
      setText(draft.text);
      setOpen(true);
    }
  }, []);

  useEffect(() => () => void (saveTimer.current && clearTimeout(saveTimer.current)), []);

  const onChange = (value: string) => {
    setText(value);
    draftFor.current ??= { key: loadedKey, title: loadedTitle };
    setStatus(null);
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      if (!saveDraft(storage(), value)) setNotice('Your browser did not let us save the draft; copy it somewhere before you leave.');
    }, 250);
  };

  const run = () => {
    const value = text ?? current();
    const parsed = readJson(value);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors([]);
    setStatus('Checking your scenario…');
    running.current = true;
    void store
      .getState()
      .loadCustom(parsed.value)
      .then((result) => {
        if (result) running.current = false;
        setErrors(result ?? []);
        setStatus(result ? null : 'Running your scenario. Its link (in the address bar) carries it.');
      });
  };

  const shown = text ?? (open ? current() : '');
  const describedBy = ['editor-help', errors.length ? 'editor-errors' : ''].filter(Boolean).join(' ');

  return (
    <>
      {/* Outside <details>: a closed editor would hide the notice that the saved draft was dropped. */}
      {notice && (
        <div className="mt-4">
          <Notice onDismiss={() => setNotice(null)}>
            <p>{notice}</p>
          </Notice>
        </div>
      )}
      <details
        className="mt-4 rounded-xl border border-zinc-200 p-3 dark:border-zinc-800"
        open={open}
        onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
      >
        <summary className="cursor-pointer text-base font-semibold">Scenario editor</summary>
        {open && (
          <div className="mt-2">
            <label htmlFor="scenario-json" className="text-sm font-medium">
              Scenario JSON
            </label>
            <p id="editor-help" className="text-sm text-zinc-600 dark:text-zinc-400">
              Edit the current scenario or write your own (version 1: kafka topics, producers and groups; rabbitmq exchanges, queues,
              bindings, publishers and consumers). Your text is kept in this browser even when it is not valid.
            </p>
            <textarea
              id="scenario-json"
              name="scenario-json"
              className="mt-1 h-80 w-full rounded-lg border border-zinc-300 bg-white p-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
              spellCheck={false}
              value={shown}
              aria-invalid={errors.length ? true : undefined}
              aria-describedby={describedBy}
              onChange={(e) => onChange(e.target.value)}
            />
            <EditorErrors errors={errors} />
            {stash && (
              <p className="mt-2 text-sm" data-testid="editor-stash">
                Your draft over “{stash.title}” is kept.{' '}
                <button
                  type="button"
                  className="text-link underline"
                  onClick={() => {
                    setText(stash.text);
                    setStash(null);
                    draftFor.current = { key: loadedKey, title: loadedTitle };
                  }}
                >
                  Bring it back
                </button>
              </p>
            )}
            <div className="mt-2 flex flex-wrap gap-2">
              <button type="button" onClick={run} className={buttonClass({ size: 'touch', tone: 'primary' })}>
                Run this scenario
              </button>
              <button
                type="button"
                onClick={() => {
                  setText(current());
                  clearDraft(storage());
                  setErrors([]);
                  setStatus(null);
                }}
                className={buttonClass({ size: 'touch' })}
              >
                Start from the current scenario
              </button>
            </div>
            {status && (
              <p role="status" className="mt-2 text-sm text-green-800 dark:text-green-300">
                {status}
              </p>
            )}
          </div>
        )}
      </details>
    </>
  );
}

/** What is wrong with the scenario, each next to the field it names (the first dozen). */
function EditorErrors({ errors }: { errors: readonly { path: string; message: string }[] }) {
  if (errors.length === 0) return null;
  return (
    <ul id="editor-errors" role="alert" className="mt-1 list-disc pl-5 text-sm text-red-700 dark:text-red-300">
      {errors.slice(0, 12).map((e, i) => (
        <li key={i}>
          <span className="font-mono">{e.path}</span>: {e.message}
        </li>
      ))}
      {errors.length > 12 && <li>… and {errors.length - 12} more</li>}
    </ul>
  );
}

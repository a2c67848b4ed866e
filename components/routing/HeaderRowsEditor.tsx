'use client';
import { HEADER_TYPES, type HeaderRow, type HeaderType } from '@/lib/routing/state';
import { ErrorText, inputClass, smallButtonClass } from './ui';

interface Props {
  /** What the rows are, for labels: "header" or "argument". */
  noun: string;
  /** Names the owner in labels so every control is unique (e.g. "fraud-service binding 1"). */
  owner: string;
  rows: HeaderRow[];
  problems: (string | null)[];
  onChange: (rows: HeaderRow[]) => void;
}

/** Typed key/value rows: the AMQP table of message headers or of headers-binding arguments. */
export function HeaderRowsEditor({ noun, owner, rows, problems, onChange }: Props) {
  const set = (i: number, patch: Partial<HeaderRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div>
      {rows.length > 0 && (
        <ul className="space-y-2">
          {rows.map((row, i) => {
            const problem = problems[i];
            const errId = `${owner}-${noun}-${i}-err`.replace(/[^\w-]/g, '_');
            const a11y = problem ? { 'aria-invalid': true as const, 'aria-describedby': errId } : {};
            return (
              <li key={i}>
                <div className="grid grid-cols-[minmax(0,1fr)_6.5rem_minmax(0,1fr)_auto] items-center gap-1">
                  <input
                    className={inputClass}
                    aria-label={`${owner} ${noun} ${i + 1} name`}
                    value={row.name}
                    placeholder="name"
                    onChange={(e) => set(i, { name: e.target.value })}
                    {...a11y}
                  />
                  <select
                    className={inputClass}
                    aria-label={`${owner} ${noun} ${i + 1} type`}
                    value={row.type}
                    onChange={(e) => set(i, { type: e.target.value as HeaderType })}
                  >
                    {HEADER_TYPES.map((t) => (
                      <option key={t} value={t}>
                        {t}
                      </option>
                    ))}
                  </select>
                  <input
                    className={inputClass}
                    aria-label={`${owner} ${noun} ${i + 1} value`}
                    value={row.type === 'void' ? '' : row.value}
                    disabled={row.type === 'void'}
                    placeholder={row.type === 'void' ? '(no value)' : row.type === 'boolean' ? 'true or false' : 'value'}
                    onChange={(e) => set(i, { value: e.target.value })}
                    {...a11y}
                  />
                  <button
                    type="button"
                    className={smallButtonClass}
                    aria-label={`Remove ${owner} ${noun} ${i + 1}`}
                    onClick={() => onChange(rows.filter((_, j) => j !== i))}
                  >
                    ✕
                  </button>
                </div>
                {problem && <ErrorText id={errId}>{problem}</ErrorText>}
              </li>
            );
          })}
        </ul>
      )}
      <button
        type="button"
        className={`${smallButtonClass} mt-1`}
        onClick={() => onChange([...rows, { name: '', type: 'string', value: '' }])}
      >
        + Add {noun}
        <span className="sr-only"> to {owner}</span>
      </button>
    </div>
  );
}

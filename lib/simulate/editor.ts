// Reading the editor's text: JSON syntax first (with a line and column), then the engine's schema.

export type EditorCheck = { ok: true; value: unknown } | { ok: false; errors: { path: string; message: string }[] };

/** Line and column (1-based) of a character index in text. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(index, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

export function readJson(text: string): EditorCheck {
  if (text.trim() === '') return { ok: false, errors: [{ path: '(JSON)', message: 'The editor is empty: write a scenario as JSON.' }] };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    const where = pos ? lineColumn(text, Number(pos[1])) : null;
    return {
      ok: false,
      errors: [
        {
          path: '(JSON)',
          message: `Not valid JSON${where ? ` at line ${where.line}, column ${where.column}` : ''}: ${message.replace(/^JSON\.parse: /, '')}`,
        },
      ],
    };
  }
}

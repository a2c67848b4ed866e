// Which simulator shortcut a key press means. Typing in a field never triggers one, and Space on a
// button keeps its native meaning (press the button).

export type ShortcutAction = 'toggle' | 'forward' | 'back' | 'help';

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target: { tagName?: string; isContentEditable?: boolean } | null;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const ACTIVATES_ON_SPACE = new Set(['BUTTON', 'A', 'SUMMARY']);

export function shortcutFor(e: KeyLike): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const tag = e.target?.tagName?.toUpperCase() ?? '';
  if (TYPING.has(tag) || e.target?.isContentEditable) return null;
  switch (e.key) {
    case ' ':
    case 'Spacebar':
      return ACTIVATES_ON_SPACE.has(tag) ? null : 'toggle';
    case 'ArrowRight':
      return 'forward';
    case 'ArrowLeft':
      return 'back';
    case '?':
      return 'help';
    default:
      return null;
  }
}

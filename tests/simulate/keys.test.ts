import { describe, expect, it } from 'vitest';
import { shortcutFor } from '@/lib/simulate/keys';

const on = (tagName: string, extra: object = {}) => ({ tagName, ...extra });

describe('keyboard shortcuts', () => {
  it.each([
    [' ', on('BODY'), 'toggle'],
    ['ArrowRight', on('BODY'), 'forward'],
    ['ArrowLeft', on('DIV'), 'back'],
    ['?', on('BODY'), 'help'],
    ['ArrowRight', on('BUTTON'), 'forward'],
    [' ', on('BUTTON'), null],
    [' ', on('A'), null],
    [' ', on('INPUT'), null],
    ['ArrowLeft', on('INPUT'), null],
    ['?', on('TEXTAREA'), null],
    ['ArrowRight', on('SELECT'), null],
    ['?', on('DIV', { isContentEditable: true }), null],
    ['x', on('BODY'), null],
  ] as const)('%j on %j → %s', (key, target, expected) => {
    expect(shortcutFor({ key, target })).toBe(expected);
  });

  it('ignores chords with modifiers', () => {
    expect(shortcutFor({ key: 'ArrowLeft', altKey: true, target: on('BODY') })).toBeNull();
    expect(shortcutFor({ key: ' ', ctrlKey: true, target: on('BODY') })).toBeNull();
    expect(shortcutFor({ key: '?', metaKey: true, target: null })).toBeNull();
  });
});

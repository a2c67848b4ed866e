import { describe, expect, it } from 'vitest';
import { citedSourceIds, isKnownSource, SOURCE_IDS, SOURCES, sourceNumber } from '@/lib/content';

describe('sources list', () => {
  it.each(SOURCE_IDS)('%s has an https URL, a title and a checked date', (id) => {
    const source = SOURCES[id];
    const url = new URL(source.url);
    expect(url.protocol).toBe('https:');
    expect(source.title.trim().length).toBeGreaterThan(3);
    expect(source.publisher.trim().length).toBeGreaterThan(1);
    expect(source.supports.trim().length).toBeGreaterThan(10);
    expect(source.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(source.checked))).toBe(false);
  });

  it('every source was checked in the review of November–December 2026', () => {
    for (const id of SOURCE_IDS) expect(['2026-11-26', '2026-12-06'], id).toContain(SOURCES[id].checked);
  });

  it('no two sources share a URL', () => {
    const urls = SOURCE_IDS.map((id) => SOURCES[id].url);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('every source in the list is cited somewhere on the page, and every cited one is listed', () => {
    const cited = citedSourceIds();
    expect([...cited].sort()).toEqual([...SOURCE_IDS].sort());
    for (const id of cited) expect(isKnownSource(id)).toBe(true);
  });

  it('numbers sources 1..n in first-cited order', () => {
    const cited = citedSourceIds();
    cited.forEach((id, i) => expect(sourceNumber(id)).toBe(i + 1));
  });

  it('rejects unknown ids', () => {
    expect(isKnownSource('not-a-source')).toBe(false);
    expect(isKnownSource('toString')).toBe(false);
  });
});

// A notice says what is wrong with a link (issue #20, finding 10): a huge time is past the end, not
// "not a whole number"; an over-long parameter is too long, not "damaged".
import { describe, expect, it } from 'vitest';
import { decodeSimUrl, MAX_PARAM_LENGTH } from '@/lib/simulate/url-state';
import { toBase64Url } from '@/lib/url-state';
import { builtInScenarios } from '@/simulator';
import { testStore } from './engine';

const IDS = builtInScenarios.map((b) => b.id);

/** What the page shows for a link: the decoder's notice, else the store's. */
async function open(search: string): Promise<string | null> {
  const { state, notice } = decodeSimUrl(search, IDS);
  if (notice) return notice;
  const store = testStore();
  await store.getState().openUrlState(state);
  return store.getState().notice;
}

describe('link notices say what is wrong', () => {
  it.each(['9007199254740991', '99999999999999999999999'])('t=%s opens at the end and says the time is past it', async (t) => {
    expect(decodeSimUrl(`?scenario=heavy&t=${t}`, IDS).notice).toBeNull();
    const notice = await open(`?scenario=heavy&t=${t}`);
    expect(notice).toMatch(/the time in this link is past the end of the scenario \(\d+ ms\), so it opens at the end/);
    expect(notice).not.toMatch(/whole number/);
  });

  it('a time that is not a number is still called that', async () => {
    expect(await open('?scenario=heavy&t=12ms')).toMatch(/the time "12ms" is not a whole number of milliseconds/);
  });

  it('a seed past the range is too large, not "not a whole number"', () => {
    const notice = decodeSimUrl('?scenario=heavy&seed=99999999999', IDS).notice;
    expect(notice).toMatch(/the seed "99999999999" is too large: seeds go from 0 to 4294967295/);
  });

  it('interventions over the length cap are too long, with both lengths', () => {
    const iv = toBase64Url(JSON.stringify([{ time: 1, intervention: { pad: 'x'.repeat(MAX_PARAM_LENGTH) } }]));
    const notice = decodeSimUrl(`?scenario=heavy&iv=${iv}`, IDS).notice;
    expect(notice).toMatch(
      new RegExp(
        `the interventions in this link are too long \\(${iv.length.toLocaleString('en-US')} characters; a link carries at most 60,000\\)`,
      ),
    );
    expect(notice).not.toMatch(/damaged/);
  });

  it('a custom scenario over the length cap is too long; a damaged one is still damaged', () => {
    const custom = 'A'.repeat(MAX_PARAM_LENGTH + 1);
    expect(decodeSimUrl(`?custom=${custom}`, IDS).notice).toMatch(/the custom scenario in this link is too long \(60,001 characters/);
    expect(decodeSimUrl('?custom=eyJ2ZXJzaW9uIjox', IDS).notice).toMatch(/the custom scenario in this link is damaged or truncated/);
  });
});

import { describe, expect, it } from 'vitest';
import { decodeAnswers, describeDropped, encodeAnswers } from '@/lib/quiz';
import { decodeEntries, encodeEntries, readParam, withParam } from '@/lib/url-state';

describe('decodeAnswers keeps the valid answers and reports the rest', () => {
  it.each([
    { raw: 'replay.often_tasks.yes', keep: { replay: ['often'], tasks: ['yes'] }, dropped: [] },
    { raw: 'protocols.mqtt-stomp', keep: { protocols: ['mqtt', 'stomp'] }, dropped: [] },
    { raw: 'replay.ns', keep: { replay: ['ns'] }, dropped: [] },
    { raw: 'REPLAY.Often', keep: { replay: ['often'] }, dropped: [] },
    { raw: 'bogus.yes_replay.often', keep: { replay: ['often'] }, dropped: ['unknown question “bogus”'] },
    { raw: 'replay.forever', keep: {}, dropped: ['“forever” is not an option of “replay”'] },
    { raw: 'replay.often-no', keep: {}, dropped: ['only one option is allowed'] },
    { raw: 'protocols.none-mqtt', keep: {}, dropped: ['“none” excludes the other options'] },
    { raw: 'protocols.mqtt-mqtt', keep: {}, dropped: ['an option is repeated'] },
    { raw: 'replay.ns-often', keep: {}, dropped: ['“not sure” mixed with other options'] },
    { raw: 'replay.often_replay.no', keep: { replay: ['often'] }, dropped: ['“replay” was answered earlier in the link'] },
    { raw: '%%%_<script>_tasks.yes', keep: { tasks: ['yes'] }, dropped: ['not a question.answer pair', 'not a question.answer pair'] },
    { raw: '', keep: {}, dropped: [] },
  ])('$raw', ({ raw, keep, dropped }) => {
    const r = decodeAnswers(raw);
    expect(r.answers).toEqual(keep);
    expect(r.dropped.map((d) => d.reason)).toEqual(dropped);
  });

  it('cuts very long links and says so', () => {
    const r = decodeAnswers(`tasks.yes_${'x'.repeat(5000)}`);
    expect(r.answers).toEqual({ tasks: ['yes'] });
    expect(r.dropped[0]).toEqual({ segment: '', reason: 'The link is 5,010 characters long; only its first 2,000 were read' });
  });

  it('summarises a link that drops a thousand pieces: x_ written 5,000 times (issue #20)', () => {
    const r = decodeAnswers('x_'.repeat(5000));
    expect(r.dropped).toHaveLength(1001);
    const lines = describeDropped(r.dropped);
    expect(lines).toEqual([
      'The link is 10,000 characters long; only its first 2,000 were read',
      ...Array.from({ length: 6 }, () => '“x”: not a question.answer pair'),
      '…and 994 more parts, each not a question.answer pair',
    ]);
  });

  it('lists every dropped piece when there are few, and mixed reasons are counted, not named', () => {
    expect(describeDropped(decodeAnswers('a_b_c').dropped)).toHaveLength(3);
    const mixed = describeDropped(decodeAnswers(`${'x_'.repeat(8)}bogus.yes`).dropped);
    expect(mixed).toHaveLength(8);
    expect(mixed.at(-1)).toBe('…and 2 more parts');
  });

  it('describes drops in readable lines', () => {
    expect(describeDropped(decodeAnswers('bogus.yes').dropped)).toEqual(['“bogus.yes”: unknown question “bogus”']);
  });

  it('encodes in question order, so equal answers give equal links', () => {
    expect(encodeAnswers({ tasks: ['yes'], replay: ['often'] })).toBe('replay.often_tasks.yes');
  });
});

describe('url-state helpers', () => {
  it('encodes and decodes generic entries', () => {
    const entries = [
      { key: 'a1', values: ['x'] },
      { key: 'b', values: ['y', 'z'] },
    ];
    expect(encodeEntries(entries)).toBe('a1.x_b.y-z');
    expect(decodeEntries('a1.x_b.y-z')).toEqual({ entries, garbage: [], cut: 0 });
  });

  it('skips invalid tokens when encoding', () => {
    expect(
      encodeEntries([
        { key: 'ok', values: ['v'] },
        { key: 'bad key', values: ['v'] },
        { key: 'e', values: [] },
      ]),
    ).toBe('ok.v');
  });

  it('reads and writes one query parameter, keeping the others', () => {
    expect(readParam('?a=replay.often&x=1', 'a')).toBe('replay.often');
    expect(readParam('/choose?x=1', 'a')).toBeNull();
    expect(withParam('/choose?x=1#top', 'a', 'tasks.yes')).toBe('/choose?x=1&a=tasks.yes#top');
    expect(withParam('https://example.com/choose?a=1', 'a', null)).toBe('https://example.com/choose');
  });
});

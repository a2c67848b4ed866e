import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localVectorsDir, sharedVectorsDir } from './vectors';

const shared = sharedVectorsDir();

describe('tests/vectors is an exact copy of shared/reference/vectors', () => {
  it('has the vector files', () => {
    expect(
      readdirSync(localVectorsDir)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(
      expect.arrayContaining([
        'kafka_assignors.json',
        'kafka_murmur2.json',
        'librdkafka_partitions.json',
        'rabbit_headers.json',
        'rabbit_topic.json',
        'semantics_facts.json',
      ]),
    );
  });
  it.skipIf(!shared)('matches the shared originals byte for byte', () => {
    const files = readdirSync(shared!)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(
      readdirSync(localVectorsDir)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(files);
    for (const f of files) {
      expect(readFileSync(path.join(localVectorsDir, f), 'utf8'), f).toBe(readFileSync(path.join(shared!, f), 'utf8'));
    }
  });
});

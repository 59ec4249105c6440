import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashFiles, hashModuleSources } from './source-fingerprint.js';

describe('hashModuleSources', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'govchat-sources-'));
    await mkdir(join(dir, 'internal'));
    await writeFile(join(dir, 'analyse-text.js'), 'export const a = 1;');
    await writeFile(join(dir, 'internal', 'csv-parser.js'), 'export const b = 2;');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is the same for the same code', () => {
    expect(hashModuleSources(dir)).toBe(hashModuleSources(dir));
    expect(hashModuleSources(dir)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes with any module, nested ones included', async () => {
    const before = hashModuleSources(dir);
    await writeFile(join(dir, 'analyse-text.js'), 'export const a = 2;');
    const afterTop = hashModuleSources(dir);
    expect(afterTop).not.toBe(before);
    await writeFile(join(dir, 'internal', 'csv-parser.js'), 'export const b = 3;');
    expect(hashModuleSources(dir)).not.toBe(afterTop);
  });

  it('changes when a module is renamed, not only edited', async () => {
    const before = hashModuleSources(dir);
    await rm(join(dir, 'analyse-text.js'));
    await writeFile(join(dir, 'analyse-words.js'), 'export const a = 1;');
    expect(hashModuleSources(dir)).not.toBe(before);
  });

  it('ignores what does not run: tests, declarations, source maps', async () => {
    const before = hashModuleSources(dir);
    await writeFile(join(dir, 'analyse-text.test.ts'), 'it()');
    await writeFile(join(dir, 'analyse-text.d.ts'), 'export declare const a: number;');
    await writeFile(join(dir, 'analyse-text.js.map'), '{}');
    expect(hashModuleSources(dir)).toBe(before);
  });

  it('hashes only the files asked for, and says none for a folder that is not there', async () => {
    const json = (name: string): boolean => name.endsWith('.json');
    await writeFile(join(dir, 'wordnet-synonyms.json'), '{"a":"b"}');
    const before = hashFiles(dir, json);
    await writeFile(join(dir, 'analyse-text.js'), 'changed();');
    expect(hashFiles(dir, json)).toBe(before);
    await writeFile(join(dir, 'wordnet-synonyms.json'), '{"a":"c"}');
    expect(hashFiles(dir, json)).not.toBe(before);
    expect(hashFiles(join(dir, 'missing'), json)).toBe('none');
  });
});

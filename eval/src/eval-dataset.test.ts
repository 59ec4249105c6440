import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset, parseDataset } from '@govchat/eval';
import { caughtGovchatError as caught } from '../../packages/core/src/test-helpers/caught-error.js';

const line = (fields: Record<string, unknown>): string =>
  JSON.stringify({ bot: 'housing', query: '公屋要等幾耐', lang: 'yue', expected: ['waiting-time'], ...fields });

describe('parseDataset', () => {
  it('reads queries with their file line numbers, skipping blank lines and dropping notes', () => {
    const queries = parseDataset(`${line({})}\n\n${line({ expected: [], history: ['earlier'], note: 'weather' })}\n`, 'dev.jsonl');
    expect(queries).toEqual([
      { bot: 'housing', query: '公屋要等幾耐', lang: 'yue', expected: ['waiting-time'], line: 1, file: 'dev.jsonl' },
      { bot: 'housing', query: '公屋要等幾耐', lang: 'yue', expected: [], history: ['earlier'], line: 3, file: 'dev.jsonl' },
    ]);
  });

  it('accepts CRLF line ends and a byte-order mark', () => {
    expect(parseDataset(`\uFEFF${line({})}\r\n${line({ lang: 'mixed' })}\r\n`).map((q) => q.lang)).toEqual(['yue', 'mixed']);
  });

  it('names file and line of invalid JSON', () => {
    const error = caught(() => parseDataset(`${line({})}\n{"bot": "housing",`, 'test.jsonl'));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', file: 'test.jsonl', line: 2 });
    expect(error.message).toContain('test.jsonl:2');
  });

  it('names the line and field of a missing or mistyped field', () => {
    expect(caught(() => parseDataset(`${line({})}\n${JSON.stringify({ bot: 'housing', query: 'x', lang: 'en' })}`))).toMatchObject({
      line: 2,
      field: 'expected',
    });
    expect(caught(() => parseDataset(line({ expected: 'waiting-time' })))).toMatchObject({ line: 1, field: 'expected' });
    expect(caught(() => parseDataset(line({ expected: ['ok', ''] })))).toMatchObject({ field: 'expected.1' });
    expect(caught(() => parseDataset(line({ history: [3] })))).toMatchObject({ field: 'history.0' });
  });

  it('rejects an unknown language, listing the allowed ones', () => {
    const error = caught(() => parseDataset(`\n\n${line({ lang: 'cantonese' })}`, 'x.jsonl'));
    expect(error).toMatchObject({ line: 3, field: 'lang' });
    expect(error.message).toMatch(/en, zh-HK, yue, zh-CN, mixed/);
    expect(error.message).toContain('field "lang"');
  });

  it('names a misspelt key rather than ignoring it', () => {
    const error = caught(() => parseDataset(JSON.stringify({ bot: 'housing', query: 'x', lang: 'en', expected: [], expeted: ['a'] })));
    expect(error).toMatchObject({ line: 1, field: 'expeted' });
  });

  it('rejects a line that is not an object', () => {
    expect(caught(() => parseDataset('[1, 2]'))).toMatchObject({ code: 'INVALID_INPUT', line: 1 });
  });
});

describe('loadDataset', () => {
  it('reads a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'govchat-dataset-'));
    const file = join(dir, 'set.jsonl');
    await writeFile(file, `${line({})}\n`);
    expect((await loadDataset(file))[0]).toMatchObject({ bot: 'housing', line: 1, file });
  });

  it('reports a missing file by name', async () => {
    await expect(loadDataset('/nonexistent/set.jsonl')).rejects.toMatchObject({ code: 'NOT_FOUND', file: '/nonexistent/set.jsonl' });
  });
});

import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBotDirs, loadCorpus, parseFaqCsv, parseFaqJsonl } from '@govchat/core';
import { caughtGovchatError as caught } from './test-helpers/caught-error.js';

const bot = {
  id: 'demo',
  name: { en: 'Demo', 'zh-HK': '示範' },
  greeting: { en: 'Hi', 'zh-HK': '你好' },
  contact: { phone: '1823', url: 'https://www.gov.hk' },
};
const entry = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, question: { en: `Q ${id}?`, 'zh-HK': `問題${id}？` }, answer: { en: `A ${id}.`, 'zh-HK': `答案${id}。` }, ...extra });

async function botFolder(files: Record<string, string>, id = 'demo'): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'govchat-corpus-')), id);
  await mkdir(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('parseFaqJsonl', () => {
  it('reads valid entries and skips blank lines', () => {
    const entries = parseFaqJsonl(`${entry('a')}\n\n${entry('b', { category: 'X' })}\n`);
    expect(entries.map((e) => e.id)).toEqual(['a', 'b']);
    expect(entries[1]?.category).toBe('X');
  });

  it('names file, line and field of a schema error', () => {
    const error = caught(() => parseFaqJsonl(`${entry('a')}\n${JSON.stringify({ id: 'b', question: { en: 7 }, answer: { en: 'x' } })}`, 'faq.jsonl'));
    expect(error.code).toBe('CORPUS_INVALID');
    expect(error.file).toBe('faq.jsonl');
    expect(error.line).toBe(2);
    expect(error.field).toBe('question.en');
    expect(error.message).toContain('faq.jsonl:2');
  });

  it('rejects invalid JSON with its line', () => {
    const error = caught(() => parseFaqJsonl(`${entry('a')}\n{"id": "b",`));
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('rejects duplicate ids, naming both lines', () => {
    const error = caught(() => parseFaqJsonl([entry('a'), entry('b'), entry('a')].join('\n')));
    expect(error).toMatchObject({ line: 3, field: 'id' });
    expect(error.message).toContain('first used on line 1');
  });

  it('rejects unknown fields (typos) by name', () => {
    const error = caught(() => parseFaqJsonl(entry('a', { questoin: 'x' })));
    expect(error.message).toContain('"questoin"');
  });

  it('accepts an entry in one language and rejects one with neither', () => {
    expect(parseFaqJsonl(JSON.stringify({ id: 'a', question: { en: 'Q?' }, answer: { en: 'A.' } }))).toHaveLength(1);
    const error = caught(() => parseFaqJsonl(JSON.stringify({ id: 'a', question: { en: 'Q?' }, answer: { 'zh-HK': '答' } })));
    expect(error.field).toBe('answer');
  });

  it('validates ids and urls', () => {
    expect(caught(() => parseFaqJsonl(entry('bad id'))).field).toBe('id');
    expect(caught(() => parseFaqJsonl(entry('a', { url: 'not a url' }))).field).toBe('url');
  });
});

describe('parseFaqCsv', () => {
  const header = 'id,question_en,question_zh,answer_en,answer_zh,category,url';

  it('handles quoted commas, quotes and newlines, BOM and CRLF', () => {
    const csv = `\uFEFF${header}\r\na,"Renew, or replace?",點樣續期？,"Line one\nline ""two""",答案,Cat,https://www.gov.hk\r\nb,Q2,,A2,,,\r\n`;
    const [a, b] = parseFaqCsv(csv);
    expect(a?.question.en).toBe('Renew, or replace?');
    expect(a?.answer.en).toBe('Line one\nline "two"');
    expect(b?.question).toEqual({ en: 'Q2' });
    expect(b?.category).toBeUndefined();
  });

  it('reports the line a multi-line record starts on, and the spreadsheet column', () => {
    const csv = `${header}\na,Q,問,"multi\nline",答,,\nb,Q,問,,,,`;
    const error = caught(() => parseFaqCsv(csv, 'faq.csv'));
    expect(error).toMatchObject({ file: 'faq.csv', line: 4, field: 'answer_en/answer_zh' });
  });

  it('rejects a wrong header and a short row', () => {
    expect(caught(() => parseFaqCsv('id,question\n')).field).toBe('question');
    expect(caught(() => parseFaqCsv(`${header}\na,b,c\n`)).line).toBe(2);
  });

  it('rejects an unclosed quote with its line', () => {
    expect(caught(() => parseFaqCsv(`${header}\na,"never closed,x,y,z,,\n`)).line).toBe(2);
  });
});

describe('loadCorpus', () => {
  it('loads bot.json and faq.jsonl', async () => {
    const dir = await botFolder({ 'bot.json': JSON.stringify({ ...bot, suggested: ['a'] }), 'faq.jsonl': entry('a') });
    const corpus = await loadCorpus(dir);
    expect(corpus.bot.name.en).toBe('Demo');
    expect(corpus.entries).toHaveLength(1);
  });

  it('rejects a bot id that differs from its folder', async () => {
    const dir = await botFolder({ 'bot.json': JSON.stringify({ ...bot, id: 'other' }), 'faq.jsonl': entry('a') });
    await expect(loadCorpus(dir)).rejects.toMatchObject({ code: 'CORPUS_INVALID', field: 'id' });
  });

  it('rejects suggested ids that are not FAQs', async () => {
    const dir = await botFolder({ 'bot.json': JSON.stringify({ ...bot, suggested: ['zzz'] }), 'faq.jsonl': entry('a') });
    await expect(loadCorpus(dir)).rejects.toMatchObject({ field: 'suggested.0' });
  });

  it('rejects a missing FAQ file and an invalid bot.json field', async () => {
    await expect(loadCorpus(await botFolder({ 'bot.json': JSON.stringify(bot) }))).rejects.toMatchObject({ code: 'CORPUS_NOT_FOUND' });
    const dir = await botFolder({ 'bot.json': JSON.stringify({ ...bot, contact: { phone: '1823', url: 'nope' } }), 'faq.jsonl': entry('a') });
    await expect(loadCorpus(dir)).rejects.toMatchObject({ field: 'contact.url' });
  });

  it('finds bot folders and ignores other files', async () => {
    const dir = await botFolder({ 'bot.json': JSON.stringify(bot), 'faq.jsonl': entry('a') });
    const parent = join(dir, '..');
    await writeFile(join(parent, 'README.md'), 'not a bot');
    expect(await findBotDirs(parent)).toEqual([dir]);
    expect(await findBotDirs(dir)).toEqual([dir]);
  });
});

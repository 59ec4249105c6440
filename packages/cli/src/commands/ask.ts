import { parseArgs } from 'node:util';
import { createAnswerer, createBotEngine, isAnswerLang, loadIndex, resolveAnswererConfig } from '@govchat/core';
import { resolveDataDir, UsageError, type CliIo } from '../cli-context.js';

export const ASK_USAGE =
  'govchat ask --bot ID [--data-dir DIR] [--history "earlier turn"]... [--lang en|zh-HK|zh-CN] [--answerer extractive|llm] [--json] "question"';

/** `govchat ask`: one question through the same pipeline the server uses. */
export async function runAsk(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      bot: { type: 'string' },
      'data-dir': { type: 'string' },
      history: { type: 'string', multiple: true },
      lang: { type: 'string' },
      answerer: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (values.bot === undefined) throw new UsageError('--bot is required');
  if (positionals.length === 0) throw new UsageError('expected a question');
  if (values.lang !== undefined && !isAnswerLang(values.lang)) throw new UsageError(`--lang must be en, zh-HK or zh-CN, not "${values.lang}"`);
  const kind = values.answerer;
  if (kind !== undefined && kind !== 'extractive' && kind !== 'llm') throw new UsageError(`--answerer must be extractive or llm, not "${kind}"`);
  const index = await loadIndex(resolveDataDir(io, values['data-dir']), values.bot, { env: io.env });
  // bot.json's answerer block over GOVCHAT_ANSWERER / GOVCHAT_LLM_*; --answerer picks the kind.
  const answerer = createAnswerer(resolveAnswererConfig(index.bot, io.env, kind === undefined ? {} : { kind }));
  const engine = createBotEngine(index, { answerer });
  const result = await engine.ask({
    text: positionals.join(' '),
    history: values.history ?? [],
    ...(values.lang === undefined ? {} : { lang: values.lang }),
  });
  if (values.json) {
    io.out(`${JSON.stringify({
      answer: result.answer,
      lang: result.lang,
      queryLang: result.queryLang,
      abstained: result.abstained,
      ...(result.reason === undefined ? {} : { reason: result.reason }),
      confidence: Math.round(result.confidence * 1e4) / 1e4,
      usedHistory: result.usedHistory,
      answeredBy: result.answeredBy,
      citations: result.citations,
      ...(result.fallback === undefined ? {} : { fallback: result.fallback }),
      sources: result.sources,
      related: result.related,
    })}\n`);
    return 0;
  }
  io.out(`${result.answer}\n`);
  const source = result.sources[0];
  if (source !== undefined) io.out(`\n— ${source.question} [${source.id}]${source.url === undefined ? '' : ` ${source.url}`}\n`);
  if (result.related.length > 0) io.out(`\n${result.related.map((r) => `  • ${r.question}`).join('\n')}\n`);
  return 0;
}

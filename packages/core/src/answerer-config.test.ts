import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ANSWERER_DEFAULTS,
  botConfigSchema,
  createAnswerer,
  createConfiguredAnswerer,
  describeAnswererConfig,
  GovchatError,
  resolveAnswererConfig,
  type BotConfig,
} from './index.js';
import { answerContext, collectEvents, finalOf, TEST_BOT } from './test-helpers/answer-fixtures.js';
import { startFakeOpenAiServer, streamReply, type FakeOpenAiServer } from './test-helpers/fake-openai-server.js';

function botWith(answerer: Record<string, unknown> | undefined, id = 'housing'): BotConfig {
  return botConfigSchema.parse({ ...TEST_BOT, id, ...(answerer === undefined ? {} : { answerer }) });
}

function configError(run: () => unknown): GovchatError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GovchatError);
    expect((error as GovchatError).code).toBe('CONFIG_INVALID');
    return error as GovchatError;
  }
  throw new Error('expected CONFIG_INVALID');
}

describe('resolveAnswererConfig', () => {
  it('defaults to the extractive answerer with nothing configured', () => {
    const config = resolveAnswererConfig(botWith(undefined), {});
    expect(config).toMatchObject({ kind: 'extractive', provider: 'openai', timeoutMs: ANSWERER_DEFAULTS.timeoutMs, shortcutAbove: 0.97 });
    expect(createAnswerer(config).name).toBe('extractive');
  });

  it('reads the environment defaults by their exact names', () => {
    const config = resolveAnswererConfig(botWith(undefined), {
      GOVCHAT_ANSWERER: 'llm',
      GOVCHAT_LLM_PROVIDER: 'ollama',
      GOVCHAT_LLM_BASE_URL: 'http://10.0.0.5:11434/',
      GOVCHAT_LLM_MODEL: 'qwen2.5:14b',
      GOVCHAT_LLM_API_KEY: 'sk-env',
      GOVCHAT_LLM_TEMPERATURE: '0',
      GOVCHAT_LLM_MAX_TOKENS: '300',
      GOVCHAT_LLM_TIMEOUT_MS: '8000',
      GOVCHAT_LLM_SHORTCUT_ABOVE: '0.8',
      GOVCHAT_LLM_HISTORY_TOKENS: '400',
      GOVCHAT_LLM_MAX_FAQS: '3',
      GOVCHAT_LLM_ALLOWED_DOMAINS: 'gov.hk, info.gov.hk',
    });
    expect(config).toEqual({
      kind: 'llm',
      provider: 'ollama',
      model: 'qwen2.5:14b',
      baseUrl: 'http://10.0.0.5:11434',
      apiKey: 'sk-env',
      apiKeySource: 'GOVCHAT_LLM_API_KEY',
      temperature: 0,
      maxTokens: 300,
      timeoutMs: 8000,
      shortcutAbove: 0.8,
      maxFaqs: 3,
      historyTokens: 400,
      allowedDomains: ['gov.hk', 'info.gov.hk'],
    });
  });

  it('lets bot.json override the environment, with the key read from the variable it names', () => {
    const bot = botWith({ type: 'llm', provider: 'openai', model: 'gpt-4o', baseUrl: 'https://gateway.gov.hk/v1', apiKeyEnv: 'HOUSING_LLM_KEY', temperature: 0.1, shortcutAbove: 0.95 });
    const config = resolveAnswererConfig(bot, { GOVCHAT_ANSWERER: 'extractive', GOVCHAT_LLM_MODEL: 'other', GOVCHAT_LLM_API_KEY: 'sk-shared', HOUSING_LLM_KEY: 'sk-housing' });
    expect(config).toMatchObject({ kind: 'llm', model: 'gpt-4o', baseUrl: 'https://gateway.gov.hk/v1', apiKey: 'sk-housing', apiKeySource: 'HOUSING_LLM_KEY', temperature: 0.1, shortcutAbove: 0.95 });
  });

  it('lets an explicit override (govchat ask/eval --answerer llm) choose the answerer over both', () => {
    const bot = botWith({ type: 'extractive' });
    expect(resolveAnswererConfig(bot, { GOVCHAT_LLM_BASE_URL: 'http://127.0.0.1:8000/v1' }, { kind: 'llm' }).kind).toBe('llm');
  });

  it('names the environment variable that is wrong', () => {
    expect(configError(() => resolveAnswererConfig(botWith(undefined), { GOVCHAT_ANSWERER: 'gpt' })).message).toMatch(/GOVCHAT_ANSWERER must be extractive or llm, not "gpt"/);
    expect(configError(() => resolveAnswererConfig(botWith(undefined), { GOVCHAT_LLM_PROVIDER: 'azure' })).message).toMatch(/GOVCHAT_LLM_PROVIDER/);
    expect(configError(() => resolveAnswererConfig(botWith(undefined), { GOVCHAT_LLM_BASE_URL: 'localhost:8000' })).message).toMatch(/GOVCHAT_LLM_BASE_URL/);
    expect(configError(() => resolveAnswererConfig(botWith(undefined), { GOVCHAT_LLM_TIMEOUT_MS: 'soon' })).message).toMatch(/GOVCHAT_LLM_TIMEOUT_MS/);
    expect(configError(() => resolveAnswererConfig(botWith(undefined), { GOVCHAT_LLM_ALLOWED_DOMAINS: 'gov.hk,https://x' })).details).toEqual({ field: 'GOVCHAT_LLM_ALLOWED_DOMAINS' });
  });

  it('names the bot and the bot.json field that is wrong', () => {
    const typo = configError(() => resolveAnswererConfig(botWith({ modle: 'x' }), {}));
    expect(typo.message).toMatch(/bot "housing".*answerer.*modle/);
    const range = configError(() => resolveAnswererConfig(botWith({ temperature: 5 }), {}));
    expect(range.details).toEqual({ field: 'answerer.temperature' });
    expect(range.message).toContain('answerer.temperature');
  });

  it('refuses an API key written into bot.json, and a named key variable that is not set', () => {
    expect(configError(() => resolveAnswererConfig(botWith({ apiKey: 'sk-oops' }), {})).message).toMatch(/never put a key in bot\.json.*apiKeyEnv/);
    const missing = configError(() => resolveAnswererConfig(botWith({ type: 'llm', baseUrl: 'http://127.0.0.1:8000/v1', apiKeyEnv: 'HOUSING_LLM_KEY' }), {}));
    expect(missing.message).toContain('HOUSING_LLM_KEY');
  });

  it('requires a key for api.openai.com but not for a self-hosted server', () => {
    expect(configError(() => resolveAnswererConfig(botWith(undefined), { GOVCHAT_ANSWERER: 'llm' })).message).toMatch(/GOVCHAT_LLM_API_KEY/);
    expect(resolveAnswererConfig(botWith(undefined), { GOVCHAT_ANSWERER: 'llm', GOVCHAT_LLM_BASE_URL: 'http://127.0.0.1:8000/v1' }).apiKey).toBeUndefined();
  });

  it('describes a config for logs without the key', () => {
    const config = resolveAnswererConfig(botWith(undefined), { GOVCHAT_ANSWERER: 'llm', GOVCHAT_LLM_API_KEY: 'sk-very-secret' });
    const described = JSON.stringify(describeAnswererConfig(config));
    expect(described).not.toContain('sk-very-secret');
    expect(described).toContain('GOVCHAT_LLM_API_KEY');
  });
});

describe('createAnswerer / createConfiguredAnswerer', () => {
  let llm: FakeOpenAiServer;
  beforeAll(async () => {
    llm = await startFakeOpenAiServer(streamReply('Yes [faq:register-in-person].'));
  });
  afterAll(() => llm.close());
  beforeEach(() => {
    llm.requests.length = 0;
  });

  it('builds an LLM answerer that calls the configured endpoint with the configured model and key', async () => {
    const config = resolveAnswererConfig(botWith(undefined), { GOVCHAT_ANSWERER: 'llm', GOVCHAT_LLM_BASE_URL: llm.url, GOVCHAT_LLM_MODEL: 'qwen-gov', GOVCHAT_LLM_API_KEY: 'sk-test' });
    const events = await collectEvents(createAnswerer(config), answerContext());
    expect(finalOf(events)).toMatchObject({ answeredBy: 'llm', text: 'Yes.' });
    expect(llm.requests[0]?.body).toMatchObject({ model: 'qwen-gov', temperature: 0.2, max_tokens: 512 });
    expect(llm.requests[0]?.headers.authorization).toBe('Bearer sk-test');
  });

  it('answers each bot with its own bot.json settings', async () => {
    const answerer = createConfiguredAnswerer({ GOVCHAT_LLM_BASE_URL: llm.url, GOVCHAT_LLM_MODEL: 'shared-model' }, { kind: 'llm' });
    await collectEvents(answerer, answerContext({ bot: botWith({ model: 'housing-model' }, 'housing') }));
    await collectEvents(answerer, answerContext({ bot: botWith(undefined, 'labour') }));
    expect(llm.requests.map((r) => r.body.model)).toEqual(['housing-model', 'shared-model']);
  });
});

import { z } from 'zod';
import { answerEvents, type Answerer } from './answerer.js';
import { createChatModel, DEFAULT_BASE_URLS, LLM_PROVIDERS, type LlmProvider } from './chat-model-factory.js';
import type { BotConfig } from './corpus-schema.js';
import { createExtractiveAnswerer } from './extractive-answerer.js';
import { GovchatError } from './govchat-error.js';
import { createLlmAnswerer, type AnswererLogger } from './llm-answerer.js';

/** Which answerer a bot uses. */
export type AnswererKind = 'extractive' | 'llm';
export const ANSWERER_KINDS: readonly AnswererKind[] = ['extractive', 'llm'];

/** A bot's resolved answerer settings: bot.json's `answerer` block over the GOVCHAT_* environment. */
export interface AnswererConfig {
  readonly kind: AnswererKind;
  readonly provider: LlmProvider;
  readonly model: string;
  readonly baseUrl: string;
  /** The key itself, read from the environment (never from bot.json). Undefined for keyless servers. */
  readonly apiKey: string | undefined;
  /** The environment variable the key came from, for messages (e.g. 'GOVCHAT_LLM_API_KEY'). */
  readonly apiKeySource: string | undefined;
  readonly temperature: number;
  readonly maxTokens: number;
  readonly timeoutMs: number;
  readonly shortcutAbove: number;
  readonly maxFaqs: number;
  readonly historyTokens: number;
  readonly allowedDomains: readonly string[];
}

/** Values `resolveAnswererConfig` takes over both bot.json and the environment (e.g. `--answerer llm`). */
export interface AnswererOverrides {
  readonly kind?: AnswererKind;
}

/** Defaults used when neither bot.json nor the environment sets a value. */
export const ANSWERER_DEFAULTS = {
  kind: 'extractive',
  provider: 'openai',
  model: { openai: 'gpt-4o-mini', ollama: 'qwen2.5:7b' },
  temperature: 0.2,
  maxTokens: 512,
  timeoutMs: 20_000,
  // Calibrated confidence is ≥ 0.95 for nine in ten questions asked in an FAQ's own words: those are quoted.
  shortcutAbove: 0.97,
  maxFaqs: 4,
  historyTokens: 600,
} as const;

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i;

/** The `answerer` block of bot.json (docs/generative.md). Unknown keys are typos, and rejected. */
export const answererBlockSchema = z.strictObject({
  type: z.enum(['extractive', 'llm']).optional(),
  provider: z.enum(['openai', 'ollama']).optional(),
  model: z.string().trim().min(1).optional(),
  baseUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** The NAME of the environment variable holding the key. */
  apiKeyEnv: z.string().regex(ENV_NAME, 'must be an environment variable name such as "HOUSING_LLM_KEY"').optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.int().min(16).max(32_768).optional(),
  timeoutMs: z.int().min(500).max(600_000).optional(),
  shortcutAbove: z.number().min(0).max(1.01).optional(),
  maxFaqs: z.int().min(1).max(10).optional(),
  historyTokens: z.int().min(0).max(32_000).optional(),
  allowedDomains: z.array(z.string().regex(DOMAIN, 'must be a domain such as "gov.hk"')).max(50).optional(),
});
export type AnswererBlock = z.infer<typeof answererBlockSchema>;

/**
 * A bot's answerer settings. bot.json's `answerer` block wins over the environment, which sets the
 * default for every bot: GOVCHAT_ANSWERER (extractive | llm), GOVCHAT_LLM_PROVIDER (openai |
 * ollama), GOVCHAT_LLM_BASE_URL, GOVCHAT_LLM_MODEL, GOVCHAT_LLM_API_KEY, and optionally
 * GOVCHAT_LLM_TEMPERATURE, GOVCHAT_LLM_MAX_TOKENS, GOVCHAT_LLM_TIMEOUT_MS, GOVCHAT_LLM_SHORTCUT_ABOVE,
 * GOVCHAT_LLM_MAX_FAQS, GOVCHAT_LLM_HISTORY_TOKENS, GOVCHAT_LLM_ALLOWED_DOMAINS (comma-separated).
 * A bot's key comes from the variable its `apiKeyEnv` names, else GOVCHAT_LLM_API_KEY.
 *
 * @throws GovchatError CONFIG_INVALID naming the variable or bot.json field that is wrong.
 * @example
 * const config = resolveAnswererConfig(index.bot, process.env, { kind: 'llm' });
 * const answerer = createAnswerer(config, { logger });
 */
export function resolveAnswererConfig(bot: BotConfig, env: NodeJS.ProcessEnv, overrides: AnswererOverrides = {}): AnswererConfig {
  const block = parseBlock(bot);
  const fromEnv = readEnv(env);
  const kind = overrides.kind ?? block.type ?? fromEnv.kind ?? ANSWERER_DEFAULTS.kind;
  const provider = block.provider ?? fromEnv.provider ?? ANSWERER_DEFAULTS.provider;
  const baseUrl = (block.baseUrl ?? fromEnv.baseUrl ?? DEFAULT_BASE_URLS[provider]).replace(/\/+$/, '');
  const keyVariable = block.apiKeyEnv ?? 'GOVCHAT_LLM_API_KEY';
  const apiKey = nonEmpty(env[keyVariable]);
  if (kind === 'llm' && block.apiKeyEnv !== undefined && apiKey === undefined) {
    throw invalid(`${where(bot)} answerer.apiKeyEnv names ${keyVariable}, which is not set in the environment`, 'answerer.apiKeyEnv');
  }
  if (kind === 'llm' && provider === 'openai' && apiKey === undefined && new URL(baseUrl).hostname === 'api.openai.com') {
    throw invalid(`${where(bot)} uses api.openai.com but no API key is set: set GOVCHAT_LLM_API_KEY (or answerer.apiKeyEnv), or point GOVCHAT_LLM_BASE_URL at your own server`, 'GOVCHAT_LLM_API_KEY');
  }
  return {
    kind,
    provider,
    model: block.model ?? fromEnv.model ?? ANSWERER_DEFAULTS.model[provider],
    baseUrl,
    apiKey,
    apiKeySource: apiKey === undefined ? undefined : keyVariable,
    temperature: block.temperature ?? fromEnv.temperature ?? ANSWERER_DEFAULTS.temperature,
    maxTokens: block.maxTokens ?? fromEnv.maxTokens ?? ANSWERER_DEFAULTS.maxTokens,
    timeoutMs: block.timeoutMs ?? fromEnv.timeoutMs ?? ANSWERER_DEFAULTS.timeoutMs,
    shortcutAbove: block.shortcutAbove ?? fromEnv.shortcutAbove ?? ANSWERER_DEFAULTS.shortcutAbove,
    maxFaqs: block.maxFaqs ?? fromEnv.maxFaqs ?? ANSWERER_DEFAULTS.maxFaqs,
    historyTokens: block.historyTokens ?? fromEnv.historyTokens ?? ANSWERER_DEFAULTS.historyTokens,
    allowedDomains: [...(fromEnv.allowedDomains ?? []), ...(block.allowedDomains ?? [])],
  };
}

/**
 * The config as safe to log or show: the key replaced by where it came from.
 *
 * @example logger.info({ answerer: describeAnswererConfig(config) }, 'bot loaded');
 */
export function describeAnswererConfig(config: AnswererConfig): Record<string, unknown> {
  const { apiKey: _key, ...rest } = config;
  return { ...rest, apiKey: config.apiKeySource === undefined ? 'none' : `from ${config.apiKeySource}` };
}

/**
 * The answerer a config describes: extractive, or an LLM answerer on a LangChain chat model.
 *
 * @example
 * const engine = createBotEngine(index, { answerer: createAnswerer(resolveAnswererConfig(index.bot, process.env), { logger }) });
 */
export function createAnswerer(config: AnswererConfig, options: { logger?: AnswererLogger } = {}): Answerer {
  if (config.kind === 'extractive') return createExtractiveAnswerer();
  const model = createChatModel({
    provider: config.provider,
    model: config.model,
    baseUrl: config.baseUrl,
    ...(config.apiKey === undefined ? {} : { apiKey: config.apiKey }),
    temperature: config.temperature,
    maxTokens: config.maxTokens,
    timeoutMs: config.timeoutMs,
  });
  return createLlmAnswerer({
    model,
    modelName: `${config.provider}:${config.model}`,
    timeoutMs: config.timeoutMs,
    shortcutAbove: config.shortcutAbove,
    maxFaqs: config.maxFaqs,
    historyTokens: config.historyTokens,
    allowedDomains: config.allowedDomains,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
}

/**
 * One answerer for many bots, each answered with its own bot.json settings (resolved on first use
 * and kept): what `govchat eval --answerer llm` and `govchat ask --answerer llm` need.
 *
 * @example
 * const answerer = createConfiguredAnswerer(process.env, { kind: 'llm' });
 * evalConfigs({ answerer });
 */
export function createConfiguredAnswerer(
  env: NodeJS.ProcessEnv,
  overrides: AnswererOverrides = {},
  options: { logger?: AnswererLogger } = {},
): Answerer {
  const byBot = new Map<string, { bot: BotConfig; answerer: Answerer }>();
  const forBot = (bot: BotConfig): Answerer => {
    const known = byBot.get(bot.id);
    if (known !== undefined && known.bot === bot) return known.answerer;
    const answerer = createAnswerer(resolveAnswererConfig(bot, env, overrides), options);
    byBot.set(bot.id, { bot, answerer });
    return answerer;
  };
  const name = overrides.kind ?? nonEmpty(env.GOVCHAT_ANSWERER) ?? ANSWERER_DEFAULTS.kind;
  return {
    name,
    answer: (context) => forBot(context.bot).answer(context),
    events: (context) => answerEvents(forBot(context.bot), context),
  };
}

function parseBlock(bot: BotConfig): AnswererBlock {
  const raw = bot.answerer ?? {};
  if ('apiKey' in raw) {
    throw invalid(`${where(bot)} answerer.apiKey: never put a key in bot.json; set it in an environment variable and name that variable in "apiKeyEnv"`, 'answerer.apiKey');
  }
  const parsed = answererBlockSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = ['answerer', ...issue.path.map(String)].join('.');
  const message = issue.code === 'unrecognized_keys' ? `unknown key(s) ${issue.keys.join(', ')}` : issue.message;
  throw invalid(`${where(bot)} ${field}: ${message}`, field);
}

interface EnvSettings {
  kind?: AnswererKind;
  provider?: LlmProvider;
  baseUrl?: string;
  model?: string;
  temperature?: number;
  maxTokens?: number;
  timeoutMs?: number;
  shortcutAbove?: number;
  maxFaqs?: number;
  historyTokens?: number;
  allowedDomains?: string[];
}

function readEnv(env: NodeJS.ProcessEnv): EnvSettings {
  const settings: EnvSettings = {};
  const kind = nonEmpty(env.GOVCHAT_ANSWERER);
  if (kind !== undefined) settings.kind = oneOf('GOVCHAT_ANSWERER', kind, ANSWERER_KINDS);
  const provider = nonEmpty(env.GOVCHAT_LLM_PROVIDER);
  if (provider !== undefined) settings.provider = oneOf('GOVCHAT_LLM_PROVIDER', provider, LLM_PROVIDERS);
  const baseUrl = nonEmpty(env.GOVCHAT_LLM_BASE_URL);
  if (baseUrl !== undefined) {
    if (!/^https?:\/\//i.test(baseUrl) || !URL.canParse(baseUrl)) {
      throw invalid(`GOVCHAT_LLM_BASE_URL must be an http(s) URL such as http://127.0.0.1:8000/v1, not "${baseUrl}"`, 'GOVCHAT_LLM_BASE_URL');
    }
    settings.baseUrl = baseUrl;
  }
  const model = nonEmpty(env.GOVCHAT_LLM_MODEL);
  if (model !== undefined) settings.model = model;
  const numbers = [
    ['GOVCHAT_LLM_TEMPERATURE', 'temperature', 0, 2, false],
    ['GOVCHAT_LLM_MAX_TOKENS', 'maxTokens', 16, 32_768, true],
    ['GOVCHAT_LLM_TIMEOUT_MS', 'timeoutMs', 500, 600_000, true],
    ['GOVCHAT_LLM_SHORTCUT_ABOVE', 'shortcutAbove', 0, 1.01, false],
    ['GOVCHAT_LLM_MAX_FAQS', 'maxFaqs', 1, 10, true],
    ['GOVCHAT_LLM_HISTORY_TOKENS', 'historyTokens', 0, 32_000, true],
  ] as const;
  for (const [variable, key, min, max, integer] of numbers) {
    const text = nonEmpty(env[variable]);
    if (text === undefined) continue;
    const value = Number(text);
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      throw invalid(`${variable} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, not "${text}"`, variable);
    }
    settings[key] = value;
  }
  const domains = nonEmpty(env.GOVCHAT_LLM_ALLOWED_DOMAINS);
  if (domains !== undefined) {
    const list = domains.split(',').map((d) => d.trim().toLowerCase()).filter((d) => d !== '');
    const bad = list.find((d) => !DOMAIN.test(d));
    if (bad !== undefined) throw invalid(`GOVCHAT_LLM_ALLOWED_DOMAINS: "${bad}" is not a domain such as gov.hk`, 'GOVCHAT_LLM_ALLOWED_DOMAINS');
    settings.allowedDomains = list;
  }
  return settings;
}

function oneOf<T extends string>(variable: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw invalid(`${variable} must be ${allowed.join(' or ')}, not "${value}"`, variable);
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function where(bot: BotConfig): string {
  return `bot "${bot.id}" (bot.json)`;
}

/** `details.field` names the bot.json field or environment variable, for tools; the message names it for people. */
function invalid(message: string, field: string): GovchatError {
  return new GovchatError('CONFIG_INVALID', message, { details: { field } });
}

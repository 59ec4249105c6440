import { createRandom, mixSeed, samplePermutation } from './seeded-random.mjs';
import {
  ACTIONS,
  ANSWER_EXTRAS,
  CHANNELS,
  DEPARTMENTS,
  DOCUMENTS,
  INTENTS,
  OFFICES,
  PORTALS,
  QUALIFIERS,
  TOPICS,
} from './vocabulary.mjs';

/**
 * Deterministic bilingual FAQ corpora of any size up to ~190k entries, shaped like the bundled
 * ones: an English and a Traditional Chinese question and answer per entry, alternates on some,
 * a few entries in one language only. Every entry is one distinct (topic, action, question kind,
 * circumstance) combination, so a paraphrased query has exactly one right answer — and, at 100k,
 * thousands of near neighbours that differ in one of those, which is what makes it hard.
 *
 * A corpus of size n is the first n entries of one seeded order: the 1k corpus is part of the
 * 10k one, and entry `faq-000042` is the same text at every size.
 *
 * @example
 * const { corpus, plans } = makeSyntheticCorpus({ size: 10_000 });
 * await ingestCorpus(corpus, { dataDir });
 */

export const DEFAULT_SEED = 20261127;

/** Share of entries with alternate wordings, and of entries in one language only. */
const ALTERNATE_SHARE = 0.3;
const MONOLINGUAL_SHARE = 0.06;

/** Every (topic, action) pair; a combination adds a question kind and a circumstance. */
const PAIRS = TOPICS.flatMap((topic, t) => ACTIONS[topic.type].map((action, a) => ({ t, a, topic, action })));

/** How many distinct entries the vocabulary can make. */
export const MAX_ENTRIES = PAIRS.length * INTENTS.length * QUALIFIERS.length;

/**
 * @param {{ size: number, seed?: number, botId?: string }} options
 * @returns {{ corpus: { bot: object, entries: object[], source: { dir: string, faqFile: string } }, plans: EntryPlan[] }}
 */
export function makeSyntheticCorpus({ size, seed = DEFAULT_SEED, botId = `synthetic-${formatSize(size)}` }) {
  const order = samplePermutation(MAX_ENTRIES, size, seed);
  const entries = [];
  const plans = [];
  for (let i = 0; i < size; i++) {
    const plan = planEntry(order[i], i, seed);
    plans.push(plan);
    entries.push(writeEntry(plan));
  }
  return { corpus: { bot: syntheticBot(botId, size), entries, source: { dir: `(synthetic ${botId})`, faqFile: '(generated)' } }, plans };
}

/** "1k", "10k", "100k", or the number. */
export function formatSize(size) {
  return size % 1000 === 0 ? `${size / 1000}k` : String(size);
}

/**
 * What an entry is about, kept beside it so the query sets can paraphrase it.
 * @typedef {{ id: string, topic: object, action: object, intent: object, qualifier: object, langs: string[], seed: number }} EntryPlan
 */
function planEntry(combo, ordinal, seed) {
  const pairIndex = Math.floor(combo / (INTENTS.length * QUALIFIERS.length));
  const rest = combo % (INTENTS.length * QUALIFIERS.length);
  const { topic, action } = PAIRS[pairIndex];
  const entrySeed = mixSeed(seed, combo);
  const random = createRandom(entrySeed);
  const monolingual = random.chance(MONOLINGUAL_SHARE);
  const langs = monolingual ? [random.chance(0.5) ? 'en' : 'zh-HK'] : ['en', 'zh-HK'];
  return {
    id: `faq-${String(ordinal).padStart(6, '0')}`,
    topic,
    action,
    intent: INTENTS[Math.floor(rest / QUALIFIERS.length)],
    qualifier: QUALIFIERS[rest % QUALIFIERS.length],
    langs,
    seed: entrySeed,
  };
}

/** The formal question of a plan in one language, as the department writes it. */
export function formalQuestion(plan, lang) {
  const { topic, action, intent, qualifier } = plan;
  if (lang === 'en') return capitalise(fill(intent.en, { a: fill(action.en, { o: topic.en }), q: qualifier.en }));
  return fill(intent.zh, { a: fill(action.zh, { o: topic.zh }), q: qualifier.zh });
}

function writeEntry(plan) {
  const random = createRandom(plan.seed ^ 0x5bd1e995);
  const { topic, action, intent } = plan;
  const dept = DEPARTMENTS[topic.dept];
  const channel = random.pick(CHANNELS);
  const office = random.pick(OFFICES);
  const portal = random.pick(PORTALS);
  const [docA, docB] = twoOf(DOCUMENTS, random);
  const slots = {
    dept: dept.en,
    deptZh: dept.zh,
    phone: dept.phone,
    form: `${topic.dept.toUpperCase()} ${random.int(1, 999)}`,
    channel: channel.en,
    channelZh: channel.zh,
    office: office.en,
    officeZh: office.zh,
    portal: portal.en,
    portalZh: portal.zh,
    docA: docA.en,
    docAZh: docA.zh,
    docB: docB.en,
    docBZh: docB.zh,
    fee: String(random.int(2, 120) * 5),
    days: String(random.int(3, 30)),
    age: String(random.pick([11, 15, 18, 60, 65, 70])),
    weeks: String(random.int(2, 12)),
    open: String(random.int(8, 9)),
    close: String(random.int(5, 7)),
    surcharge: String(random.int(1, 40) * 10),
    closeTime: String(random.int(4, 6)),
    ref: `${topic.dept.toUpperCase()}-${random.int(10000, 99999)}`,
    a: '', // the action phrase, set per language below
  };
  const extras = twoOf(ANSWER_EXTRAS, random).slice(0, random.int(1, 2));
  const answer = (lang) => {
    slots.a = lang === 'en' ? fill(action.en, { o: topic.en }) : fill(action.zh, { o: topic.zh });
    const sentences = [intent.lead, ...extras].map((s) => fill(lang === 'en' ? s.en : s.zh, slots));
    return lang === 'en' ? capitalise(sentences.join(' ')) : sentences.join('');
  };

  const question = {};
  const answers = {};
  for (const lang of plan.langs) {
    question[lang] = formalQuestion(plan, lang);
    answers[lang] = answer(lang);
  }
  const entry = { id: plan.id, question, answer: answers, category: topic.category };
  if (random.chance(ALTERNATE_SHARE)) {
    // An alternate names the topic the way people do ("a HK passport", 護照), like the bundled corpora.
    const alternates = {};
    if (plan.langs.includes('en')) {
      alternates.en = [capitalise(fill(intent.en, { a: fill(action.en, { o: topic.enAlt }), q: plan.qualifier.en }))];
    }
    if (plan.langs.includes('zh-HK')) {
      alternates['zh-HK'] = [fill(intent.zh, { a: fill(action.zh, { o: topic.zhAlt }), q: plan.qualifier.zh })];
    }
    entry.alternates = alternates;
  }
  entry.updated = `2026-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  return entry;
}

function syntheticBot(id, size) {
  return {
    id,
    name: { en: `Synthetic public services (${formatSize(size)} FAQs)`, 'zh-HK': `合成公共服務問答（${formatSize(size)}）` },
    greeting: {
      en: 'Hi! Ask me about Hong Kong public services: documents, benefits, payments, bookings and complaints.',
      'zh-HK': '你好！歡迎查詢香港公共服務：證件、福利、繳費、預訂及投訴。',
    },
    contact: { phone: '1823', url: 'https://www.gov.hk' },
  };
}

/** Replaces `{name}` slots; an unknown slot is left as is, which a test would notice. */
export function fill(template, slots) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in slots ? slots[name] : whole));
}

export function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function twoOf(items, random) {
  const first = random.int(0, items.length - 1);
  const second = (first + random.int(1, items.length - 1)) % items.length;
  return [items[first], items[second]];
}

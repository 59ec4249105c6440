import { createRandom } from './seeded-random.mjs';
import { fill, formalQuestion } from './synthetic-corpus.mjs';

/**
 * Query sets with known answers for a synthetic corpus: each query paraphrases one entry the
 * way a citizen would ask — looser English (synonyms, a typo, no capitals), Cantonese, or
 * Simplified Chinese — while keeping what tells the entry apart from its neighbours (topic,
 * action, question kind, circumstance), so `expectedId` stays the one right answer.
 *
 * Languages: 40 % en, 40 % zh-HK, 20 % Simplified (zh-Hans); an entry written in one language
 * only is asked in that language.
 *
 * @example
 * const queries = makeQuerySet(plans, { count: 300, toSimplified });
 * // [{ text: 'what is the fee to extend a HK passport for my kid', lang: 'en', expectedId: 'faq-000917', kind: 'paraphrase' }, …]
 */
export function makeQuerySet(plans, { count, seed = 7, toSimplified }) {
  const random = createRandom(seed);
  const langCycle = ['en', 'zh-HK', 'zh-Hans', 'en', 'zh-HK'];
  const out = [];
  for (let i = 0; i < count; i++) {
    const plan = plans[random.int(0, plans.length - 1)];
    let lang = langCycle[i % langCycle.length];
    if (!plan.langs.includes(lang === 'en' ? 'en' : 'zh-HK')) lang = plan.langs[0];
    out.push({ ...paraphrase(plan, lang, random, toSimplified), lang, expectedId: plan.id });
  }
  return out;
}

function paraphrase(plan, lang, random, toSimplified) {
  const { topic, action, intent, qualifier } = plan;
  if (lang === 'en') {
    if (random.chance(0.5)) {
      const o = random.chance(0.5) ? topic.enAlt : topic.en;
      return { kind: 'paraphrase', text: fill(intent.enAlt, { a: fill(action.enAlt, { o }), q: qualifier.enAlt }) };
    }
    return { kind: 'typo', text: withTypo(formalQuestion(plan, 'en').toLowerCase(), random) };
  }
  if (lang === 'zh-HK') {
    const o = random.chance(0.7) ? topic.zhAlt : topic.zh;
    return { kind: 'cantonese', text: fill(intent.zhAlt, { a: fill(action.zhAlt, { o }), q: qualifier.zhAlt }) };
  }
  // Mainland users write standard Chinese in Simplified characters.
  const o = random.chance(0.5) ? topic.zhAlt : topic.zh;
  const traditional = fill(intent.zh, { a: fill(action.zh, { o }), q: qualifier.zh });
  return { kind: 'simplified', text: toSimplified(traditional) };
}

/** Swaps two adjacent letters inside one longer word: the commonest typing slip. */
function withTypo(text, random) {
  const words = text.split(' ');
  const candidates = words.map((w, i) => (/^[a-z]{6,}$/.test(w) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return text;
  const i = random.pick(candidates);
  const w = words[i];
  const at = random.int(1, w.length - 3);
  words[i] = w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
  return words.join(' ');
}

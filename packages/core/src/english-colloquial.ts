import { lookupForms } from './english-lemmas.js';

/**
 * Everyday English a citizen types → the words an official FAQ uses for the same thing: "my
 * boss fired me" is an FAQ about an *employer* *dismissing* an employee; "sign up" is *register*;
 * "grandma" is a *grandmother*. WordNet knows some of these, but its most frequent senses miss
 * the plain ones (it gives "boss" as a political leader first). Keys are lower-case words or
 * two-word phrases as written; values are one or more formal words (space-separated, expanded
 * each on its own). General language only — nothing here names a department's content.
 */
export const ENGLISH_COLLOQUIAL: Readonly<Record<string, string>> = {
  // Work
  boss: 'employer',
  bosses: 'employers',
  fired: 'dismissed dismissal',
  sacked: 'dismissed dismissal',
  axed: 'dismissed',
  'laid off': 'dismissed redundancy',
  layoff: 'redundancy dismissal',
  quit: 'resign resignation',
  quitting: 'resign resignation',
  paycheck: 'wages salary',
  paycheque: 'wages salary',
  payday: 'wages payment',
  jobless: 'unemployed',
  // Family
  kid: 'child',
  kids: 'children',
  son: 'child',
  daughter: 'child',
  mum: 'mother',
  mom: 'mother',
  mummy: 'mother',
  mommy: 'mother',
  dad: 'father',
  daddy: 'father',
  papa: 'father',
  grandma: 'grandmother grandparent',
  grandmas: 'grandmother grandparent',
  granny: 'grandmother grandparent',
  grandpa: 'grandfather grandparent',
  grandad: 'grandfather grandparent',
  granddad: 'grandfather grandparent',
  hubby: 'husband spouse',
  wifey: 'wife spouse',
  folks: 'parents family',
  oldies: 'elderly',
  seniors: 'elderly',
  senior: 'elderly',
  preggers: 'pregnant pregnancy',
  newborn: 'baby birth',
  'passed away': 'death died',
  // Devices and the web
  iphone: 'phone mobile',
  android: 'phone mobile',
  smartphone: 'phone mobile',
  cellphone: 'phone mobile',
  cell: 'phone mobile',
  mobile: 'phone',
  laptop: 'computer',
  pc: 'computer',
  site: 'website',
  webpage: 'website',
  'sign up': 'register registration',
  signup: 'register registration',
  enroll: 'enrol register',
  'sign in': 'log login',
  'log on': 'log login',
  grab: 'obtain download',
  'fill out': 'complete form',
  // Money and trade
  cash: 'money',
  bucks: 'dollars',
  sell: 'commercial',
  selling: 'commercial',
  business: 'commercial',
  // Health
  physio: 'physiotherapist',
  chiro: 'chiropractor',
  specs: 'spectacles glasses',
  optician: 'optometrist',
  checkup: 'check examination',
  // Documents and procedures
  'run out': 'expire expiry',
  'ran out': 'expire expiry',
  extend: 'renew extension',
  robbed: 'stolen',
  nicked: 'stolen',
  pickpocketed: 'stolen',
  broken: 'damaged',
  cracked: 'damaged',
  price: 'fee',
  charge: 'fee',
  internet: 'online',
  web: 'online',
  booking: 'appointment',
  married: 'marriage',
  marry: 'marriage',
  wedding: 'marriage',
  hurt: 'injured injury',
  injured: 'injury',
  complain: 'complaint',
  scam: 'fraud',
  cheat: 'fraud',
  ill: 'sick illness',
  // Places and travel
  abroad: 'overseas',
  flat: 'flat unit',
  apartment: 'flat unit',
  missing: 'lost',
  'how come': 'why',
  asap: 'urgent',
};

/**
 * The formal words for a colloquial word or two-word phrase, or [].
 * @example formalWords('boss') // ['employer']
 * @example formalWords('sign up') // ['register', 'registration']
 */
export function formalWords(wordOrPhrase: string): string[] {
  // "runs out" and "turned down" are the table's "run out" and "turn down".
  for (const form of lookupForms(wordOrPhrase)) {
    if (Object.prototype.hasOwnProperty.call(ENGLISH_COLLOQUIAL, form)) return ENGLISH_COLLOQUIAL[form]!.split(' ');
  }
  return [];
}

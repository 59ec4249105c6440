/**
 * Irregular English inflections and their base forms. Porter stemming joins "renewing" and
 * "renewal" but not "took" and "take", "lost" and "lose", "paid" and "pay", "children" and
 * "child": citizens tell stories in the past tense ("boss took $500 off my pay") while FAQs ask in
 * the present ("What deductions can my employer make…"). General English grammar only: the common
 * irregular verbs and nouns, nothing about any department.
 */
const IRREGULAR: ReadonlyMap<string, string> = new Map(
  (
    // verbs: past and past participle
    'arose:arise arisen:arise ate:eat eaten:eat awoke:awake awoken:awake bore:bear borne:bear beat:beat began:begin begun:begin ' +
    'bent:bend bit:bite bitten:bite bled:bleed blew:blow blown:blow broke:break broken:break bred:breed brought:bring ' +
    'built:build burnt:burn bought:buy caught:catch chose:choose chosen:choose came:come dealt:deal dug:dig did:do done:do ' +
    'drew:draw drawn:draw drank:drink drunk:drink drove:drive driven:drive fell:fall fallen:fall fed:feed felt:feel fought:fight ' +
    'found:find fled:flee flew:fly flown:fly forbade:forbid forbidden:forbid forgot:forget forgotten:forget forgave:forgive ' +
    'forgiven:forgive froze:freeze frozen:freeze got:get gotten:get gave:give given:give went:go gone:go grew:grow grown:grow ' +
    'hung:hang had:have heard:hear hid:hide hidden:hide held:hold kept:keep knew:know known:know laid:lay led:lead left:leave ' +
    'lent:lend lay:lie lain:lie lit:light lost:lose made:make meant:mean met:meet paid:pay proved:prove proven:prove ran:run ' +
    'rang:ring rung:ring rose:rise risen:rise rode:ride ridden:ride said:say saw:see seen:see sought:seek sold:sell sent:send ' +
    'shook:shake shaken:shake shot:shoot shown:show shrank:shrink shut:shut sang:sing sung:sing sank:sink sat:sit slept:sleep ' +
    'slid:slide spoke:speak spoken:speak spent:spend spun:spin split:split spread:spread stood:stand stole:steal stolen:steal ' +
    'stuck:stick stung:sting struck:strike swore:swear sworn:swear swept:sweep swam:swim swum:swim swung:swing took:take ' +
    'taken:take taught:teach tore:tear torn:tear told:tell thought:think threw:throw thrown:throw understood:understand ' +
    'undertook:undertake undertaken:undertake woke:wake woken:wake wore:wear worn:wear won:win withdrew:withdraw ' +
    'withdrawn:withdraw wrote:write written:write was:be were:be been:be ' +
    // nouns: irregular plurals
    'children:child men:man women:woman feet:foot teeth:tooth mice:mouse wives:wife lives:life knives:knife halves:half ' +
    'shelves:shelf thieves:thief selves:self elves:elf loaves:loaf criteria:criterion phenomena:phenomenon analyses:analysis ' +
    'crises:crisis theses:thesis diagnoses:diagnosis appendices:appendix indices:index grandchildren:grandchild ' +
    'stepchildren:stepchild businessmen:businessman policemen:policeman'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/**
 * The base form of an irregularly inflected English word, or undefined when it is regular (Porter
 * stemming then does the work).
 *
 * @example
 * irregularLemma('took')     // 'take'
 * irregularLemma('children') // 'child'
 * irregularLemma('renewed')  // undefined
 */
export function irregularLemma(word: string): string | undefined {
  const lemma = IRREGULAR.get(word);
  return lemma === word ? undefined : lemma;
}

/**
 * The forms to look a word or phrase up by in a lemma-keyed table, most exact first: as written,
 * then with its first word's base form ("turned down" → "turn down", "ran out" → "run out",
 * "signing up" → "sign up"). Several regular candidates are offered because the rules cannot
 * tell "signed" (sign) from "saved" (save); the table decides which exists.
 *
 * @example lookupForms('ran out')    // ['ran out', 'run out']
 * @example lookupForms('turns down') // ['turns down', 'turn down']
 */
export function lookupForms(wordOrPhrase: string): string[] {
  const space = wordOrPhrase.indexOf(' ');
  const head = space === -1 ? wordOrPhrase : wordOrPhrase.slice(0, space);
  const rest = space === -1 ? '' : wordOrPhrase.slice(space);
  const irregular = irregularLemma(head);
  return [wordOrPhrase, ...(irregular === undefined ? regularBaseForms(head) : [irregular]).map((lemma) => lemma + rest)];
}

function regularBaseForms(word: string): string[] {
  const out: string[] = [];
  if (word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.endsWith('s')) out.push(word.slice(0, -1));
  if (word.endsWith('ed')) out.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith('ing')) out.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  return out;
}

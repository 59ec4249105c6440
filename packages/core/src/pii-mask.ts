/**
 * Personal-data masking for citizen input.
 *
 * Nothing personal may reach logs, storage or an LLM prompt unmasked, so every
 * inbound message passes through {@link maskPersonalData} first. Detection runs
 * on a same-length "folded" shadow of the input (full-width forms → ASCII) so
 * that offsets found in the shadow are valid offsets into the original string,
 * and everything outside a match is copied through byte-identical.
 */

export type PiiKind = 'hkid' | 'phone' | 'email' | 'card';

export interface PiiMatch {
  readonly kind: PiiKind;
  /** UTF-16 offset of the first character of the match in the original text. */
  readonly start: number;
  /** UTF-16 offset one past the last character of the match in the original text. */
  readonly end: number;
}

export interface MaskResult {
  readonly text: string;
  readonly found: readonly PiiMatch[];
}

const PLACEHOLDER: Readonly<Record<PiiKind, string>> = {
  hkid: '[HKID]',
  phone: '[PHONE]',
  email: '[EMAIL]',
  card: '[CARD]',
};

// Every replacement here maps ONE UTF-16 unit to ONE UTF-16 unit, which is what
// keeps shadow offsets equal to original offsets. Full-width ASCII (U+FF01–FF5E)
// is what Chinese IMEs emit for digits, letters, brackets, "@" and "+".
const FOLDABLE = /[\uff01-\uff5e\u3000\u00a0\u2007\u202f\u2010-\u2015\u2212\ufe6b]/g;

function foldCharacter(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0xfe6b) return '@';
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) return '-';
  return ' ';
}

/** Same-length ASCII-folded copy of `text`; offsets are interchangeable with the original. */
function foldToAscii(text: string): string {
  return text.replace(FOLDABLE, foldCharacter);
}

const ASCII_ALNUM = /[A-Za-z0-9]/;
const ASCII_DIGIT = /[0-9]/;
// Characters that glue digit groups into one longer number (reference numbers,
// decimals, thousands separators). A space is handled separately because it
// also separates genuinely distinct numbers in a list.
const DIGIT_JOINER = /[-.,]/;

function isAsciiAlnumAt(text: string, index: number): boolean {
  const ch = text[index];
  return ch !== undefined && ASCII_ALNUM.test(ch);
}

function isDigitAt(text: string, index: number): boolean {
  const ch = text[index];
  return ch !== undefined && ASCII_DIGIT.test(ch);
}

/** True when the number at [start, end) is glued onto more digits by a joiner ("2023-9123 4567", "12.91234567"). */
function isJoinedToDigits(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  if (before !== undefined && DIGIT_JOINER.test(before) && isDigitAt(text, start - 2)) return true;
  if (after !== undefined && DIGIT_JOINER.test(after) && isDigitAt(text, end + 1)) return true;
  return false;
}

/** True when the number is separated by a single space from more digits ("5123 4567 8901 2345"). */
function isSpacedNextToDigits(text: string, start: number, end: number): boolean {
  return (text[start - 1] === ' ' && isDigitAt(text, start - 2)) || (text[end] === ' ' && isDigitAt(text, end + 1));
}

// ---------------------------------------------------------------------------
// HKID
// ---------------------------------------------------------------------------

// 1–2 letters, 6 digits, check digit 0-9/A, optionally bracketed, optional single spaces.
// A bare (unbracketed) check digit may not be preceded by a space: "A123456 3" is too
// likely to be a number followed by an unrelated digit.
const HKID_IN_TEXT = /([A-Z]{1,2}) ?(\d{6})(?: ?\( ?([0-9A]) ?\)|([0-9A]))/gi;
const HKID_WHOLE = /^([A-Z]{1,2}) ?(\d{6})(?: ?\( ?([0-9A]) ?\)|([0-9A]))$/i;

// The missing first letter of a single-letter HKID counts as a space, value 36.
const HKID_SPACE_VALUE = 36;

function hkidLetterValue(letter: string): number {
  return letter.toUpperCase().charCodeAt(0) - 55; // 'A' (65) → 10 … 'Z' (90) → 35
}

/** Expected check character ("0"–"9" or "A") for a prefix such as "A123456" or "AB987654". */
function computeHkidCheckDigit(letters: string, digits: string): string {
  const first = letters.length === 2 ? hkidLetterValue(letters[0] ?? '') : HKID_SPACE_VALUE;
  const second = hkidLetterValue(letters[letters.length - 1] ?? '');
  let sum = first * 9 + second * 8;
  for (let i = 0; i < 6; i++) sum += Number(digits[i]) * (7 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return 'A';
  if (check === 11) return '0';
  return String(check);
}

function isHkidCheckDigitCorrect(letters: string, digits: string, check: string): boolean {
  return computeHkidCheckDigit(letters, digits) === check.toUpperCase();
}

/**
 * Check-digit validation of a Hong Kong Identity Card number, e.g. "A123456(3)" or
 * "A1234563" or "AB987654(3)". Accepts upper or lower case, half- or full-width
 * characters and brackets, and single optional spaces between the parts.
 *
 * @example
 * isValidHkid('A123456(3)'); // true
 * isValidHkid('a123456（３）'); // true  (case-insensitive, full-width)
 * isValidHkid('A123456(4)'); // false (wrong check digit)
 */
export function isValidHkid(value: string): boolean {
  const match = HKID_WHOLE.exec(foldToAscii(value).trim());
  if (match === null) return false;
  const [, letters = '', digits = '', bracketed, bare] = match;
  return isHkidCheckDigitCorrect(letters, digits, bracketed ?? bare ?? '');
}

function acceptHkid(shadow: string, match: RegExpExecArray): boolean {
  const start = match.index;
  const end = start + match[0].length;
  // A third letter or a digit in front means this is part of a longer code ("XYZ1234567").
  if (isAsciiAlnumAt(shadow, start - 1)) return false;
  // A bare check digit must end the token; a closing bracket ends it by itself.
  const bare = match[4];
  if (bare !== undefined && isAsciiAlnumAt(shadow, end)) return false;
  const [, letters = '', digits = '', bracketed] = match;
  return isHkidCheckDigitCorrect(letters, digits, bracketed ?? bare ?? '');
}

// ---------------------------------------------------------------------------
// Payment cards
// ---------------------------------------------------------------------------

// Contiguous 13–19 digits, or the printed groupings with ONE consistent separator:
// 4-4-4-1..4(-1..3) (Visa/Mastercard/UnionPay, up to 19 digits) and 4-6-4/5 (Diners/Amex).
// Free-form separators are deliberately not allowed: two phone numbers in a row
// ("9123 4567 9876 5432") would otherwise become a 16-digit "card" one time in ten.
const CARD_IN_TEXT = /\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,4}(?:\1\d{1,3})?|\d{4}([ -])\d{6}\2\d{4,5}/g;
const CARD_SEPARATORS = /[ -]/g;
const ONLY_DIGITS = /^\d+$/;

/**
 * Luhn (mod 10) checksum used by payment card numbers. Spaces and hyphens are
 * ignored and full-width digits accepted; anything else, or fewer than two digits,
 * is not valid.
 *
 * @example
 * isLuhnValid('4111 1111 1111 1111'); // true
 * isLuhnValid('4111111111111112');    // false
 */
export function isLuhnValid(digits: string): boolean {
  const compact = foldToAscii(digits).replace(CARD_SEPARATORS, '');
  if (compact.length < 2 || !ONLY_DIGITS.test(compact)) return false;
  let sum = 0;
  let double = false;
  for (let i = compact.length - 1; i >= 0; i--) {
    let value = Number(compact[i]);
    if (double) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
    double = !double;
  }
  return sum % 10 === 0;
}

function acceptCard(shadow: string, match: RegExpExecArray): boolean {
  const start = match.index;
  const end = start + match[0].length;
  if (isAsciiAlnumAt(shadow, start - 1) || isAsciiAlnumAt(shadow, end)) return false;
  if (isJoinedToDigits(shadow, start, end) || isSpacedNextToDigits(shadow, start, end)) return false;
  return isLuhnValid(match[0]);
}

// ---------------------------------------------------------------------------
// Hong Kong phone numbers
// ---------------------------------------------------------------------------

// Optional +852 / 00852 / (852) / (+852) / 852 prefix, then 8 digits starting 2,3,5-9
// with at most one space or hyphen in the middle. 4-digit hotlines (1823, 999) can
// never match because eight digits are required.
const PHONE_IN_TEXT = /((?:(?:\+|00) ?852|\(\+?852\)|852)[ -]?)?([2-35-9]\d{3})([ -]?)(\d{4})/g;

/** "2023-2024", "2019 2020": a year range, not a landline. */
function isYearRange(first: string, second: string): boolean {
  const from = Number(first);
  const to = Number(second);
  return from >= 1950 && from <= 2099 && to > from && to - from <= 10;
}

function acceptPhone(shadow: string, match: RegExpExecArray): boolean {
  const start = match.index;
  const end = start + match[0].length;
  const [, prefix, head = '', separator = '', tail = ''] = match;
  if (isAsciiAlnumAt(shadow, start - 1) || isAsciiAlnumAt(shadow, end)) return false;
  // "HK$23456789" is an amount.
  if (shadow[start - 1] === '$') return false;
  if (isJoinedToDigits(shadow, start, end)) return false;
  if (prefix === undefined) {
    // "5123 4567 8901 2345" (a card that failed Luhn) or "Flat 1203 9123 4567": a spaced
    // 4+4 group next to more spaced digits is part of a longer number, not a phone.
    if (separator !== '' && isSpacedNextToDigits(shadow, start, end)) return false;
    if (separator !== '' && isYearRange(head, tail)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Email
// ---------------------------------------------------------------------------

// The lookbehind pins the match to the start of the local part, which keeps the scan
// linear. The domain separator also accepts the ideographic full stop "。", which a
// Chinese IME produces when the citizen types "." in Chinese mode.
const EMAIL_IN_TEXT =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:[.\u3002][A-Za-z0-9-]+)*[.\u3002][A-Za-z]{2,}(?![A-Za-z0-9-])/g;

// The regex already pins both ends of an email; nothing further to check.
const acceptEmail = (): boolean => true;

// ---------------------------------------------------------------------------
// Masking
// ---------------------------------------------------------------------------

interface Detector {
  readonly kind: PiiKind;
  readonly pattern: RegExp;
  readonly accept: (shadow: string, match: RegExpExecArray) => boolean;
}

// Order is priority: an email may contain digits that look like a phone, an HKID's
// digits must not be re-read as a phone, and a card's groups must not become phones.
const DETECTORS: readonly Detector[] = [
  { kind: 'email', pattern: EMAIL_IN_TEXT, accept: acceptEmail },
  { kind: 'hkid', pattern: HKID_IN_TEXT, accept: acceptHkid },
  { kind: 'card', pattern: CARD_IN_TEXT, accept: acceptCard },
  { kind: 'phone', pattern: PHONE_IN_TEXT, accept: acceptPhone },
];

function findPersonalData(shadow: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  // One flag per UTF-16 unit already claimed by a higher-priority match; keeps the
  // overlap check linear even for large inputs with many matches.
  const claimed = new Uint8Array(shadow.length);
  const isFree = (start: number, end: number): boolean => claimed.subarray(start, end).every((flag) => flag === 0);
  for (const { kind, pattern, accept } of DETECTORS) {
    // The regexes are shared module-level /g objects; this loop is synchronous, so
    // resetting lastIndex is enough to keep the function pure.
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(shadow)) !== null) {
      const start = match.index;
      const end = start + match[0].length;
      if (accept(shadow, match) && isFree(start, end)) {
        found.push({ kind, start, end });
        claimed.fill(1, start, end);
      } else {
        // Retry one character later: a rejected candidate may hide a valid shorter one.
        pattern.lastIndex = start + 1;
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Masks HKID numbers (with a valid check digit), Hong Kong phone numbers, emails and
 * payment card numbers (Luhn-valid). Full-width digits, letters and brackets are
 * recognised; all text outside a match is returned unchanged, and `found` holds the
 * offsets of each match in the ORIGINAL text, in order.
 *
 * Precision choice: an HKID-shaped string with a wrong check digit is left as is,
 * because department reference numbers share the shape (e.g. "E1234567") and masking
 * them would break the citizen's enquiry. The cost is that a mistyped HKID passes
 * through; the check digit catches every single-digit typo, so such a string is not
 * the citizen's real number. Likewise an 8-digit number glued to other digits by a
 * hyphen/dot/comma, written as "2023-2024", or a 13–19 digit number failing Luhn is
 * not masked.
 *
 * @example
 * maskPersonalData('我嘅身份證係A123456(3)，電話91234567');
 * // → { text: '我嘅身份證係[HKID]，電話[PHONE]',
 * //     found: [{ kind: 'hkid', start: 6, end: 16 }, { kind: 'phone', start: 19, end: 27 }] }
 */
export function maskPersonalData(text: string): MaskResult {
  const found = findPersonalData(foldToAscii(text));
  if (found.length === 0) return { text, found };
  let masked = '';
  let cursor = 0;
  for (const item of found) {
    masked += text.slice(cursor, item.start) + PLACEHOLDER[item.kind];
    cursor = item.end;
  }
  masked += text.slice(cursor);
  return { text: masked, found };
}

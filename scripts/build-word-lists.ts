/**
 * Writes shared/summarise/word-lists.json from compromise's English lexicon, so key phrases can use its word
 * classes without loading compromise's tagger (half a second of start-up) in the Lambda:
 * - demonyms (`Chinese`, `Americans`): nationality words, never key phrases on their own;
 * - uncountable nouns (`news`, `series`, `species`): never made singular;
 * - irregular plurals (`crises` -> `crisis`, `movies` -> `movie`, `men` -> `man`);
 * - adjectives (`public`, `former`): a phrase that ends on one is no noun phrase (`made the video public`).
 * Deterministic: the same compromise version gives the same file.
 *
 *   npm run build:word-lists
 */
import { writeFileSync } from 'node:fs';
import nlp from 'compromise/two';

const OUTPUT = new URL('../shared/summarise/word-lists.json', import.meta.url);
/** Nationality adjectives in -ish that compromise tags as plain adjectives. */
const EXTRA_DEMONYMS = [
  'british',
  'english',
  'irish',
  'spanish',
  'swedish',
  'danish',
  'polish',
  'finnish',
  'turkish',
  'kurdish',
  'flemish',
  'cornish',
];
/** Countries compromise files among the demonyms. */
const NOT_DEMONYMS = new Set(['laos', 'philippines']);
/** Already among the demonyms. */
const DEMONYM_ADJECTIVES = new Set(EXTRA_DEMONYMS);
/** Plurals whose singular reads wrongly as a key phrase head (`young people`, not `young person`). */
const KEEP_PLURAL = new Set(['people', 'clothes', 'barracks', 'deer']);

interface Model {
  one: { lexicon: { [word: string]: string | string[] } };
  two: { irregularPlurals: { [singular: string]: string }; uncountable: { [word: string]: boolean } };
}

function main(): void {
  const model = (nlp as unknown as { model: () => Model }).model();
  const withTag = (tag: string) =>
    Object.entries(model.one.lexicon)
      .filter(([, tags]) => [tags].flat().includes(tag))
      .map(([word]) => word);
  // compromise lists a demonym's plural by adding -s or -es to every one (`chineses`): keep the real ones.
  const demonyms = [
    ...withTag('Demonym').filter((word) => !/(?:ses|shes|ches|mans)$/.test(word) && !NOT_DEMONYMS.has(word)),
    ...EXTRA_DEMONYMS,
  ];
  const uncountable = [...withTag('Uncountable'), ...Object.keys(model.two.uncountable)];
  const irregularPlurals = Object.fromEntries(
    Object.entries(model.two.irregularPlurals)
      .filter(([singular, plural]) => singular !== plural && !KEEP_PLURAL.has(plural))
      .map(([singular, plural]) => [plural, singular]),
  );
  const lists = {
    source: 'compromise 14 lexicon (npm run build:word-lists)',
    demonyms: [...new Set(demonyms)].sort(),
    uncountable: [...new Set(uncountable)].filter((word) => !word.includes(' ')).sort(),
    irregularPlurals,
    adjectives: withTag('Adjective')
      .filter((word) => !word.includes(' ') && !DEMONYM_ADJECTIVES.has(word))
      .sort(),
  };
  writeFileSync(OUTPUT, `${JSON.stringify(lists, null, 2)}\n`);
  console.log(
    `wrote ${OUTPUT.pathname}: ${lists.demonyms.length} demonyms, ${lists.uncountable.length} uncountable nouns, ` +
      `${Object.keys(irregularPlurals).length} irregular plurals, ${lists.adjectives.length} adjectives`,
  );
}

main();

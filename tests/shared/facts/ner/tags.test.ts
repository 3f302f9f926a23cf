import { describe, expect, it } from 'vitest';
import { allowedEnd, allowedTransition, decodeTags, encodeTags, TAGS } from '#shared/facts/ner/tags.ts';
import { tokenizeSentences } from '#shared/facts/ner/tokenize.ts';
import { viterbi } from '#shared/facts/ner/viterbi.ts';

const tag = (name: string) => TAGS.indexOf(name);

describe('BILOU tags', () => {
  it('encodes spans as B-I-L and U tags and decodes them back to the same mentions', () => {
    // Arrange
    const text = 'Antony J. Blinken met Xi in Beijing.';
    const [sentence] = tokenizeSentences(text);
    if (!sentence) throw new Error('no sentence');
    const spans = [
      { type: 'PER' as const, start: 0, end: 17 },
      { type: 'PER' as const, start: 22, end: 24 },
      { type: 'LOC' as const, start: 28, end: 35 },
    ];
    // Act
    const tags = encodeTags(sentence, spans);
    const mentions = decodeTags(text, sentence, tags);
    // Assert
    expect([...tags].map((t) => TAGS[t])).toEqual([
      'B-PER',
      'I-PER',
      'L-PER',
      'O',
      'U-PER',
      'O',
      'U-LOC',
      'O',
    ]);
    expect(mentions).toEqual([
      { type: 'PER', start: 0, end: 17, text: 'Antony J. Blinken' },
      { type: 'PER', start: 22, end: 24, text: 'Xi' },
      { type: 'LOC', start: 28, end: 35, text: 'Beijing' },
    ]);
  });

  it.each([
    [undefined, 'B-PER', true],
    [undefined, 'I-PER', false],
    ['B-PER', 'I-PER', true],
    ['B-PER', 'L-PER', true],
    ['B-PER', 'L-ORG', false],
    ['B-PER', 'O', false],
    ['L-PER', 'B-ORG', true],
    ['U-LOC', 'I-LOC', false],
    ['O', 'U-MISC', true],
  ])('allows %s -> %s: %s', (from, to, expected) => {
    expect(allowedTransition(from === undefined ? undefined : tag(from), tag(to))).toBe(expected);
  });

  it('does not let a sentence end inside an entity', () => {
    expect(['O', 'L-PER', 'U-ORG', 'B-PER', 'I-LOC'].map((name) => allowedEnd(tag(name)))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('viterbi', () => {
  const n = TAGS.length;
  const allowed = Array.from({ length: (n + 1) * n }, (_, cell) =>
    allowedTransition(Math.floor(cell / n) < n ? Math.floor(cell / n) : undefined, cell % n),
  );
  const ends = TAGS.map((_, t) => allowedEnd(t));

  function emissionsFavouring(...names: string[]): Float64Array {
    const emissions = new Float64Array(names.length * n);
    names.forEach((name, t) => {
      emissions[t * n + tag(name)] = 1;
    });
    return emissions;
  }

  it('follows the emissions when they spell a valid path', () => {
    const emissions = emissionsFavouring('B-PER', 'L-PER', 'O');
    const path = viterbi(
      { tagCount: n, emissions, transitions: new Float64Array((n + 1) * n), allowed, allowedEnd: ends },
      3,
    );
    expect([...path].map((t) => TAGS[t])).toEqual(['B-PER', 'L-PER', 'O']);
  });

  it('returns a valid path when the best tag of each token alone is not one', () => {
    const emissions = emissionsFavouring('I-PER', 'L-ORG');
    const path = [
      ...viterbi(
        { tagCount: n, emissions, transitions: new Float64Array((n + 1) * n), allowed, allowedEnd: ends },
        2,
      ),
    ];
    expect(allowedTransition(undefined, path[0] ?? 0)).toBe(true);
    expect(allowedTransition(path[0], path[1] ?? 0)).toBe(true);
    expect(allowedEnd(path[1] ?? 0)).toBe(true);
  });

  it('lets transition scores outweigh a weak emission', () => {
    const emissions = emissionsFavouring('U-PER', 'U-PER');
    const transitions = new Float64Array((n + 1) * n);
    transitions[tag('U-PER') * n + tag('U-PER')] = -5;
    const path = viterbi({ tagCount: n, emissions, transitions, allowed, allowedEnd: ends }, 2);
    expect([...path].map((t) => TAGS[t])).not.toEqual(['U-PER', 'U-PER']);
  });

  it('returns an empty path for an empty sentence', () => {
    const path = viterbi(
      {
        tagCount: n,
        emissions: new Float64Array(0),
        transitions: new Float64Array((n + 1) * n),
        allowed,
        allowedEnd: ends,
      },
      0,
    );
    expect(path.length).toBe(0);
  });
});

describe('decodeTags', () => {
  it('leaves a trailing possessive out of a mention when the tags include it', () => {
    // Arrange
    const text = "Hillary's book";
    const [sentence] = tokenizeSentences(text);
    if (!sentence) throw new Error('no sentence');
    // Act
    const mentions = decodeTags(text, sentence, [tag('B-PER'), tag('L-PER'), tag('O')]);
    // Assert
    expect(mentions).toEqual([{ type: 'PER', start: 0, end: 7, text: 'Hillary' }]);
  });
});

describe('decodeTags with honorifics', () => {
  it.each([['Mr Yeaman said'], ['Mrs. Yeaman said'], ['Dr Yeaman said']])(
    'leaves the honorific out of the person when the tags include it (%s)',
    (text) => {
      const [sentence] = tokenizeSentences(text);
      if (!sentence) throw new Error('no sentence');
      const mentions = decodeTags(text, sentence, [tag('B-PER'), tag('L-PER'), tag('O')]);
      expect(mentions.map((mention) => mention.text)).toEqual(['Yeaman']);
    },
  );
});

describe('decodeTags on single tokens', () => {
  it.each([
    ['an organisation named like an honorific', 'Miss', 'U-ORG'],
    ['a person named like an honorific', 'Miss', 'U-PER'],
  ])('keeps the token when it is %s', (_, text, name) => {
    const [sentence] = tokenizeSentences(text);
    if (!sentence) throw new Error('no sentence');
    expect(decodeTags(text, sentence, [tag(name)]).map((mention) => mention.text)).toEqual([text]);
  });

  it('keeps the honorific of an organisation', () => {
    const text = 'Miss Universe';
    const [sentence] = tokenizeSentences(text);
    if (!sentence) throw new Error('no sentence');
    expect(decodeTags(text, sentence, [tag('B-ORG'), tag('L-ORG')]).map((mention) => mention.text)).toEqual([
      text,
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { documentFeatures, featureNames, normaliseToken, wordShape } from '#shared/facts/ner/features.ts';
import { buildGazetteer, matchGazetteer } from '#shared/facts/ner/gazetteer.ts';
import { tokenizeSentences } from '#shared/facts/ner/tokenize.ts';

const gazetteer = buildGazetteer({ city: ['Hong Kong', 'Vienna'], first: ['Bill'], common: ['despite'] });

function namesOf(text: string, sentence: number, token: number): string[] {
  const features = documentFeatures(tokenizeSentences(text), gazetteer);
  const found = features[sentence]?.[token];
  if (!found) throw new Error(`no token ${sentence}:${token}`);
  return featureNames(found);
}

describe('normaliseToken', () => {
  it.each([
    ['’s', "'s"],
    ['“', '"'],
    ['”', '"'],
    ['–', '--'],
    ['—', '--'],
    ['…', '...'],
    ['Blinken', 'Blinken'],
  ])('spells %s as CoNLL does (%s)', (input, expected) => {
    expect(normaliseToken(input)).toBe(expected);
  });
});

describe('wordShape', () => {
  it.each([
    ['Blinken', 'Xx'],
    ['CIA', 'X'],
    ['U.S.', 'X.X.'],
    ['1996-08-30', 'd-d-d'],
    ['McDonald', 'XxXx'],
    ['Zürich', 'Xx'],
    ['co-founder', 'x-x'],
  ])('gives %s the shape %s', (input, expected) => {
    expect(wordShape(input)).toBe(expected);
  });
});

describe('documentFeatures', () => {
  it('describes the word, its affixes and its window when the token is mid-sentence', () => {
    // Act
    const names = namesOf('He met Blinken in Vienna.', 0, 2);
    // Assert
    expect(names).toEqual(
      expect.arrayContaining([
        'b=',
        'w=blinken',
        'W=Blinken',
        'sh=Xx',
        'p3=bli',
        's3=ken',
        'w-1=met',
        'w+1=in',
        'w-2=he',
        'w+2=vienna',
        'w-1|0=met|blinken',
        'sh-1|0=x|Xx',
      ]),
    );
    expect(names).not.toContain('fs|sh=Xx');
  });

  it('marks the first word of a sentence and pads the window at its edges', () => {
    const names = namesOf('Blinken met Xi.', 0, 0);
    expect(names).toEqual(expect.arrayContaining(['fs|sh=Xx', 'w-1=<s>', 'w-2=<s>']));
  });

  it('replaces digits by zeros in the word', () => {
    expect(namesOf('On 1996-08-30 it rained.', 0, 1)).toContain('w=0000-00-00');
  });

  it('drops the cased word and marks the line when the sentence is in capitals', () => {
    const names = namesOf('CRICKET - LEICESTERSHIRE TAKE OVER', 0, 2);
    expect(names).toContain('cl|sh=X');
    expect(names.some((name) => name.startsWith('W='))).toBe(false);
  });

  it('marks gazetteer matches on the token and its neighbours when the phrase is capitalised', () => {
    const text = 'Bill Gates flew to Hong Kong today.';
    expect(namesOf(text, 0, 4)).toEqual(expect.arrayContaining(['g0=city-B', 'g+1=city-I']));
    expect(namesOf(text, 0, 5)).toEqual(expect.arrayContaining(['g0=city-I', 'g-1=city-B']));
    expect(namesOf(text, 0, 1)).toEqual(expect.arrayContaining(['g-1=first-B', 'g-1|sh0=first-B|Xx']));
  });

  it('marks a capitalised common word and the words the document also writes in lower case', () => {
    const names = namesOf('Despite the rain, Vienna stayed.\nRain and despite.', 0, 0);
    expect(names).toEqual(expect.arrayContaining(['lc|sh=Xx', 'dl|sh=Xx']));
  });

  it('marks a word the document writes capitalised mid-sentence', () => {
    const names = namesOf('BLINKEN ARRIVES\nYesterday Blinken arrived.', 0, 0);
    expect(names).toContain('dc|sh=X');
  });
});

/** The gazetteer marks of the first sentence of `text`, each token described as the tagger describes it. */
function gazetteerMarks(text: string) {
  const [sentence] = tokenizeSentences(text);
  if (!sentence) throw new Error('no sentence');
  return matchGazetteer(
    gazetteer,
    sentence.map((token) => ({
      lower: token.text.toLowerCase(),
      capitalised: /^\p{Lu}/u.test(token.text),
    })),
  );
}

describe('matchGazetteer', () => {
  it('ignores a phrase written in lower case', () => {
    const marks = gazetteerMarks('a bill in vienna');
    expect(marks.flat()).toEqual([]);
  });

  it('marks the longest capitalised phrase, its first token -B and the others -I', () => {
    const marks = gazetteerMarks('Rain in Hong Kong and hong Kong');
    expect(marks).toEqual([[], [], ['city-B'], ['city-I'], [], [], []]);
  });
});

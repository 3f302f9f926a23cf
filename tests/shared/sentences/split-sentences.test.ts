import { describe, expect, it } from 'vitest';
import { splitSentences, wordBefore } from '#shared/sentences/split-sentences.ts';

const texts = (input: string) => splitSentences(input).map((sentence) => sentence.text);

describe('splitSentences', () => {
  it.each([
    [
      'plain sentences',
      'The mayor spoke. The crowd cheered! Was it over? No.',
      ['The mayor spoke.', 'The crowd cheered!', 'Was it over?', 'No.'],
    ],
    [
      'titles before names',
      'Mr. Hale met Dr. Osei and Gen. Moore. They talked.',
      ['Mr. Hale met Dr. Osei and Gen. Moore.', 'They talked.'],
    ],
    [
      'a saint and a street title',
      'She moved to St. Albans last year. It rained.',
      ['She moved to St. Albans last year.', 'It rained.'],
    ],
    [
      'a country acronym inside a sentence',
      'The U.S. Navy said the U.K. team had left. Talks resume today.',
      ['The U.S. Navy said the U.K. team had left.', 'Talks resume today.'],
    ],
    [
      'a country acronym ending a sentence',
      'The team flew back to the U.S. The coach stayed.',
      ['The team flew back to the U.S.', 'The coach stayed.'],
    ],
    [
      'initials',
      'The book by J. K. Rowling sold well. Fans queued.',
      ['The book by J. K. Rowling sold well.', 'Fans queued.'],
    ],
    [
      'decimals and money',
      'Prices rose 3.5 per cent to $4.20 a pound. Sales fell.',
      ['Prices rose 3.5 per cent to $4.20 a pound.', 'Sales fell.'],
    ],
    [
      'a letter that ends a name, before a sentence starter',
      'The band released its new record, Harbour Lights Side B. Her first single comes out next week.',
      ['The band released its new record, Harbour Lights Side B.', 'Her first single comes out next week.'],
    ],
    [
      'a month before a day',
      'The vote is on Jan. 5 in the capital. Polls open at 7.',
      ['The vote is on Jan. 5 in the capital.', 'Polls open at 7.'],
    ],
    [
      'a number abbreviation',
      'He wore the No. 10 shirt. He scored.',
      ['He wore the No. 10 shirt.', 'He scored.'],
    ],
    [
      'e.g. and etc.',
      'Bring tools, e.g. a hammer, nails etc. and some glue. Then wait.',
      ['Bring tools, e.g. a hammer, nails etc. and some glue.', 'Then wait.'],
    ],
    ['an ellipsis inside a sentence', 'Well... we will see. Maybe.', ['Well... we will see.', 'Maybe.']],
    ['an ellipsis ending a sentence', 'He paused\u2026 Then he left.', ['He paused\u2026', 'Then he left.']],
    [
      'a quote that ends a sentence',
      '"We won the match." The fans sang.',
      ['"We won the match."', 'The fans sang.'],
    ],
    [
      'a quote followed by its speaker',
      '"We won the match," he said. "It was hard." She agreed.',
      ['"We won the match," he said.', '"It was hard."', 'She agreed.'],
    ],
    [
      'a quoted question followed by its speaker',
      '"Why now?" she asked. Nobody knew.',
      ['"Why now?" she asked.', 'Nobody knew.'],
    ],
    [
      'a quoted question whose speaker is named after it',
      '\u201cShall we take the back road?\u201d Marta Oyelaran asks as she drives. We agree.',
      ['\u201cShall we take the back road?\u201d Marta Oyelaran asks as she drives.', 'We agree.'],
    ],
    [
      'a quoted exclamation before a name and a verb that reports nothing',
      '\u201cWhat a day!\u201d Marta Oyelaran signed the deal at noon.',
      ['\u201cWhat a day!\u201d', 'Marta Oyelaran signed the deal at noon.'],
    ],
    [
      'curly single quotes',
      '\u2018I\u2019m delighted.\u2019 Smith signed a deal.',
      ['\u2018I\u2019m delighted.\u2019', 'Smith signed a deal.'],
    ],
    [
      'curly double quotes with the speaker after',
      '\u201cIt is over...\u201d he said. Nobody moved.',
      ['\u201cIt is over...\u201d he said.', 'Nobody moved.'],
    ],
    [
      'a headline without a full stop',
      'Storm hits coast\n\nThe storm arrived at dawn.',
      ['Storm hits coast', 'The storm arrived at dawn.'],
    ],
    [
      'a single line break after a title line',
      'Storm Hits Coast\nThe storm arrived at dawn.',
      ['Storm Hits Coast', 'The storm arrived at dawn.'],
    ],
    [
      'a wrapped line that runs on',
      'The storm arrived\nat dawn on Tuesday.',
      ['The storm arrived\nat dawn on Tuesday.'],
    ],
    [
      'bullet lists',
      'Key points:\n- Rates rise\n- Jobs grow\n\u2022 Prices fall',
      ['Key points:', 'Rates rise', 'Jobs grow', 'Prices fall'],
    ],
    ['a numbered list', '1. Open the box\n2. Remove the lid', ['Open the box', 'Remove the lid']],
    [
      'a flattened numbered list',
      'He loves pizza. 2. He hates rain. 3. He sleeps late.',
      ['He loves pizza.', 'He hates rain.', 'He sleeps late.'],
    ],
    [
      'Chinese text without spaces',
      '\u4ed6\u6628\u5929\u5230\u4e86\u5317\u4eac\u3002\u4f1a\u8c08\u5f88\u987a\u5229\uff01\u201c\u6211\u4eec\u5f88\u9ad8\u5174\u3002\u201d',
      [
        '\u4ed6\u6628\u5929\u5230\u4e86\u5317\u4eac\u3002',
        '\u4f1a\u8c08\u5f88\u987a\u5229\uff01',
        '\u201c\u6211\u4eec\u5f88\u9ad8\u5174\u3002\u201d',
      ],
    ],
    [
      'etc. ending a sentence',
      'They sell apples, pears etc. The shop opens at nine.',
      ['They sell apples, pears etc.', 'The shop opens at nine.'],
    ],
    [
      'sentences glued without a space',
      'He signed on Friday.The club confirmed it.',
      ['He signed on Friday.', 'The club confirmed it.'],
    ],
    [
      'a sentence ending at a year',
      'It opened in 2015. It closed later.',
      ['It opened in 2015.', 'It closed later.'],
    ],
    [
      'a time of day',
      'It starts at 5 p.m. Fans arrive early.',
      ['It starts at 5 p.m.', 'Fans arrive early.'],
    ],
    [
      'a name with a suffix',
      'Martin Luther King Jr. Day is a holiday. Banks close.',
      ['Martin Luther King Jr. Day is a holiday.', 'Banks close.'],
    ],
    ['no terminal punctuation at all', 'just some words', ['just some words']],
    ['only whitespace and punctuation', ' \n ... \n', []],
  ])('splits %s', (_name, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('returns spans whose slice of the input is exactly the sentence text', () => {
    const input =
      '  Mr. Hale said: \u201cNo.\u201d\n\n- Item one\nThe U.S. economy grew 2.1%. It was \u2026 fine.  ';

    const sentences = splitSentences(input);

    expect(sentences.length).toBeGreaterThan(2);
    for (const sentence of sentences) expect(input.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('returns sentences in text order without overlaps', () => {
    const input = 'One. Two! Three? Four\u2026 Five.';

    const sentences = splitSentences(input);

    for (const [index, sentence] of sentences.entries()) {
      expect(sentence.start).toBeGreaterThanOrEqual(sentences[index - 1]?.end ?? 0);
    }
  });

  it('returns an empty list when the text is empty', () => {
    expect(splitSentences('')).toEqual([]);
  });
});

describe('wordBefore', () => {
  /** The definition: the last run of what is not a space, an opening quote or bracket, in 48 characters. */
  const WORD_BEFORE = /[^\s"'\u201c\u2018([]*$/;
  const byPattern = (text: string, index: number) =>
    WORD_BEFORE.exec(text.slice(Math.max(0, index - 48), index))?.[0] ?? '';

  it('finds the word the pattern finds, on every code unit and on random strings', () => {
    for (let code = 0; code < 0x10000; code++) {
      const text = `ab${String.fromCharCode(code)}cd.`;
      expect(wordBefore(text, 4), code.toString(16)).toBe(byPattern(text, 4));
    }
    const alphabet = [
      'a',
      'B',
      '1',
      '.',
      ' ',
      '\u00a0',
      '\n',
      '"',
      "'",
      '\u201c',
      '\u2018',
      '\u201d',
      '(',
      '[',
      ')',
      '-',
    ];
    let seed = 3;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let sample = 0; sample < 3000; sample++) {
      const text = Array.from(
        { length: Math.floor(random() * 70) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      const index = Math.floor(random() * (text.length + 1));
      expect(wordBefore(text, index), JSON.stringify([text, index])).toBe(byPattern(text, index));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { groundFacts } from '#shared/facts/ground.ts';
import type { Facts } from '#shared/result.ts';

const TEXT = 'Blinken met Xi on Monday for three hours. “It went well,” Blinken said.';
const at = (part: string, from = 0) => {
  const start = TEXT.indexOf(part, from);
  return { start, end: start + part.length };
};

function factsWith(overrides: Partial<Facts>): Facts {
  return { entities: [], dates: [], numbers: [], quotes: [], ...overrides };
}

describe('groundFacts', () => {
  it('keeps facts whose spans read exactly as their text', () => {
    const facts = factsWith({
      entities: [{ type: 'person', name: 'Blinken', mentions: [at('Blinken'), at('Blinken', 10)], count: 2 }],
      dates: [{ ...at('Monday'), text: 'Monday', value: '2023-06-19', kind: 'relative' }],
      numbers: [{ ...at('three hours'), text: 'three hours', kind: 'duration', value: 3, unit: 'hour' }],
      quotes: [
        {
          ...at('It went well'),
          text: 'It went well',
          speaker: 'Blinken',
          speakerMention: at('Blinken', 50),
        },
      ],
    });

    expect(groundFacts(TEXT, facts)).toEqual(facts);
  });

  it.each([
    [
      'dates',
      { dates: [{ start: 0, end: 6, text: 'Monday', value: '2023-06-19', kind: 'relative' as const }] },
    ],
    [
      'numbers',
      { numbers: [{ ...at('three hours'), text: 'six hours', kind: 'duration' as const, value: 6 }] },
    ],
    ['numbers', { numbers: [{ start: 60, end: 999, text: 'x', kind: 'count' as const, value: 1 }] }],
    ['quotes', { quotes: [{ ...at('It went well'), text: 'It went badly' }] }],
    ['quotes', { quotes: [{ start: -3, end: 2, text: 'Bl' }] }],
  ])('drops a fact from %s whose span does not match the text', (key, overrides) => {
    const grounded = groundFacts(TEXT, factsWith(overrides));

    expect(grounded[key as keyof Facts]).toEqual([]);
  });

  it('drops entity mentions that do not read as the name or an alias, and entities left with none', () => {
    const facts = factsWith({
      entities: [
        {
          type: 'person',
          name: 'Antony Blinken',
          aliases: ['Blinken'],
          mentions: [at('Blinken'), at('Xi')],
          count: 2,
        },
        { type: 'place', name: 'Beijing', mentions: [at('Monday')], count: 1 },
      ],
    });

    const grounded = groundFacts(TEXT, facts);

    expect(grounded.entities).toEqual([
      { type: 'person', name: 'Antony Blinken', aliases: ['Blinken'], mentions: [at('Blinken')], count: 1 },
    ]);
  });

  it('keeps a quote but drops its speaker when the speaker mention is out of the text', () => {
    const facts = factsWith({
      quotes: [
        {
          ...at('It went well'),
          text: 'It went well',
          speaker: 'Blinken',
          speakerMention: { start: 500, end: 507 },
          verb: 'said',
        },
      ],
    });

    expect(groundFacts(TEXT, facts).quotes).toEqual([{ ...at('It went well'), text: 'It went well' }]);
  });
});

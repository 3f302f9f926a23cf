import { describe, expect, it } from 'vitest';
import type { NerType } from '#shared/facts/ner/tag-entities.ts';
import { captionClauseStart } from '#shared/facts/quotes/captions.ts';
import { attributionsWith } from './attributions.ts';

/** Sentences written for these tests: one-line texts whose photo captions run into the story with no full stop. */
const SURFACES: ReadonlyArray<readonly [NerType, string]> = [
  ['PER', 'Tom Harlow'],
  ['PER', 'Harlow'],
  ['PER', 'Dean Pryce'],
  ['PER', 'Pryce'],
  ['PER', 'Ollie Marsh'],
  ['PER', 'Marsh'],
  ['PER', 'Ben Cole'],
  ['PER', 'Ned Voss'],
  ['PER', 'Voss'],
  ['PER', 'Calder'],
  ['ORG', 'Manchester City'],
  ['ORG', 'City'],
];

const attributions = attributionsWith(SURFACES);

describe('he/she after photo captions run into the sentence before', () => {
  it('reads the clause after the last caption, not the caption that opens the run', () => {
    const text =
      'Manchester City manager Tom Harlow has warned Dean Pryce and Ollie Marsh about their conduct. ' +
      'Dean Pryce (right) was photographed at a nightclub with team-mate Ollie Marsh last month City boss Tom ' +
      'Harlow (left) has not fined Pryce (pictured) or Marsh for the episode Marsh trained with the first team on ' +
      'Tuesday before the derby Harlow, who has Ben Cole fit again, met Pryce and Marsh in his office and Harlow ' +
      'now wants to move on. He said: ‘Young players have to learn what comes with the job.’';

    expect(attributions(text)).toEqual([['Tom Harlow', 'He']]);
  });

  it('does not give the pronoun to a caption subject when the clause after it opens with no person', () => {
    const text =
      'Voss was a forward for the club for six years from 2001 until 2007 Former striker Ned Voss (centre) was ' +
      'asked to present the trophy but the league did not allow it Work commitments will keep Calder away from ' +
      'the final on Sunday when his side play. He told the paper: ‘I will watch it at home with my family.’';

    expect(attributions(text)).toEqual([['Calder', 'He']]);
  });

  it('reads past a caption that runs into a sentence opening with "But the …" and no full stop', () => {
    const text =
      'Dean Pryce (left) is a keen golfer and was seen on the course last week But the club captain Ollie Marsh has ' +
      'spoken to the squad about it. He said: ‘We all know the rules.’';

    expect(attributions(text)).toEqual([['Ollie Marsh', 'He']]);
  });

  it('keeps the opener of a sentence that only names a picture position', () => {
    const met =
      'Tom Harlow (left) met Dean Pryce and Ollie Marsh in his office on Wednesday. He said: ‘We have talked.’';
    const gave =
      'Tom Harlow (left) gave Pryce the armband and was pleased with him. He said: ‘He has earned it.’';

    expect(attributions(met)).toEqual([['Tom Harlow', 'He']]);
    expect(attributions(gave)).toEqual([['Tom Harlow', 'He']]);
  });
  it('reads past a caption with no picture marker when a capitalised "But" follows it with no stop', () => {
    const text =
      'Dean Pryce scored twice against the leaders on Saturday Pryce runs to the City fans after his second goal ' +
      "But after the win, Harlow wants his players to stay calm. 'Nothing has been won yet, ' he said.";

    expect(attributions(text)).toEqual([['Harlow', 'he']]);
  });

  it('keeps "And" inside a name as no sentence boundary', () => {
    const text =
      'Dean Pryce joined Harlow And Sons after the season Pryce was thanked by the staff. ' +
      "'I will miss them all, ' he said.";

    expect(attributions(text)).toEqual([['Dean Pryce', 'he']]);
  });
});

describe('captionClauseStart', () => {
  it('finds the clause after a caption with no stop, and nothing in a sentence without a caption', () => {
    const caption = 'Pryce (pictured) trained alone this week Marsh was rested';
    const plain = 'Harlow told Pryce that Marsh was rested';

    expect(caption.slice(captionClauseStart(caption, 0, caption.length))).toBe('Marsh was rested');
    expect(captionClauseStart(plain, 0, plain.length)).toBe(0);
  });

  it('ends a caption at a conjunction or function word that opens the next sentence with no stop', () => {
    const start = (text: string) => text.slice(captionClauseStart(text, 0, text.length));
    const and = 'Pryce (pictured with Marsh last week) is a keen golfer And the club has said nothing';
    const but = 'Pryce (left) is a keen golfer But his agent told reporters that';
    const itOpens = 'Pryce (left) is a keen golfer It was a quiet week';
    const they = 'Pryce (left) is a keen golfer They trained on Tuesday';

    expect(start(and)).toBe('And the club has said nothing');
    expect(start(but)).toBe('But his agent told reporters that');
    expect(start(itOpens)).toBe('It was a quiet week');
    expect(start(they)).toBe('They trained on Tuesday');
  });

  it('does not end a caption inside a name, nor at a lowercase function word before "And"', () => {
    const name = 'Pryce (left) joined Manchester United And the club has said nothing';
    const joined = 'Pryce (left) likes cats and And the club has said nothing';

    expect(captionClauseStart(name, 0, name.length)).toBe(0);
    expect(captionClauseStart(joined, 0, joined.length)).toBe(0);
  });

  it('does not end a caption at the name a past verb takes as its object, but does after a passive one', () => {
    const object = 'Pryce (left) watched Manchester United And Chelsea played out a draw';
    const passive =
      'Pryce (left) saw the game at home after it was abandoned Harlow said it was the right call';

    expect(captionClauseStart(object, 0, object.length)).toBe(0);
    expect(passive.slice(captionClauseStart(passive, 0, passive.length))).toBe(
      'Harlow said it was the right call',
    );
  });
});

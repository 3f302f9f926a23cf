import { describe, expect, it } from 'vitest';
import { dependsOnPrevious } from '#shared/summarise/openers.ts';

describe('dependsOnPrevious', () => {
  it.each([
    'He said the bridge would open in the spring.',
    'She was 88.',
    'It was the first time the council had met since May.',
    'They were taken to hospital.',
    'His family said he had been unwell for some time.',
    "That's because the river floods every winter.",
    'These figures show a sharp rise in knife crime.',
    'Those who stayed behind were rescued on Tuesday.',
    'Such a move would cost the club millions.',
    'But the council said the money had already been spent.',
    'And on Thursday the manager paid tribute to his players.',
    'However, the plan was dropped after the election.',
    'Meanwhile, shares in the company fell by 4 per cent.',
    'As a result, the match was postponed until next week.',
    'In addition, the airline will refund every passenger.',
    'The latter was arrested at the scene.',
    '\u2018He was a great man,\u2019 his widow said.',
    '"But we will not give up," the coach said.',
    'Both men were charged with assault.',
    'Another woman was injured in the attack.',
  ])('reads %j as leaning on the sentence before it', (sentence) => {
    expect(dependsOnPrevious(sentence)).toBe(true);
  });

  it.each([
    'The council approved the new bridge on Tuesday.',
    'This week the council approved the new bridge.',
    'That night, flames could be seen from miles away.',
    'There were 42 people on board the boat.',
    'Although the plan was popular, it was never funded.',
    'Police said the man had been arrested.',
    'Theresa May met the president on Friday.',
    'Thesaurus sales have risen for the first time in a decade.',
    'Italy is coping with a rising wave of migrants.',
    '',
  ])('reads %j as standing on its own', (sentence) => {
    expect(dependsOnPrevious(sentence)).toBe(false);
  });
});

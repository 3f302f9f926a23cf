import { describe, expect, it } from 'vitest';
import { findDates } from '#shared/facts/dates/find-dates.ts';

/** Thursday 26 October 1989: a report on the third quarter. */
const PUBLISHED = '1989-10-26';

const found = (text: string) =>
  findDates(text, { publishedAt: PUBLISHED }).map((date) => [date.text, date.value, date.granularity]);

describe('the present, past and future as a whole', () => {
  it.each([
    ['Prices are now falling.', 'now', 'PRESENT_REF'],
    ['Right now, prices are falling.', 'Right now', 'PRESENT_REF'],
    ['The group currently holds 45%.', 'currently', 'PRESENT_REF'],
    ['The current system works.', 'current', 'PRESENT_REF'],
    ['These days few people write letters.', 'These days', 'PRESENT_REF'],
    ['Shares recently fell.', 'recently', 'PAST_REF'],
    ['More recently, shares fell.', 'More recently', 'PAST_REF'],
    ['In the past, Russia objected.', 'the past', 'PAST_REF'],
    ['Rates have fallen in the last few months.', 'the last few months', 'PAST_REF'],
    ['Sales were weak over the past several quarters.', 'the past several quarters', 'PAST_REF'],
    ['They will meet in the near future.', 'in the near future', 'FUTURE_REF'],
    // the span holds the unit, as a TIMEX3's would
    ['Costs will fall in coming years.', 'coming years', 'FUTURE_REF'],
    ['Talks will resume in the coming weeks.', 'the coming weeks', 'FUTURE_REF'],
    ['Islam will one day be the second largest religion.', 'one day', 'FUTURE_REF'],
    ['She hopes she can someday return.', 'someday', 'FUTURE_REF'],
    ['We do not minimize the challenges of the near term.', 'the near term', 'FUTURE_REF'],
    ['It may placate some holders in the short term.', 'the short term', 'FUTURE_REF'],
    ['Prices at the then current rate.', 'then current', 'PAST_REF'],
    // the present as one end of a stretch of time
    ['A lot can change between now and then.', 'now', 'PRESENT_REF'],
    // a statement about the present, not a command: an -s form, a verb before its subject, a noun
    ['Now comes the hard part.', 'Now', 'PRESENT_REF'],
    ['Now come the lawsuits.', 'Now', 'PRESENT_REF'],
    ['Now access to clean water is rare.', 'Now', 'PRESENT_REF'],
    ['Now we add a new line every week.', 'Now', 'PRESENT_REF'],
    ['She is away on her current study leave.', 'current', 'PRESENT_REF'],
    // a sentence that opens after a caption with no full stop
    ['How she could have responded These days, nothing is private.', 'These days', 'PRESENT_REF'],
  ])('reads %j: %s -> %s', (text, expectedText, value) => {
    expect(found(text)).toContainEqual([expectedText, value, 'reference']);
  });

  it.each([
    ['The current account deficit grew.'],
    ['Over the past two years it grew.'],
    // how long something lasted, not when
    ['He has worked there for the past few years.'],
    ['Futures contracts rose.'],
    // a name, and a future that is someone's prospects
    ['Ed told Now magazine that he hoped so.'],
    ['The shop said Buy Now on every page.'],
    // how often, not when
    ['Every now and then the old ferry still runs.'],
    ['We ring our cousins now and again.'],
    // the next step of a recipe or an argument
    ['Fry the onions. Now add the garlic and stir.'],
    ['Stir well. Now, pour the sauce over the rice.'],
    ['Drain the beans. Now heat 2 spoons of oil.'],
    ['Play fair, boys. Now tell us this is fair.'],
    ['That was the second method. Now onto the third.'],
    // a title in a sentence
    ['The study appeared in the journal Current Biology last year.'],
    // the paper the reader is reading, as "this study"
    ['In the current study, volunteers read two poems.'],
    ['The current paper argues that rhyme helps memory.'],
    ["I think he's the future of the club."],
    ['He is bearish on the future of student loans.'],
  ])('reads no reference in %j', (text) => {
    expect(found(text).filter(([, , granularity]) => granularity === 'reference')).toEqual([]);
  });
});

describe('dates placed by the date mentioned before them', () => {
  it.each([
    [
      'Third-quarter profit rose 5% from a year earlier.',
      [
        ['Third-quarter', '1989-Q3', 'quarter'],
        ['a year earlier', '1988-Q3', 'quarter'],
      ],
    ],
    [
      'Net income in the third quarter rose to $5 million from $4 million in the year-ago quarter. Sales in the quarter rose.',
      [
        ['the third quarter', '1989-Q3', 'quarter'],
        ['the year-ago quarter', '1988-Q3', 'quarter'],
        ['the quarter', '1989-Q3', 'quarter'],
      ],
    ],
    [
      'Profit in the latest quarter rose, and the 1988 period was weak.',
      [
        ['the latest quarter', '1989-Q3', 'quarter'],
        ['the 1988 period', '1988-Q3', 'quarter'],
      ],
    ],
    // "the latest quarter" names the quarter on its own: a forecast for another quarter before it is out of focus
    [
      'It expects a fourth-quarter charge. Profit fell in the latest quarter, compared with a year ago.',
      [
        ['a fourth-quarter', '1989-Q4', 'quarter'],
        ['the latest quarter', '1989-Q3', 'quarter'],
        ['a year ago', '1988-Q3', 'quarter'],
      ],
    ],
    ['Wages rose 3% from a year earlier.', [['a year earlier', '1988', 'year']]],
    ['In the current quarter sales will rise.', [['the current quarter', '1989-Q4', 'quarter']]],
    [
      'The plant opened in 1985. Later that year it closed; the following year it reopened.',
      [
        ['1985', '1985', 'year'],
        ['Later that year', '1985', 'year'],
        ['the following year', '1986', 'year'],
      ],
    ],
    // a season after "that", and "the very next" day or year, from the date before them
    [
      'The orchard was planted in 1975. That summer a drought came; later that autumn it rained.',
      [
        ['1975', '1975', 'year'],
        ['That summer', '1975-SU', 'season'],
        ['later that autumn', '1975-FA', 'season'],
      ],
    ],
    [
      'The orchard was planted on April 2, 1975, and flooded the very next day.',
      [
        ['April 2, 1975', '1975-04-02', 'day'],
        ['the very next day', '1975-04-03', 'day'],
      ],
    ],
    // "that" as a conjunction is no season's
    ['The grower said in 1975 that summer is the worst time to plant.', [['1975', '1975', 'year']]],
    [
      'The firm was founded in 1970. Two years later it listed.',
      [
        ['1970', '1970', 'year'],
        ['Two years later', '1972', 'year'],
      ],
    ],
    ['Sales grew in the current year.', [['the current year', '1989', 'year']]],
    // "the year" before a price or an amount: the year in focus ("a high for the year of $42"), not "the year of"
    // something that names it
    [
      'The shares hit a high for the year of $42.875 in June.',
      [
        ['the year', '1989', 'year'],
        ['June', '1989-06', 'month'],
      ],
    ],
    ['Sales reached a record for the year of 12 million cars.', [['the year', '1989', 'year']]],
    ['They called it the year of the dragon.', []],
    [
      'They met on Oct. 3, 1989, and again the day after.',
      [
        ['Oct. 3, 1989', '1989-10-03', 'day'],
        ['the day after', '1989-10-04', 'day'],
      ],
    ],
    // a weekday before or after the story's day, not the article's
    [
      'The index closed on Friday, Oct. 27, 1989, down 4.5% from the previous Friday.',
      [
        ['Friday, Oct. 27, 1989', '1989-10-27', 'day'],
        ['the previous Friday', '1989-10-20', 'day'],
      ],
    ],
    [
      'He was arrested on Oct. 3, 1989, and charged the following Monday.',
      [
        ['Oct. 3, 1989', '1989-10-03', 'day'],
        ['the following Monday', '1989-10-09', 'day'],
      ],
    ],
    ['He was charged the following Monday.', [['the following Monday', undefined, undefined]]],
    [
      'He was arrested on Oct. 3, 1989, and appeared in court the next morning.',
      [
        ['Oct. 3, 1989', '1989-10-03', 'day'],
        ['the next morning', '1989-10-04', 'day'],
      ],
    ],
    // counted from a time on or before the article's date, "later" cannot pass that date in a clause that does not
    // look ahead: the story is there already (the second loss happened by the article's date), or it is a what-if
    [
      'The plane vanished in March. "I cannot believe that 10 months later another group has been lost," she said.',
      [
        ['March', '1989-03', 'month'],
        ['10 months later', undefined, undefined],
      ],
    ],
    [
      'The memo dates from 1986. Its fears chime with views held today, almost 30 years later.',
      [
        ['1986', '1986', 'year'],
        ['today', '1989-10-26', 'day'],
        ['30 years later', undefined, undefined],
      ],
    ],
    [
      'The users got the packs this week. Three months later, they said the packs had worked.',
      [
        ['this week', '1989-W43', 'week'],
        ['Three months later', undefined, undefined],
      ],
    ],
    // a clause that looks ahead, or a story whose time is already past the article's date, may go beyond it
    [
      'The plant opens today and will close a year later.',
      [
        ['today', '1989-10-26', 'day'],
        ['a year later', '1990', 'year'],
      ],
    ],
    [
      'The team plays Peru on Nov. 2 and Cuba three days later.',
      [
        ['Nov. 2', '1989-11-02', 'day'],
        ['three days later', '1989-11-05', 'day'],
      ],
    ],
    // "that same year", and "That year" opening a sentence: the year spoken of last
    [
      'In 1985 she sang in a film. That same year, she was cast in a play. That year was her best.',
      [
        ['1985', '1985', 'year'],
        ['That same year', '1985', 'year'],
        ['That year', '1985', 'year'],
      ],
    ],
    [
      'Police raided the embassy on April 11, 1989. That same day, a programmer was held.',
      [
        ['April 11, 1989', '1989-04-11', 'day'],
        ['That same day', '1989-04-11', 'day'],
      ],
    ],
    // a month or a day "of that year", "of the following year" is in the story's year; "of last year" the article's
    [
      'He broke with his party in 1985 by running in April of that year.',
      [
        ['1985', '1985', 'year'],
        ['April of that year', '1985-04', 'month'],
      ],
    ],
    [
      'The law passed in 1980 and took effect on March 1 of the following year.',
      [
        ['1980', '1980', 'year'],
        ['March 1 of the following year', '1981-03-01', 'day'],
      ],
    ],
    ['We started this journey on June 16th of last year.', [['June 16th of last year', '1988-06-16', 'day']]],
    ['It happened in April of that year.', [['April of that year', undefined, undefined]]],
    // "until then": the day or month spoken of last, in this sentence or the one before; else no date
    [
      'The rights end on Nov. 30. Until then, the notes can be swapped for shares.',
      [
        ['Nov. 30', '1989-11-30', 'day'],
        ['then', '1989-11-30', 'day'],
      ],
    ],
    ['In 1987 she said she would retire at 60. Until then, she works.', [['1987', '1987', 'year']]],
    ['Until then it is just the two of us.', []],
    [
      'The store opened in March. It has grown since. Staff had been scarce, and until then nobody came.',
      [['March', '1989-03', 'month']],
    ],
    // half of the unit, not "a year later" or "a year ago"
    ['Nixon spoke on Oct. 3, 1973. But half a year later he paid.', [['Oct. 3, 1973', '1973-10-03', 'day']]],
    ['He left half a year ago.', []],
    [
      'He was jailed in 1985. Five months later he escaped; three days later he was caught.',
      [
        ['1985', '1985', 'year'],
        ['Five months later', undefined, undefined],
        ['three days later', undefined, undefined],
      ],
    ],
    // "the same period" with no quarter or period before it is no earnings period
    [
      'The South seceded over the ensuing decades. During the same period, feminism rose.',
      [['the same period', undefined, undefined]],
    ],
    // "this period" with no quarter or period before it is a stretch of the story, not a quarter
    [
      'Her career slowed into the new decade, and her life had highs and lows during this period.',
      [['this period', undefined, undefined]],
    ],
    [
      'Third-quarter profit rose. Sales during this period fell.',
      [
        ['Third-quarter', '1989-Q3', 'quarter'],
        ['this period', '1989-Q3', 'quarter'],
      ],
    ],
    // "later" counts from the story's time: with no date before it, no value
    ['Almost 30 years later, the views still chime.', [['30 years later', undefined, undefined]]],
    [
      'They met on Oct. 3, 1989, and later in the day before returning home.',
      [['Oct. 3, 1989', '1989-10-03', 'day']],
    ],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('does not chain "a year earlier" on itself', () => {
    const text = 'Third-quarter profit rose from a year earlier, and sales rose from a year earlier.';

    expect(found(text).map(([, value]) => value)).toEqual(['1989-Q3', '1988-Q3', '1988-Q3']);
  });

  it.each([
    [
      'Third-quarter profit rose. For the nine months, net was $9 million, compared with $8 million a year earlier.',
      [
        ['Third-quarter', '1989-Q3', 'quarter'],
        ['a year earlier', '1988', 'year'],
      ],
    ],
    [
      'In the first nine months, net was $306 million, against a loss in the 1988 period. The year-ago results were hurt by a charge.',
      [
        ['the 1988 period', '1988', 'year'],
        ['year-ago', '1988', 'year'],
      ],
    ],
    [
      'For the first nine months of 1997, sales rose from the year-earlier period.',
      [
        ['1997', '1997', 'year'],
        ['the year-earlier period', '1996', 'year'],
      ],
    ],
    [
      'For the nine months, sales rose. Third-quarter profit rose from a year earlier.',
      [
        ['Third-quarter', '1989-Q3', 'quarter'],
        ['a year earlier', '1988-Q3', 'quarter'],
      ],
    ],
    // the next paragraph gives another unit's figures for the quarter spoken of before the period
    [
      'Third-quarter profit rose.\n\nIn the nine months, the parts unit earned more.\n\nAt the finance unit, net fell, compared with a year earlier.',
      [
        ['Third-quarter', '1989-Q3', 'quarter'],
        ['a year earlier', '1988-Q3', 'quarter'],
      ],
    ],
    // with no quarter spoken of, the half year stays in focus in later paragraphs
    [
      'Net for the six months ended Oct. 1 slipped.\n\nThere was a one-time gain in the 1988 period.',
      [
        ['Oct. 1', '1989-10-01', 'day'],
        ['the 1988 period', '1988', 'year'],
      ],
    ],
  ])(
    'reads "a year earlier" after a period longer than a quarter as its year before: %j',
    (text, expected) => {
      expect(found(text)).toEqual(expected);
    },
  );

  it('reads "the quarter ended Sept. 30" as the quarter that day ends, and no year in "the year ended March 31"', () => {
    const dates = found('For the year ended March 31 and the quarter ended Sept. 30, profit rose.');

    expect(dates).toEqual([
      ['March 31', '1989-03-31', 'day'],
      ['the quarter', '1989-Q3', 'quarter'],
      ['Sept. 30', '1989-09-30', 'day'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { findDates } from '#shared/facts/dates/find-dates.ts';

/** Monday 19 June 2023 (second quarter, summer). */
const PUBLISHED = '2023-06-19';

const found = (text: string, publishedAt = PUBLISHED) =>
  findDates(text, { publishedAt }).map((date) => [date.text, date.value]);

describe('dates placed by the publication date', () => {
  it.each([
    ['They met on Friday.', 'Friday', '2023-06-16'],
    // after "every" only the weekdays listed with it are any week's
    ['Guards check every gate, and they found the bag on Friday.', 'Friday', '2023-06-16'],
    ['They will meet on Friday.', 'Friday', '2023-06-23'],
    ['The team planned to leave on Thursday.', 'Thursday', '2023-06-22'],
    ['The vote is scheduled for Wednesday.', 'Wednesday', '2023-06-21'],
    ['Talks are due to resume Tuesday.', 'Tuesday', '2023-06-20'],
    ['They spoke last Monday.', 'last Monday', '2023-06-12'],
    ['They speak next Monday.', 'next Monday', '2023-06-26'],
    // a verb of a schedule in the simple present looks ahead
    ['The ministers meet separately Thursday with the envoy.', 'Thursday', '2023-06-22'],
    ['The session opens on Friday.', 'Friday', '2023-06-23'],
    // right after "ahead of", the nearest one: the coming Wednesday, the Friday just gone
    ["Markets were quiet ahead of Wednesday's holiday.", 'Wednesday', '2023-06-21'],
    ["Ahead of Friday's meeting, France and Germany unveiled a plan.", 'Friday', '2023-06-16'],
    // no tense cue: the day after the publication date is tomorrow, the other weekdays lie behind
    ['The ministers talked separately Tuesday with the envoy.', 'Tuesday', '2023-06-20'],
    ['The ministers talked separately Thursday with the envoy.', 'Thursday', '2023-06-15'],
    ['It was off to a bright start on Thursday.', 'Thursday', '2023-06-15'],
    ['The envoy headed Tuesday to East Africa.', 'Tuesday', '2023-06-20'],
    ['The envoy headed Wednesday to East Africa.', 'Wednesday', '2023-06-14'],
    ['He said on Tuesday that it was over.', 'Tuesday', '2023-06-13'],
    ['They met Sunday.', 'Sunday', '2023-06-18'],
    ['Shares fell late yesterday.', 'late yesterday', '2023-06-18'],
    ['Prices rose this month.', 'this month', '2023-06'],
    ['Prices will rise next month.', 'next month', '2023-07'],
    ['Prices rose early this year.', 'early this year', '2023'],
    ['The plan was dropped earlier this week.', 'earlier this week', '2023-W25'],
    ['It ends at the end of this week.', 'the end of this week', '2023-W25'],
    ['Profit rose this quarter.', 'this quarter', '2023-Q2'],
    ['Profit rose last quarter.', 'last quarter', '2023-Q1'],
    ['It happened a year ago.', 'a year ago', '2022'],
    ['It happened six weeks ago.', 'six weeks ago', '2023-W19'],
    ['It happened a week or so ago.', 'a week or so ago', '2023-W24'],
    ['It happened nearly four years ago.', 'nearly four years ago', '2019'],
    ['Twenty-two years ago, a profile hailed him.', 'Twenty-two years ago', '2001'],
    ['The law passed eighteen years ago.', 'eighteen years ago', '2005'],
    ['It opens two months from now.', 'two months from now', '2023-08'],
    ['The deal was signed last November.', 'last November', '2022-11'],
    ['The deal was signed last April.', 'last April', '2023-04'],
    // the month just gone would be "last month": "last May" written in June is a year before
    ['The deal was signed last May.', 'last May', '2022-05'],
    ['The deal was signed this past May.', 'this past May', '2023-05'],
    ['The deal will be signed next March.', 'next March', '2024-03'],
    ['Sales fell in January this year.', 'January this year', '2023-01'],
    ['The house will vote in early October this year.', 'early October this year', '2023-10'],
    ['Sales fell in mid-March last year.', 'mid-March last year', '2022-03'],
    ['Sales fell in July last year.', 'July last year', '2022-07'],
    ['The strike began in mid-April.', 'mid-April', '2023-04'],
    ['It ended in late November.', 'late November', '2022-11'],
    ['Elections will be held in November.', 'November', '2023-11'],
    ['The talks of March 12 failed.', 'March 12', '2023-03-12'],
    ['The meeting of Dec. 7 was cancelled.', 'Dec. 7', '2022-12-07'],
    ['The dividend is payable Dec. 7.', 'Dec. 7', '2023-12-07'],
    ['The summit opens on June 21.', 'June 21', '2023-06-21'],
    ['An editorial of Saturday, June 17 said so.', 'Saturday, June 17', '2023-06-17'],
    ['Third-quarter profit rose.', 'Third-quarter', '2023-Q3'],
    ['Profit rose in the first quarter.', 'the first quarter', '2023-Q1'],
    ["Next year's first quarter will be weak.", "Next year's first quarter", '2024-Q1'],
    ['The fiscal second quarter was weak.', 'The fiscal second quarter', '2023-Q2'],
    ['It happened last spring.', 'last spring', '2023-SP'],
    ['It happens this summer.', 'this summer', '2023-SU'],
    ['It happened last fall in Ohio.', 'last fall', '2022-FA'],
    ['It happened last winter.', 'last winter', '2022-WI'],
    ['They will meet in the autumn.', 'the autumn', '2023-FA'],
    ['They met on Thanksgiving Day.', 'Thanksgiving Day', '2022-11-24'],
    ['They will meet at Christmas.', 'Christmas', '2023-12-25'],
    ['Results came on Election Day.', 'Election Day', '2022-11-08'],
    ['They met at Easter.', 'Easter', '2023-04-09'],
    ['The deal will close by year-end.', 'by year-end', '2023'],
    // "since" year-end looks back to the end of the year before
    ['Since year-end, the index has risen 5%.', 'Since year-end', '2022-12-31'],
    ['The shares have doubled since the end of the year.', 'since the end of the year', '2022-12-31'],
    // the present tense puts the nth day of an event on the article's day
    ['Today is the eighth day of the airlift.', 'the eighth day', '2023-06-19'],
    ["It's the second day of an offensive by the army.", 'the second day', '2023-06-19'],
    // the weekend just gone, or the coming one
    ['Talks went on over the weekend.', 'the weekend', '2023-W24-WE'],
    ['Traders sold ahead of the weekend.', 'the weekend', '2023-W25-WE'],
    // in a clause about the future, the coming weekend
    ['The ferry service will resume over the weekend.', 'the weekend', '2023-W25-WE'],
    // in a clause about the future, a quarter two ahead is this year's; in the past, last year's
    ['The bakery expects sales to recover in the fourth quarter.', 'the fourth quarter', '2023-Q4'],
    ['Sales at the bakery slumped in the fourth quarter.', 'the fourth quarter', '2022-Q4'],
    // a month that opens its clause takes the tense of the verb after it
    ['In August the village fair drew large crowds.', 'August', '2022-08'],
    ['In July, the parish council approved the new car park.', 'July', '2022-07'],
    ['In July the parish council will vote on the car park.', 'July', '2023-07'],
    // an item of a list with no cue of its own takes the tense of the item before it
    [
      'The choir is touring next month, Lyon in July, then back across the Channel in August, a festival in Vienna in September, a few small churches along the Rhine in January.',
      'January',
      '2024-01',
    ],
    // "today's" and "tomorrow's" for an event of that day
    ["Today's vote will be close.", 'Today', '2023-06-19'],
    ["The offer ran in today's editions of the paper.", 'today', '2023-06-19'],
    ["Tomorrow's hearing was moved.", 'Tomorrow', '2023-06-20'],
    ['The fund closes as of today.', 'today', '2023-06-19'],
    ["It is a jump to the start of tomorrow's episode.", 'tomorrow', '2023-06-20'],
    ['The offer lapses at the end of today.', 'today', '2023-06-19'],
  ])('resolves %j: %s -> %s', (text, expectedText, value) => {
    expect(found(text)).toContainEqual([expectedText, value]);
  });

  it.each([
    ['In January, the fourth quarter is the year before.', '2024-01-10', 'the fourth quarter', '2023-Q4'],
    // in October, the first quarter to come is next year's; the quarter just ended and a fiscal one stay this year's
    [
      'The brewer expects to post a loss for the first quarter.',
      '2023-10-26',
      'the first quarter',
      '2024-Q1',
    ],
    [
      'The brewer expects to post a loss for the third quarter.',
      '2023-10-26',
      'the third quarter',
      '2023-Q3',
    ],
    [
      'The brewer expects to post a loss for the fiscal first quarter.',
      '2023-10-26',
      'the fiscal first quarter',
      '2023-Q1',
    ],
    ['In February, last winter began in December.', '2024-02-10', 'last winter', '2022-WI'],
    ['In February, this winter began in December.', '2024-02-10', 'this winter', '2023-WI'],
    // in January, "this" spring, summer or fall is the coming one of the calendar year, not last year's
    ['Her term runs through this fall.', '2020-01-07', 'this fall', '2020-FA'],
    ['The bridge opens this summer.', '2024-02-10', 'this summer', '2024-SU'],
    ['Planting starts this spring.', '2024-01-20', 'this spring', '2024-SP'],
    ['I had the chance to meet her this summer.', '2014-01-22', 'this summer', '2013-SU'],
    // a quarter or a half of the year named beside it: one period
    [
      'Net rose in the third quarter of last year.',
      '1989-10-26',
      'the third quarter of last year',
      '1988-Q3',
    ],
    [
      'Sales will grow in the first half of next year.',
      '1989-10-26',
      'the first half of next year',
      '1990-H1',
    ],
    ['The latter half of this year was slow.', '1989-10-26', 'The latter half of this year', '1989-H2'],
    [
      'It fell in the 4th quarter of last fiscal year.',
      '1989-10-26',
      'the 4th quarter of last fiscal year',
      '1988-Q4',
    ],
    // the future of a past ("would", "could not … until"): the occurrence nearest the article's date
    ['The board said the dividend would be paid in January.', '1989-10-26', 'January', '1990-01'],
    ['He said on Tuesday that he would leave on Friday.', '2023-06-21', 'Friday', '2023-06-23'],
    ['He said on Monday that he would meet her on Tuesday.', '2023-06-21', 'Tuesday', '2023-06-20'],
    ['In June the agency said it could not answer until September.', '2023-11-07', 'September', '2023-09'],
    // a month looks ahead from the saying: the month spoken of in sight, else the article's month (not the May just gone)
    ['The mayor said the pool would reopen in May.', '2023-06-19', 'May', '2024-05'],
    ['The mayor said Tuesday the pool would reopen in May.', '2023-06-19', 'May', '2024-05'],
    ['The mayor said the pool would reopen in June.', '2023-06-19', 'June', '2023-06'],
    ['They wrote in March. The office said it could not reply until May.', '2023-11-07', 'May', '2023-05'],
    ['In March, Mr. Lee said the road would stay shut until May.', '2023-11-07', 'May', '2023-05'],
    // a year in sight says too little of when the saying was: the nearest May, as before
    ['In 2021 the mayor said the pool would reopen in May.', '2023-06-19', 'May', '2023-05'],
    ['The bank said its effort would go on past the Nov. 1 deadline.', '1989-10-26', 'Nov. 1', '1989-11-01'],
    ['The group said it would on Monday tell the minister.', '1996-08-31', 'Monday', '1996-09-02'],
    ['The pool closed this summer.', '2023-10-02', 'this summer', '2023-SU'],
    // with no cue, a holiday a few weeks ahead is the coming one; one long past is the last one
    ['Pilgrims prayed as Easter week began.', '2000-04-17', 'Easter week', '2000-W16'],
    ['Shops fill up before Christmas.', '2023-12-01', 'Christmas', '2023-12-25'],
    ['Shops filled up at Christmas.', '2023-06-19', 'Christmas', '2022-12-25'],
    // a capitalised word that opens the sentence or is a preposition is no part of a name
    ['Before Christmas, shops fill up.', '2023-12-01', 'Christmas', '2023-12-25'],
    ['Last Christmas, they met.', '2023-06-19', 'Last Christmas', '2022-12-25'],
    ['"Christmas is near," the grocer said.', '2023-12-01', 'Christmas', '2023-12-25'],
    ['The boy was found in the Atlantic last Thanksgiving.', '2023-06-19', 'last Thanksgiving', '2022-11-24'],
    ["Where's Wally this Halloween?", '2023-10-02', 'this Halloween', '2023-10-31'],
  ])('%s', (text, publishedAt, expectedText, value) => {
    expect(found(text, publishedAt)).toContainEqual([expectedText, value]);
  });

  it.each([
    ['Shops opened on Black Friday.'],
    ['He told the Sunday Times about it.'],
    ['He wrote for the Mail on Sunday.'],
    ['It matters whether the holiday falls on a Tuesday.'],
    ['Do not land this on a Sunday night, without notice.'],
    ['The market opens every Friday and each Sunday.'],
    // a weekday of every other week, and the days listed after "every": a TIMEX3 SET, no one day
    ['The choir sings every other Sunday.'],
    ['The club meets every second Tuesday of the month.'],
    ['The library opens every Monday, Wednesday and Friday.'],
    ['Prune it at any time of the year.'],
    ['May I ask a question?'],
    ['She may visit.'],
    ['Prices had a fall in value.'],
    ['They spring into action.'],
    ['The quarter-century low held.'],
    // the nth day of an event at an unknown time
    ['They met on the third day of the talks.'],
    // the present or future age, not a day
    ["The case matters for today's youth."],
    ["It is harder in today's world."],
    ["The chip runs many of today's personal computers."],
    ['He would choose the people of tomorrow.'],
    // a capitalised season inside a sentence names something, and so do things named after a holiday
    ['She performed at the Winter Carnival of Magic in Tennessee.'],
    ['Hopes rose during the Arab Spring.'],
    ['Mexico retaliated against Christmas trees from Oregon.'],
    ['Children hunted for Easter eggs.'],
    // a name or title that goes on in capitals or with a hyphen; a holiday of any year
    ['They sailed to Easter Island.'],
    ["Crowds watched Macy's Thanksgiving Day Parade."],
    ['He played the Spirit of Christmas Past.'],
    ['They did Halloween-themed workouts.'],
    ['Use this method every Christmas.'],
    ['I went to volunteer at the Christmas Party For Jesus.'],
    // after a capitalised word inside the sentence: a title, or another calendar's holiday
    ['The other four were "Over the Rainbow", "White Christmas" and "Blue Suede Shoes".'],
    ['Believers in Moscow marked Orthodox Christmas with a midnight service.'],
    ['Families in Toronto gathered for Canadian Thanksgiving.'],
    // a capitalised "Today" inside a sentence is part of a name
    ['This is VOA Today.'],
    ['Today in History'],
    ['The story ran in USA Today and on The Today Show.'],
    ['In an interview with Trending Today USA, he spoke.'],
  ])('reads no date in %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it.each([
    ['The day before last Tuesday, he went to court.', 'The day before last Tuesday', '2023-06-12'],
    ['Shops will reopen the day after Christmas.', 'the day after Christmas', '2023-12-26'],
    ['They met the night before Thanksgiving.', 'the night before Thanksgiving', '2022-11-23'],
    ['They met the week before Easter.', 'the week before Easter', '2023-W13'],
  ])('counts "the day before" from the date written after it: %j', (text, expectedText, value) => {
    expect(found(text)).toEqual([[expectedText, value]]);
  });

  it('reads "Today" that opens a sentence or follows a quotation mark as the day', () => {
    expect(found('He left. Today he is back. “Today we won,” she said.')).toEqual([
      ['Today', '2023-06-19'],
      ['Today', '2023-06-19'],
    ]);
  });

  it.each([
    ['In the United States, the peak blooms are typically in the spring.', 'the spring'],
    ['The town sees the sun for 24 hours a day during summer.', 'summer'],
    ['It is plunged into darkness in the winter months.', 'the winter'],
    ['Families visit frequently, competing at soccer in the summer.', 'the summer'],
    ['Flowering is reputedly in spring.', 'spring'],
  ])('keeps a season spoken of in general without a value: %j', (text, expectedText) => {
    expect(found(text)).toEqual([[expectedText, undefined]]);
  });

  it.each([
    ['The company launched the review over the summer.', 'the summer', '2023-SU'],
    ['He usually travels, and he visited Rome last spring.', 'last spring', '2023-SP'],
  ])('places a season of one year: %j', (text, expectedText, value) => {
    expect(found(text)).toEqual([[expectedText, value]]);
  });

  it.each([
    ['Izetbegovic met him during a Friday visit.', 'Friday', '2023-06-16'],
    ['Trump said during a Friday evening rally that he would win.', 'Friday', '2023-06-16'],
  ])('places "a Friday" that describes a noun as that day: %j', (text, expectedText, value) => {
    expect(found(text)).toEqual([[expectedText, value]]);
  });

  it('places "Good Friday" as the holiday, not as the Friday before the article', () => {
    expect(found('They met on Good Friday.')).toEqual([['Good Friday', '2023-04-07']]);
  });
});

import { describe, expect, it } from 'vitest';
import { tenseAt } from '#shared/facts/dates/tense.ts';

const tenseOf = (text: string, date: string) => {
  const start = text.indexOf(date);
  return tenseAt(text, start, start + date.length);
};

describe('tenseAt', () => {
  it.each([
    ['He will meet them on Friday.', 'Friday', 'future'],
    ["They'll meet on Friday.", 'Friday', 'future'],
    ['The team planned to leave on Thursday.', 'Thursday', 'future'],
    ['The vote is scheduled for Wednesday.', 'Wednesday', 'future'],
    ['The dividend is payable Dec. 7.', 'Dec. 7', 'future'],
    ['On Friday, they will vote.', 'Friday', 'future'],
    ['He said on Friday that it was over.', 'Friday', 'past'],
    ['It was expected to close on Friday.', 'Friday', 'future'],
    ['Officials said they expected it to close on Friday.', 'Friday', 'future'],
    ['They met on Friday.', 'Friday', 'unknown'],
    ['He will go. They met on Friday.', 'Friday', 'unknown'],
    // a date that opens its clause takes the tense of the clause's verb after it
    ['Preston, Victoria On Saturday, Wikinews interviewed Tina McKenzie.', 'Saturday', 'past'],
    ['On Tuesday night, the Senate passed the bill.', 'Tuesday', 'past'],
    ['However, on March 6 the minister wrote to her.', 'March 6', 'past'],
    ['But in May the board voted to close it.', 'May', 'past'],
    ['However, on Friday the board will vote.', 'Friday', 'future'],
    ['On Monday, the newly elected president takes office.', 'Monday', 'unknown'],
    ['On Friday, officials are expected to decide.', 'Friday', 'unknown'],
    ['On Friday, officials will decide.', 'Friday', 'future'],
    ['On Wednesday, Mohamed and his father are to travel.', 'Wednesday', 'unknown'],
    // a "will" in a relative clause after the date is not the clause's own
    ['Voters approved an amendment on Tuesday that will grant billions.', 'Tuesday', 'unknown'],
    ['Voters on Tuesday will decide.', 'Tuesday', 'future'],
    // the full stop of an abbreviation ends no clause
    ['They were given until 9 a.m. Tuesday to reply.', 'Tuesday', 'future'],
    ['Mr. Schwarz will succeed Daniel P. Davison Feb. 1.', 'Feb. 1', 'future'],
    ['He will leave at 4 a.m. EDT Thursday.', 'Thursday', 'future'],
    ['Dr. Smith met them on Friday.', 'Friday', 'unknown'],
    // "until" after a state in the past looks back; after a deadline given or moved, a modal or "to", ahead
    ['Michael Gove, who was education secretary until the summer, is said to object.', 'the summer', 'past'],
    ['He said it could not answer anything until September.', 'September', 'near'],
    ['She said the shop would stay open until Friday.', 'Friday', 'near'],
    ['The trial was postponed until March.', 'March', 'future'],
    ['They agreed to defer the decision until December.', 'December', 'future'],
    ['The search has been called off until tomorrow.', 'tomorrow', 'future'],
    ['Workers must wait until July.', 'July', 'future'],
    ['He remained chairman until June, when he retired.', 'June', 'past'],
    // an "Until" that opens the sentence takes the tense of the main clause after it
    ['Until that day in April, the nurse had never left her village.', 'April', 'past'],
    ['Until that week in May, Ms. Reyes, 44, was a teacher.', 'May', 'past'],
    ['Until March, the museum will stay shut.', 'March', 'future'],
    ['Until June, the council said, the road will be closed.', 'June', 'future'],
    ['He was chairman until June, when he retired.', 'June', 'past'],
    // a plan for a date looks ahead even in the past tense
    ['The official said the accession was planned for early March.', 'early March', 'future'],
    ['The vote was set for Thursday.', 'Thursday', 'future'],
    // ... unless the clause goes on in the past: the plan was for a date already gone
    ['His plans to travel to China in February were delayed.', 'February', 'past'],
    ['The talks planned for March had been called off.', 'March', 'past'],
    ['He plans to travel in February, which was a surprise.', 'February', 'future'],
    ['He will travel in February, as was agreed.', 'February', 'future'],
    ['Officials expected to meet on Friday were told to stay home.', 'Friday', 'past'],
    // the present progressive of an arrangement looks ahead, even after "said"
    ['The company said it is calling for the redemption on Dec. 7.', 'Dec. 7', 'future'],
    ["They're meeting on Friday.", 'Friday', 'future'],
    ['The rebels are quickly moving toward the capital on Friday.', 'Friday', 'future'],
    // ... but not for an event named by its day
    ["He is raising questions about his problems during Monday's debate.", 'Monday', 'unknown'],
    // planning or preparing for an event looks ahead; "ahead of" alone says nothing of the clause's tense
    ['They can take part in planning for the summit in April.', 'April', 'future'],
    ['Both sides are preparing for talks on Monday.', 'Monday', 'future'],
    ['Just ahead of the trip, the ministry on Sunday issued a warning.', 'Sunday', 'unknown'],
    // right after "ahead of" or "before", the occurrence nearest the article's date, whatever the clause's tense
    ["Activity was lower as players wound down ahead of Monday's holiday.", 'Monday', 'near'],
    ["Ahead of Friday's meeting, France and Germany unveiled a plan.", 'Friday', 'near'],
    ['He must decide before Friday.', 'Friday', 'near'],
    ['The signing of the agreement is scheduled on Monday in Manila.', 'Monday', 'future'],
    ['Protesters kept going until nearly 2 a.m. Friday.', '2 a.m. Friday', 'past'],
    [
      "Cooper, McCrory's opponent in the upcoming election, called Friday for the videos.",
      'Friday',
      'unknown',
    ],
    ['Voters in the upcoming election on Friday will choose.', 'Friday', 'future'],
    // an arrangement or a condition with "to": "is to take over", "if she were to win"
    ["Mr. Ban's successor is to take over on Jan. 1.", 'Jan. 1', 'future'],
    ['He said that if his candidate were to win in November, she would sign it.', 'November', 'future'],
    // the simple past of an irregular verb; "to be" after a verb of belief or of the past is no arrangement
    ['The flight went missing on March 8.', 'March 8', 'past'],
    ['The rebels began the offensive on Friday.', 'Friday', 'past'],
    ['The summit will be held on Friday.', 'Friday', 'future'],
    ['The ship, thought to be unsinkable, struck an iceberg on April 14.', 'April 14', 'unknown'],
    ['She wrote that it had to be tonight, Dec. 30.', 'Dec. 30', 'past'],
    ['The meeting is to be held on Friday.', 'Friday', 'future'],
    // a noun in "-ing" is no verb
    ['There is nothing in the paper on Friday.', 'Friday', 'unknown'],
    ['It is spring in March.', 'March', 'unknown'],
    // "would" after a past verb is the future of that past, up to a comma or a clause of its own: after the
    // saying, which is near the article's date ('near')
    ['The board said the dividend would be paid in January.', 'January', 'near'],
    ['He said Tuesday he would leave on Friday.', 'Friday', 'near'],
    ["Officials said the plant wouldn't reopen until Monday.", 'Monday', 'near'],
    ['The plant will stay shut until Monday.', 'Monday', 'future'],
    ['She said she would not travel before March.', 'March', 'near'],
    ['They said they would appeal the ruling, announced Monday by the court.', 'Monday', 'past'],
    ['She said she would send aid to the towns where the Aug. 7 floods struck.', 'Aug. 7', 'past'],
    ["They said they would look for ways around Monday's ruling.", 'Monday', 'past'],
    // a regular verb in the past right before the date's preposition; not a passive to come, a plan or a perfect
    ['The strike ended in July.', 'July', 'past'],
    ['The deal, announced in July, closed last week.', 'July', 'past'],
    ['The plant reopened in mid-August.', 'mid-August', 'past'],
    ['The closing is expected in August.', 'August', 'unknown'],
    ['The bank ends its purchases as planned in October.', 'October', 'unknown'],
    ['They are to be married in July.', 'July', 'future'],
    ['Here are the events to have occurred on September 7.', 'September 7', 'unknown'],
    ['The minister headed Tuesday to Nairobi.', 'Tuesday', 'unknown'],
    // a verb of a schedule in the simple present looks ahead; its base form after a modal or "to" does not alone
    ['He and Arafat meet separately Monday with Albright.', 'Monday', 'future'],
    ['Congress reconvenes in January.', 'January', 'future'],
    ['The pass will begin on August 28 and ends on December 4.', 'December 4', 'future'],
    ['He said he would meet them Friday.', 'Friday', 'near'],
    ['He said he would meet Friday.', 'Friday', 'near'],
    ['The meet Monday was slow.', 'Monday', 'unknown'],
    // a noun, not a verb of a schedule
    ['The festival was off to a bright start on Saturday.', 'Saturday', 'past'],
    // not a past conditional, not a habit
    ['He said he would have resigned on Friday.', 'Friday', 'past'],
    ['He would often visit on Sunday.', 'Sunday', 'unknown'],
  ])('%j (%s): %s', (text, date, tense) => {
    expect(tenseOf(text, date)).toBe(tense);
  });
});

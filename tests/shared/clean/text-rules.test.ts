import { describe, expect, it } from 'vitest';
import { cleanDocument } from '#shared/clean/clean-document.ts';

const BODY =
  'The council approved the new budget on Tuesday after a long debate about the cost of repairing the harbour wall.';
const MORE = 'Officials said the work would begin in the spring and take about eighteen months to complete.';

const TITLE = 'Harbour repairs approved';

/** Cleans a plain-text article made of a title line and the given paragraphs around two ordinary ones. */
function clean(...paragraphs: string[]) {
  const text = [TITLE, BODY, ...paragraphs, MORE].join('\n\n');
  return cleanDocument({ bytes: new TextEncoder().encode(text), fileName: 'article.txt' });
}

function rulesOf(document: ReturnType<typeof clean>): string[] {
  return document.removed.map((removal) => removal.rule);
}

describe('text rules', () => {
  it.each([
    ['ad-shortcode', '[ad_1]'],
    ['ad-shortcode', '[advertisement]'],
    ['advertisement', 'ADVERTISEMENT'],
    ['advertisement', 'Story continues below advertisement'],
    ['reading-time', '4 min read'],
    ['bare-url', 'https://news.example/story/123'],
    ['photo-credit', 'Leah Mellis/Pool’s photo via AP'],
    ['photo-credit', 'Photo: Jane Doe/Reuters'],
    ['photo-credit', 'Getty Images'],
    ['photo-credit', 'AP Photo/Evan Vucci'],
    ['photo-caption', 'Image caption The bridge was closed for eight months'],
    ['photo-caption', 'Workers repair the harbour wall in Portsville. Photograph: Sam Sample/Getty Images'],
    ['photo-caption', 'The mayor speaks to reporters outside the town hall, on Tuesday, March 5, 2024.'],
    ['related-tail', 'Related posts'],
    ['related-tail', 'Read more:'],
    ['read-more', 'READ MORE: Council approves harbour budget'],
    ['read-more', 'Lesen Sie auch: Hafenmauer wird saniert'],
    ['share-prompt', 'Share this article'],
    ['share-prompt', 'Share on Facebook Twitter Email'],
    ['signup-prompt', 'Sign up for our newsletter to get the top stories in your inbox every morning.'],
    ['signup-prompt', 'For the latest stories download the Courier apps for iOS and Android.'],
    [
      'cookie-notice',
      'We use cookies to give you the best experience. By browsing you accept our cookie policy.',
    ],
    ['copyright-notice', '© 2024 The Coastal Courier. All rights reserved.'],
    ['comments-prompt', 'Leave a comment'],
    ['feedback-prompt', 'Was this article helpful?'],
    ['taxonomy-line', 'Tags: harbour, budget, council'],
    ['byline', 'By Jane Example'],
    ['byline', 'By Jane Example and John Placeholder, Courier staff'],
    ['published-line', 'PUBLISHED: 12:08 EST, 24 July 2013 | UPDATED: 12:08 EST, 24 July 2013'],
    ['published-line', 'Last updated on March 5, 2024'],
    ['scroll-down', 'Scroll down for video'],
    ['photo-credit', 'Credit...Jane Example/Reuters'],
    ['photo-credit', 'Credit\u2026Jane Example for The Courier'],
    ['navigation', '<<'],
    ['navigation', '14'],
    ['published-line', 'Submitted on Mon, 2019-01-21 13:49'],
    ['signup-prompt', 'Caught in the storm? Please share your photos and stories with us.'],
    ['comment-policy', 'Comments are moderated and will appear once they have been reviewed.'],
    ['comment-policy', 'Read our community guidelines before you comment.'],
    ['affiliate-disclosure', 'We may earn a commission when you buy through links on our site.'],
    ['affiliate-disclosure', 'This post contains affiliate links, which means we may receive a small fee.'],
    ['read-more', 'Also: see how the harbour wall was built in 1890'],
    [
      'newsletter-blurb',
      'Harbour Notes is a weekly newsletter from the Courier that delivers the port news to you.',
    ],
  ])('removes with rule %s: %j', (rule, junk) => {
    const document = clean(junk);

    expect(rulesOf(document)).toContain(rule);
    expect(document.text).toBe(`${TITLE}\n\n${BODY}\n\n${MORE}`);
  });

  it.each([
    'By the end of the year the wall will be finished, the engineers said.',
    'By Monday, the crisis had ended.',
    'Reuters reported that the budget was approved by a narrow majority.',
    'The photo was taken by a resident who watched the storm from her window.',
    'Share prices rose by three per cent after the announcement.',
    'She said: “Sign up was slow at first, but the scheme is now full.”',
    'Related costs, including the ferry, added another million pounds to the bill.',
    'Also, the council said the harbour would stay open during the works.',
    'Comments from residents at the meeting were mostly positive.',
    'The council newsletter is delivered to every home in the harbour district.',
    'Highlights of the plan include a new ferry landing and a longer pier.',
    'Credit unions in the town have offered cheap loans to the fishing fleet.',
    'The 14 fishing boats will moor in the outer harbour until the work is done.',
  ])('keeps ordinary prose: %j', (prose) => {
    const document = clean(prose);

    expect(document.text).toBe(`${TITLE}\n\n${BODY}\n\n${prose}\n\n${MORE}`);
    expect(document.removed).toEqual([]);
  });

  it('removes inline credits and keeps the sentence', () => {
    const document = clean('The wall collapsed in January (AP Photo/Jane Doe) after a storm.');

    expect(document.text).toContain('The wall collapsed in January after a storm.');
    expect(document.removed).toEqual([{ rule: 'photo-credit', text: '(AP Photo/Jane Doe)' }]);
  });

  it('removes a gallery caption together with the "Hide Caption" button under it', () => {
    const document = clean('Workers repair the harbour wall in Portsville on Tuesday.', 'HIDE CAPTION');

    expect(document.text).toBe(`${TITLE}\n\n${BODY}\n\n${MORE}`);
    expect(rulesOf(document)).toEqual(['photo-caption', 'caption-toggle']);
  });

  it('removes a story-highlights list and keeps the story that follows it', () => {
    const document = clean(
      'STORY HIGHLIGHTS',
      'NEW: Harbour wall budget approved after long debate',
      'Work to begin in the spring, officials say',
      'The harbour master said the fleet would be moved before the work began.',
    );

    expect(document.text).toBe(
      `${TITLE}\n\n${BODY}\n\nThe harbour master said the fleet would be moved before the work began.\n\n${MORE}`,
    );
    expect(rulesOf(document)).toEqual(['story-highlights', 'story-highlights', 'story-highlights']);
  });

  it('removes a caption that sits next to a credit line', () => {
    const document = clean('The mayor inspects the damaged wall', 'Jane Doe/Reuters');

    expect(rulesOf(document)).toEqual(['photo-caption', 'photo-credit']);
    expect(document.text).not.toContain('inspects');
  });

  it('takes the short link lines under a related heading at the end of the text', () => {
    const text = [
      BODY,
      MORE,
      'Related stories',
      'Council approves harbour budget',
      'Ferry timetable changes',
    ].join('\n\n');

    const document = cleanDocument({ bytes: new TextEncoder().encode(text), fileName: 'a.txt' });

    expect(document.text).toBe(`${BODY}\n\n${MORE}`);
    expect(rulesOf(document)).toEqual(['related-tail', 'related-tail', 'related-tail']);
  });

  it('removes a Daily Mail caption glued after "Scroll down for video"', () => {
    const glued =
      'The wall was last repaired in 1990. Scroll down for video The mayor, pictured at the harbour on Tuesday, promised that the wall would be rebuilt before winter The council said the work would cost four million pounds.';

    const document = clean(glued);

    expect(document.removed).toEqual([
      { rule: 'scroll-down', text: 'Scroll down for video' },
      {
        rule: 'photo-caption',
        text: 'The mayor, pictured at the harbour on Tuesday, promised that the wall would be rebuilt before winter',
      },
    ]);
    expect(document.text).toContain(
      'The wall was last repaired in 1990. The council said the work would cost four million pounds.',
    );
  });

  it('keeps the sentence after "Scroll down for video" when no caption is glued to it', () => {
    const document = clean('Scroll down for video According to the council, the work will take a year.');

    expect(document.text).toContain('According to the council, the work will take a year.');
  });

  it('removes later copies of a paragraph', () => {
    const document = clean(BODY);

    expect(document.text).toBe(`${TITLE}\n\n${BODY}\n\n${MORE}`);
    expect(document.removed).toEqual([{ rule: 'duplicate-paragraph', text: BODY }]);
  });

  it('moves a byline and a PUBLISHED line into metadata', () => {
    const document = clean(
      'By Jane Example',
      'PUBLISHED: 12:08 EST, 24 July 2013 | UPDATED: 13:00 EST, 24 July 2013',
    );

    expect(document.byline).toBe('Jane Example');
    expect(document.publishedAt).toBe('2013-07-24');
    expect(document.publishedAtSource).toBe('byline');
  });

  it.each([
    ['Beijing – US officials met on Monday.', 'Beijing'],
    ['WASHINGTON (AP) — The Senate voted on Tuesday.', 'WASHINGTON'],
    ['LONDON, June 19 (Reuters) - Shares fell sharply.', 'LONDON'],
    ['NEW YORK -- The markets opened higher.', 'NEW YORK'],
  ])('records the dateline of %j and keeps it in the text', (first, dateline) => {
    const document = cleanDocument({
      bytes: new TextEncoder().encode(`${first}\n\n${MORE}`),
      fileName: 'a.txt',
    });

    expect(document.dateline).toBe(dateline);
    expect(document.text.startsWith(first)).toBe(true);
  });

  it.each([
    ['WASHINGTON, August 8 (Xinhua) --', 'WASHINGTON'],
    ['SEOUL, Aug. 20 (Yonhap) --', 'SEOUL'],
    ['NEW YORK —', 'NEW YORK'],
  ])('opens the lead with the dateline %j set alone above it, not a title', (line, dateline) => {
    const document = cleanDocument({
      bytes: new TextEncoder().encode(`${line}\n\n${BODY}\n\n${MORE}`),
      fileName: 'a.txt',
    });

    expect(document.title).toBeUndefined();
    expect(document.dateline).toBe(dateline);
    expect(document.text).toBe(`${line} ${BODY}\n\n${MORE}`);
  });

  it('takes a title line that is not a dateline as the title, and keeps it opening the text', () => {
    const document = cleanDocument({
      bytes: new TextEncoder().encode(`${TITLE}\n\n${BODY}\n\n${MORE}`),
      fileName: 'a.txt',
    });

    expect(document.title).toBe(TITLE);
    expect(document.titleLeads).toBe(true);
    expect(document.text).toBe(`${TITLE}\n\n${BODY}\n\n${MORE}`);
  });

  it.each(['This — both sides are here? Is this contested?', 'Well -- no, the court said so.'])(
    'records no dateline for a sentence opened by a word before a dash: %j',
    (first) => {
      const document = cleanDocument({
        bytes: new TextEncoder().encode(`${first}\n\n${MORE}`),
        fileName: 'a.txt',
      });

      expect(document.dateline).toBeUndefined();
    },
  );

  it('records no dateline for an ordinary first sentence', () => {
    const document = cleanDocument({
      bytes: new TextEncoder().encode(`${BODY}\n\n${MORE}`),
      fileName: 'a.txt',
    });

    expect(document.dateline).toBeUndefined();
  });

  it('joins words hyphenated across line breaks', () => {
    const text = `${BODY}\n\nThe engineers recom-\nmended a full replace-\nment of the cables.`;

    const document = cleanDocument({ bytes: new TextEncoder().encode(text), fileName: 'a.txt' });

    expect(document.text).toBe(`${BODY}\n\nThe engineers recommended a full replacement of the cables.`);
  });

  it('joins hard-wrapped lines of a text without blank lines', () => {
    const text =
      'The harbour wall was repaired\nafter the storm damaged it.\nThe ferry will stop next month.';

    const document = cleanDocument({ bytes: new TextEncoder().encode(text), fileName: 'a.txt' });

    expect(document.text).toBe(
      'The harbour wall was repaired after the storm damaged it.\n\nThe ferry will stop next month.',
    );
  });

  it('splits a block of long lines at each line break: paragraphs one to a line, not hard-wrapped', () => {
    const long = `${BODY} The vote was eleven to four, and the mayor said she was pleased.`;
    const text = `${TITLE}\n\n${long}\n“We waited a long time for this,” the mayor said.\n${MORE}`;

    const document = cleanDocument({ bytes: new TextEncoder().encode(text), fileName: 'a.txt' });

    expect(document.text.split('\n\n')).toEqual([
      TITLE,
      long,
      '“We waited a long time for this,” the mayor said.',
      MORE,
    ]);
  });

  it('joins the lines of a hard-wrapped block whose lines are all short', () => {
    const text = `${BODY}\n\nOfficials said the work would begin\nin the spring and take about eighteen\nmonths to complete.`;

    const document = cleanDocument({ bytes: new TextEncoder().encode(text), fileName: 'a.txt' });

    expect(document.text).toBe(`${BODY}\n\n${MORE}`);
  });

  it('normalises Unicode to NFC, spaces and rare dashes but keeps typographic quotes', () => {
    const text = `Cafe\u0301\u00a0“open”\u2015it\u2019s here \u2012 soft\u00adhyphen\u200b.\n\n${MORE}`;

    const document = cleanDocument({ bytes: new TextEncoder().encode(text), fileName: 'a.txt' });

    expect(document.text.split('\n\n')[0]).toBe('Café “open”—it’s here – softhyphen.');
  });

  it('takes a first line that repeats a JSON export’s own title out of the text', () => {
    const json = JSON.stringify({ title: TITLE, text: `${TITLE}\n\n${BODY}\n\n${MORE}` });
    const document = cleanDocument({ bytes: new TextEncoder().encode(json), fileName: 'a.json' });

    expect(document.title).toBe(TITLE);
    expect(document.titleLeads).toBeUndefined();
    expect(document.text).toBe(`${BODY}\n\n${MORE}`);
  });

  it('keeps a first line that reads as a sentence in the text', () => {
    const document = cleanDocument({
      bytes: new TextEncoder().encode(`${BODY}\n\n${MORE}`),
      fileName: 'a.txt',
    });

    expect(document.title).toBeUndefined();
    expect(document.text).toBe(`${BODY}\n\n${MORE}`);
  });

  it.each([
    [`${BODY} ${MORE}`, 'en'],
    [
      'Der Stadtrat hat am Dienstag nach einer langen Debatte über die Kosten den neuen Haushalt beschlossen. Die Arbeiten sollen im Frühjahr beginnen.',
      'de',
    ],
    [
      'El ayuntamiento aprobó el nuevo presupuesto el martes tras un largo debate sobre el coste de reparar el muro del puerto.',
      'es',
    ],
  ])('detects the language of %j', (text, language) => {
    const document = cleanDocument({ bytes: new TextEncoder().encode(text), fileName: 'a.txt' });

    expect(document.language).toBe(language);
  });
});

describe('publishedAt sources', () => {
  const caption = 'The mayor speaks to reporters outside the town hall, on Tuesday, March 5, 2024.';

  it('prefers a PUBLISHED line over the date of a removed caption', () => {
    const document = clean('PUBLISHED: 09:00 GMT, 4 March 2024', caption);

    expect(document.publishedAt).toBe('2024-03-04');
    expect(document.publishedAtSource).toBe('byline');
  });

  it('prefers page metadata over the date of a removed caption', () => {
    const json = JSON.stringify({ text: `${BODY}\n\n${caption}\n\n${MORE}`, publishedAt: '2024-03-01' });

    const document = cleanDocument({ bytes: new TextEncoder().encode(json), fileName: 'a.json' });

    expect(document.publishedAt).toBe('2024-03-01');
    expect(document.publishedAtSource).toBe('metadata');
  });

  it("dates the story from its address's path when the page gives no date, before a removed caption", () => {
    const bytes = new TextEncoder().encode(`${BODY}\n\n${caption}\n\n${MORE}`);

    const document = cleanDocument({
      bytes,
      fileName: 'a.txt',
      url: 'https://news.example/2024/03/06/harbour/',
    });

    expect(document.publishedAt).toBe('2024-03-06');
    expect(document.publishedAtSource).toBe('url');
  });

  it.each([['PUBLISHED: 09:00 GMT, 4 March 2024', '2024-03-04', 'byline']])(
    'prefers a date the page writes (%j) over the address',
    (line, date, source) => {
      const bytes = new TextEncoder().encode([TITLE, BODY, line, MORE].join('\n\n'));

      const document = cleanDocument({
        bytes,
        fileName: 'a.txt',
        url: 'https://news.example/2024/03/06/harbour/',
      });

      expect(document.publishedAt).toBe(date);
      expect(document.publishedAtSource).toBe(source);
    },
  );

  it('prefers page metadata over the address', () => {
    const json = JSON.stringify({
      text: `${BODY}\n\n${MORE}`,
      publishedAt: '2024-03-01',
      url: 'https://news.example/2024/03/06/harbour/',
    });

    const document = cleanDocument({ bytes: new TextEncoder().encode(json), fileName: 'a.json' });

    expect(document.publishedAt).toBe('2024-03-01');
    expect(document.publishedAtSource).toBe('metadata');
  });

  it('takes no date from the capture time of a Wayback Machine address', () => {
    const url =
      'http://web.archive.org/web/20240724173558id_/http://news.example/article-3042680/harbour.html';

    const document = cleanDocument({
      bytes: new TextEncoder().encode(`${BODY}\n\n${MORE}`),
      fileName: 'a.txt',
      url,
    });

    expect(document.publishedAt).toBeUndefined();
  });

  it('leaves publishedAt unset when nothing dates the story', () => {
    const document = clean();

    expect(document.publishedAt).toBeUndefined();
    expect(document.publishedAtSource).toBeUndefined();
  });
});

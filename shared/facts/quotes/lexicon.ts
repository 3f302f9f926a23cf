/**
 * The words that attribute a quotation: reporting verbs in all their forms, and the nouns and titles that
 * make up a speaker's description.
 */

export type VerbForm = 'base' | 'third' | 'past' | 'ing';

/** A reporting verb as written: rank 2 reports speech ("said"), rank 1 characterises it ("called it"). */
export interface ReportingVerb {
  readonly rank: 1 | 2;
  readonly form: VerbForm;
}

/** Verbs that report speech: an attribution with one of these is certain. */
const SPEECH =
  'add state announce explain note declare ask reply insist warn argue claim stress emphasize emphasise ' +
  'underline acknowledge recall remark comment continue conclude tweet post respond suggest confirm ' +
  'reiterate joke shout complain concede observe predict reveal disclose boast recount testify allege text ' +
  'plead beg wonder answer counter caution maintain muse report assert chant yell scream whisper exclaim ' +
  'interject retort quote tout contend affirm assure concur proclaim opine lament blog inform rule ' +
  // "“…,” she shared with The List".
  'share ' +
  // "“…,” Reyes emailed.", "Reyes e-mailed that …"; not "emails" (NOUN_FORMS).
  'email e-mail';

/** Verbs that characterise what someone said ("called it a “disgrace”"): weaker than SPEECH. */
const CHARACTERISING =
  'call describe accuse blast brand label term dub condemn denounce criticize criticise slam praise hail laud ' +
  'hope blame welcome rate deem characterize characterise cite mock ridicule attack exhort encourage ' +
  'pound defend dismiss deride decry liken compare recommend invite challenge portray frame headline ' +
  'nickname lambast tease chide scold rebuke fault question threaten expect believe want push ' +
  'reject deny promise pledge vow urge demand agree';

/** Irregular verbs: base, third person, past, participle. */
const IRREGULAR_SPEECH = [
  ['say', 'says', 'said', 'saying'],
  ['tell', 'tells', 'told', 'telling'],
  ['write', 'writes', 'wrote', 'writing'],
  ['admit', 'admits', 'admitted', 'admitting'],
  ['quip', 'quips', 'quipped', 'quipping'],
  ['sing', 'sings', 'sang', 'singing'],
  ['read', 'reads', 'read', 'reading'],
] as const;
const IRREGULAR_CHARACTERISING = [
  // "Reyes spoke of “a serious mistake”": weaker than a speech verb ("Holt tweeted that Reyes spoke “movingly”").
  ['speak', 'speaks', 'spoke', 'speaking'],
  ['think', 'thinks', 'thought', 'thinking'],
  ['refer', 'refers', 'referred', 'referring'],
  ['find', 'finds', 'found', 'finding'],
] as const;
const FORMS: readonly VerbForm[] = ['base', 'third', 'past', 'ing'];

/** A one-syllable verb ending in one vowel and one consonant doubles it: slam -> slammed, dub -> dubbing. */
const DOUBLED_FINAL = /^[^aeiou]*[aeiou][^aeiouwxy]$/u;

function doubled(base: string): string {
  return DOUBLED_FINAL.test(base) ? `${base}${base.at(-1)}` : base;
}

/** Every form of a regular verb: "call" -> call, calls, called, calling; "slam" -> slams, slammed, slamming. */
function inflect(base: string): readonly [string, string, string, string] {
  const stem = base.endsWith('e') ? base.slice(0, -1) : doubled(base);
  const consonantY = /[^aeiou]y$/u.test(base);
  const third = consonantY
    ? `${base.slice(0, -1)}ies`
    : /(?:s|sh|ch|x|z|o)$/u.test(base)
      ? `${base}es`
      : `${base}s`;
  const past = consonantY ? `${base.slice(0, -1)}ied` : base.endsWith('e') ? `${base}d` : `${stem}ed`;
  return [base, third, past, `${stem}ing`];
}

/**
 * Forms that are a plural noun far more often than a verb: "the Latin terms “aqua”", "in legal terms", "the Clinton
 * emails". The verb's other forms stay ("she termed it", "he emailed").
 */
const NOUN_FORMS: ReadonlySet<string> = new Set(['terms', 'emails', 'e-mails']);

function verbTable(): Map<string, ReportingVerb> {
  const table = new Map<string, ReportingVerb>();
  const add = (rank: 1 | 2, words: readonly string[]) => {
    for (const [index, word] of words.entries()) {
      if (NOUN_FORMS.has(word)) continue;
      if (!table.has(word)) table.set(word, { rank, form: FORMS[index] as VerbForm });
    }
  };
  for (const words of IRREGULAR_SPEECH) add(2, words);
  for (const base of SPEECH.split(' ')) add(2, inflect(base));
  add(2, ['written']);
  for (const words of IRREGULAR_CHARACTERISING) add(1, words);
  for (const base of CHARACTERISING.split(' ')) add(1, inflect(base));
  return table;
}

const REPORTING_VERBS = verbTable();

/** The reporting verb a lowercase word is, if it is one. */
export function reportingVerb(word: string): ReportingVerb | undefined {
  return REPORTING_VERBS.get(word);
}

/** "he emails", "she terms it": a form NOUN_FORMS keeps out is a verb after a he or she. */
export function reportingVerbAfterPronoun(word: string): ReportingVerb | undefined {
  if (!NOUN_FORMS.has(word)) return undefined;
  return { rank: word === 'terms' ? 1 : 2, form: 'third' };
}

/** Words after which a verb's base form has a subject: "they say", "will say". */
export const BASE_FORM_SUBJECTS: ReadonlySet<string> = new Set(
  'i we they you will would can could may might must should shall did do does police people'.split(' '),
);

/** Auxiliaries before a verb's -ing form: "Clinton is describing …". */
export const PROGRESSIVE_AUXILIARIES: ReadonlySet<string> = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
]);

/** Nouns for what someone said, after a possessive name: "Trump’s claim that …". */
export const SPEECH_NOUNS: ReadonlySet<string> = new Set(
  (
    'claim claims statement statements remark remarks comment comments words assertion promise pledge ' +
    'warning argument suggestion insistence contention accusation declaration announcement vow boast'
  ).split(' '),
);

/** Words that may stand between a subject and its verb: "Biden also said", "Obama has said". */
export const ADVERBS: ReadonlySet<string> = new Set(
  (
    'also later earlier previously then again repeatedly reportedly once has have had recently separately ' +
    'further simply just flatly publicly privately initially finally quickly bluntly angrily proudly rather ' +
    'had would will has never always often still even only himself herself itself themselves'
  ).split(' '),
);

/** Words that end a subject noun phrase when read backwards from its verb, or forwards after it. */
export const PHRASE_BOUNDARIES: ReadonlySet<string> = new Set(
  (
    'that which who whom whose what and but or nor when while if because as after before since though although ' +
    'in on at during with for to from by than where whether so then said says told wrote added ' +
    'according about over into onto upon via per against is was are were be been being not'
  ).split(' '),
);

/** A verb after one of these is passive ("she was called"): its subject is not the speaker. */
export const PASSIVE_AUXILIARIES: ReadonlySet<string> = new Set([
  'was',
  'were',
  'is',
  'are',
  'been',
  'being',
  'be',
  'get',
  'got',
]);

/** Abbreviated titles written with a full stop ("Mr. Clarke", "Rep. Jim Jordan", "Del. Price"). */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set(
  'Mr Mrs Ms Dr Sen Rep Reps Sens Gov Lt Col Capt Gen Del Prof Rev Sgt Adm Atty Pres Supt Cmdr Maj Cpl Pvt Hon Jr Sr St Fr Messrs Gens'.split(
    ' ',
  ),
);

/** Abbreviations after which a full stop does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...TITLE_ABBREVIATIONS,
  ...'Inc Corp Ltd Co No vs Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mass Calif Fla Ill Va Md Wis Ga Pa Mich Minn Tenn Ky Ala Ariz Ark Colo Conn Del Ind Kan La Miss Mo Mont Neb Nev Okla Ore Tex Vt Wash Wyo'.split(
    ' ',
  ),
]);

export const PERSON_PRONOUNS: ReadonlyMap<string, 'male' | 'female'> = new Map([
  ['he', 'male'],
  ['she', 'female'],
]);

/** Pronouns and determiners that never name a speaker on their own. */
export const NOT_SPEAKERS: ReadonlySet<string> = new Set(
  'the a an this that these those they we i you one it there here who which someone something nobody everybody everyone anyone'.split(
    ' ',
  ),
);

/** Nouns for a news outlet: "the newspaper reported" names the paper the article named. */
export const OUTLET_NOUNS: ReadonlySet<string> = new Set(
  'newspaper paper magazine network outlet website site broadcaster channel publication tabloid daily station wire newsletter'.split(
    ' ',
  ),
);

/** Words in the name of a news outlet ("The New York Times", "Fox News", "Politico"). */
export const OUTLET_NAME =
  /\b(?:Times|Post|Journal|News|Herald|Tribune|Gazette|Telegraph|Guardian|Review|Daily|Magazine|Press|Wire|Chronicle|Observer|Economist|Atlantic|Politico|Breitbart|CNN|MSNBC|CNBC|NBC|CBS|ABC|Fox|BBC|Reuters|AP|Bloomberg|HuffPost|Huffington|Axios|Vox|Slate|Salon|NPR|PBS|Hill|Sun|Mail|Mirror|Express|Standard|Independent|Globe|Star|Inquirer|Register|Bulletin|Examiner|Monitor|Newsweek|Time|Atlantic|Yonhap|Xinhua|Kyodo|AFP)\b/u;

/** Nouns for an organisation: "the agency said" names the agency the article named, if it named one. */
export const ORGANISATION_NOUNS: ReadonlySet<string> = new Set(
  (
    'agency department ministry committee company firm group organization organisation party court council ' +
    'panel commission bureau office administration government board union foundation institute university ' +
    'campaign league association bank corporation network service authority team club center centre coalition ' +
    'caucus congress senate house parliament police military army navy fund'
  ).split(' '),
);

/** Nouns for people who may be quoted without a name: "a source said", "critics say". */
export const PEOPLE_NOUNS: ReadonlySet<string> = new Set(
  (
    'source official critic expert supporter opponent voter resident witness activist protester observer ' +
    'member republican democrat conservative liberal man woman worker student teacher parent mother father ' +
    'friend neighbor neighbour nurse officer organizer organiser participant attendee wife husband son ' +
    'daughter brother sister aunt uncle niece nephew cousin partner colleague employee staffer insider ' +
    'veteran immigrant refugee victim fan donor operative consultant historian scholar researcher scientist ' +
    'reporter journalist columnist editor writer author host anchor commentator pundit diplomat envoy ' +
    'negotiator investigator detective agent miner farmer owner person announcer narrator family widow widower ' +
    // Trades and callings an article names someone by: "the singer answered", "the actress told".
    'singer actor actress star rapper musician artist player athlete driver pilot soldier student survivor ' +
    // "63 percent [of voters] said": a share of the people polled.
    'percent majority'
  ).split(' '),
);

/** Nouns for a text a quotation comes from: "the report said", "a Homeland Security memo". */
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set(
  (
    'report article piece statement memo memorandum complaint letter study poll survey ad advertisement ' +
    'tweet post editorial column book filing lawsuit indictment document release bylaw ruling opinion ' +
    'order decision transcript email message website blog analysis review brief motion'
  ).split(' '),
);

/** Nouns for a person's position: "the senator said" names the senator the article named, if only one. */
export const PERSON_ROLE_NOUNS: ReadonlySet<string> = new Set(
  (
    'senator governor candidate nominee president congressman congresswoman spokesman spokeswoman ' +
    'spokesperson secretary minister chairman chairwoman director mayor judge justice lawmaker representative ' +
    'ambassador chancellor premier official aide adviser advisor attorney lawyer prosecutor sheriff ' +
    'commissioner chief leader executive founder owner mogul businessman businesswoman billionaire ' +
    'doctor physician professor economist analyst strategist pollster coach general admiral ' +
    // A place in a team: "the Arsenal manager", "the Barcelona defender" is a person, not the club.
    'manager boss captain striker midfielder defender goalkeeper winger trainer jockey'
  ).split(' '),
);

/** Short forms of person titles that an entity's roles may carry ("Sen." for senator). */
export const ROLE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['senator', 'sen'],
  ['governor', 'gov'],
  ['representative', 'rep'],
  ['congressman', 'rep'],
  ['congresswoman', 'rep'],
  ['general', 'gen'],
  ['president', 'pres'],
]);

/** Words of a time adjunct between a speaker and the verb, or after the verb: "said Monday", "on Friday". */
export const TIME_WORDS: ReadonlySet<string> = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning afternoon ' +
    'evening night week month year weekend recently earlier later last this'
  ).split(' '),
);

/** People who speak for the organisation named before them: "a Pentagon spokesman", "a White House official". */
export const SPEAKS_FOR_ORGANISATION: ReadonlySet<string> = new Set(
  'spokesman spokeswoman spokesperson official representative'.split(' '),
);

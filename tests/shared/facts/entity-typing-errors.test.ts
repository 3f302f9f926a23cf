/**
 * Entity typing errors seen on real news (CNN/DM, PolNeAR, the news fixtures and trafilatura pages), each on a
 * sentence written for this test. The tagged mentions reproduce what the tagger returned on the page, so each
 * case holds the rule that fixes it whatever a retrained model does.
 */
import { describe, expect, it } from 'vitest';
import { entitiesOf, names, typeOf } from './tagged-mentions.ts';

describe('a surname that is also a country', () => {
  it('is the person named in full when the article never writes it as a place (Jim Jordan)', () => {
    const text =
      'Rep. Pat Lebanon (R-Iowa) called the deal unfair. Lebanon said the panel would vote on Friday.';

    const entities = entitiesOf(text, [
      ['PER', 'Pat Lebanon'],
      ['LOC', 'Lebanon'],
    ]);

    expect(typeOf(entities, 'Pat Lebanon')).toEqual(['person']);
    expect(entities.find((entity) => entity.name === 'Pat Lebanon')?.aliases).toEqual(['Lebanon']);
    expect(typeOf(entities, 'Lebanon')).toEqual([]);
  });

  it('is the person where a verb and "his" follow it, after "in" with a possessive or "closer to" (Lewis Hamilton)', () => {
    const text =
      'Sam Kenya took pole. Rain in Kenya’s car is a threat, as Kenya celebrates his third pole. ' +
      'Nobody got closer to Kenya than he did.';

    const entities = entitiesOf(text, [
      ['PER', 'Sam Kenya'],
      ['LOC', 'Kenya'],
    ]);

    expect(typeOf(entities, 'Sam Kenya')).toEqual(['person']);
    expect(typeOf(entities, 'Kenya')).toEqual([]);
  });

  it('stays the place where the article writes it as one', () => {
    const text = 'Pat Lebanon, a trade envoy, flew to Lebanon on Monday. Lebanon said it welcomed the visit.';

    const entities = entitiesOf(text, [
      ['PER', 'Pat Lebanon'],
      ['LOC', 'Lebanon'],
    ]);

    expect(typeOf(entities, 'Lebanon')).toEqual(['place']);
  });
});

describe('country short forms as known places', () => {
  it('take "US" and "U.K." as places but not a person before "U.S. Senator"', () => {
    const text = 'Tom Harlan, U.S. Senator (R-Ohio), met UK officials. Harlan said the US would help.';

    const entities = entitiesOf(text, [
      ['PER', 'Tom Harlan'],
      ['PER', 'Harlan'],
      ['LOC', 'UK'],
      ['LOC', 'US'],
      ['LOC', 'U.S.'],
    ]);

    expect(typeOf(entities, 'Tom Harlan')).toEqual(['person']);
    expect(typeOf(entities, 'UK')).toEqual(['place']);
  });
});

describe('a title after Miss', () => {
  it('keeps a pageant title the tagger read as one, not a person called "Universe"', () => {
    const text =
      'The governor praised a former Miss Universe, Dana Holt, on Monday. Holt won Miss Universe in 2001.';

    const entities = entitiesOf(text, [
      ['MISC', 'Miss Universe'],
      ['PER', 'Dana Holt'],
      ['PER', 'Holt'],
    ]);

    expect(typeOf(entities, 'Miss Universe')).toEqual(['other']);
    expect(typeOf(entities, 'Universe')).toEqual([]);
    expect(typeOf(entities, 'Dana Holt')).toEqual(['person']);
  });

  it('drops a lone form of address the tagger cut from a title', () => {
    const text = 'Critics mocked the former Miss Texas Kim Rowe, who said nothing.';

    const entities = entitiesOf(text, [
      ['MISC', 'Miss'],
      ['PER', 'Kim Rowe'],
    ]);

    expect(names(entities)).toEqual(['Kim Rowe']);
  });

  it('still makes a person of a name after Miss that the tagger read as an organisation', () => {
    const text = 'Miss Pargeter told the inquiry she had seen nothing.';

    const entities = entitiesOf(text, [['ORG', 'Miss Pargeter']]);

    expect(typeOf(entities, 'Pargeter')).toEqual(['person']);
  });
});

describe('initials before a surname', () => {
  it('make one person of the initials and the surname, not the news agency (AP McCoy)', () => {
    const text =
      'The trainer said BK Tremlett would ride his favourite. BK Tremlett has won twice. ' +
      'Tremlett said he was ready.';

    const entities = entitiesOf(text, [
      ['ORG', 'BK'],
      ['ORG', 'Tremlett'],
    ]);

    expect(typeOf(entities, 'BK Tremlett')).toEqual(['person']);
    expect(typeOf(entities, 'BK')).toEqual([]);
    expect(entities.find((entity) => entity.name === 'BK Tremlett')?.aliases).toEqual(['Tremlett']);
  });

  it('leave capitals the article writes alone as their own name', () => {
    const text = 'AP Tremlett was hired. AP reported the news first, and Tremlett said nothing.';

    const entities = entitiesOf(text, [
      ['ORG', 'AP'],
      ['PER', 'Tremlett'],
    ]);

    expect(typeOf(entities, 'AP')).toEqual(['organization']);
    expect(typeOf(entities, 'AP Tremlett')).toEqual([]);
  });

  it('leave a team or a company with no pronoun for a person to the tagger (MK Dons)', () => {
    const text =
      'RT Halvorsen beat the Kings Cup holders 2-1 with his goal. RT Halvorsen are now third in the table.';

    const entities = entitiesOf(text, [['ORG', 'RT Halvorsen']]);

    expect(typeOf(entities, 'RT Halvorsen')).toEqual(['organization']);
  });

  it('leave a common word after capitals to the tagger ("UK Government")', () => {
    const text = 'The UK Government said it would act.';

    const entities = entitiesOf(text, [['ORG', 'UK Government']]);

    expect(typeOf(entities, 'UK Government')).toEqual(['organization']);
  });
});

describe('how the article uses a name', () => {
  it('makes a work of a title written only in quotation marks', () => {
    const text =
      '“Brightwater,” the six-part drama about a fishing town, returns tonight. ' +
      "The new “Brightwater” keeps its old cast, and fans of 'Night Porters' will tune in. " +
      "The writer adapted “Brightwater: A Harbour Year” and said 'Brightwater ' changed her life.";

    const entities = entitiesOf(text, [
      ['PER', 'Brightwater'],
      ['ORG', 'Night Porters'],
    ]);

    expect(typeOf(entities, 'Brightwater')).toEqual(['other']);
    expect(typeOf(entities, 'Night Porters')).toEqual(['other']);
  });

  it('keeps a nickname inside a name, a quoted person who acts, and a name also written unquoted', () => {
    const text =
      'Kim “Blaze” Sun-woo scored twice. A man who gave his name as "Ray" told us he had walked for hours. ' +
      '"Ray" then left. Ms Alder joined later; friends call her \'Alder\' at work, and Alder agreed.';

    const entities = entitiesOf(text, [
      ['PER', 'Kim “Blaze” Sun-woo'],
      ['PER', 'Ray'],
      ['PER', 'Alder'],
    ]);

    expect(typeOf(entities, 'Ray')).toEqual(['person']);
    expect(typeOf(entities, 'Alder')).toEqual(['person']);
  });

  it('makes a product of a name read as a person after "a" with no noun after it (Land Rover)', () => {
    const text =
      'He bought a Range Tourer for $6,000 and drove to the coast. A Wexley aide said so. ' +
      'He would never have said that to a Rex Cardell. The site was set up by a Lou Bramble, who lives nearby.';

    const entities = entitiesOf(text, [
      ['PER', 'Range Tourer'],
      ['PER', 'Wexley'],
      ['PER', 'Rex Cardell'],
      ['PER', 'Lou Bramble'],
    ]);

    expect(typeOf(entities, 'Range Tourer')).toEqual(['other']);
    expect(typeOf(entities, 'Wexley')).toEqual(['person']);
    expect(typeOf(entities, 'Rex Cardell')).toEqual(['person']);
    expect(typeOf(entities, 'Lou Bramble')).toEqual(['person']);
  });

  it('makes an outlet of an unknown name read as a place that reports (Healthline)', () => {
    const text =
      'Fish oil may help, according to an article in Vitalpage. "The effect is small," Vitalpage reported.';

    const entities = entitiesOf(text, [['LOC', 'Vitalpage']]);

    expect(typeOf(entities, 'Vitalpage')).toEqual(['organization']);
  });

  it('leaves a known place that reports a place ("Beijing said")', () => {
    const text = 'Beijing reported no new cases, according to Beijing officials.';

    const entities = entitiesOf(text, [['LOC', 'Beijing']]);

    expect(typeOf(entities, 'Beijing')).toEqual(['place']);
  });
});

describe('holidays', () => {
  it('are never people, so no pronoun or quote goes to them (Christmas, Halloween)', () => {
    const text =
      'The map shows snow cover on Christmas. Christmas seemed the natural choice, he said. ' +
      'Halloween brought snow in Edmonton.';

    const entities = entitiesOf(text, [
      ['PER', 'Christmas'],
      ['PER', 'Christmas'],
      ['PER', 'Halloween'],
      ['LOC', 'Edmonton'],
    ]);

    expect(typeOf(entities, 'Christmas')).toEqual(['other']);
    expect(typeOf(entities, 'Halloween')).toEqual(['other']);
    expect(typeOf(entities, 'Edmonton')).toEqual(['place']);
  });

  it('keep a surname of a person named in full as that person', () => {
    const text = 'Coach Dana Easter praised the team. Easter said the defence held.';

    const entities = entitiesOf(text, [
      ['PER', 'Dana Easter'],
      ['PER', 'Easter'],
    ]);

    expect(typeOf(entities, 'Dana Easter')).toEqual(['person']);
    expect(typeOf(entities, 'Easter')).toEqual([]);
  });
});

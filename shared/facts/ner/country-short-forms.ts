/**
 * Countries' short forms, written in capitals with or without stops ("US", "U.S.", "UK", "UAE"), which the
 * tagger's country gazetteer (full names from countries-list) lacks. Derived from world-countries (mledoze):
 * the all-capital alternative spellings that are the initials of the country's common English name ("United
 * Kingdom" -> UK), or, of three letters or more, of another of its names ("United States of America" -> USA).
 * tests/shared/facts/ner/country-short-forms.test.ts derives them again from the package and compares.
 */
export const COUNTRY_SHORT_FORMS: ReadonlySet<string> = new Set(
  'AS BF CR CV DPRK DRC HK IM NC NZ PR RSA SA SL SM SS TL TT UAE UK US USA WF'.split(' '),
);

/**
 * People of a kind named in the plural, never one person: like a nationality in the plural (nationalities.ts), an
 * other as CoNLL marks them ("Republicans", "Democrats", "Islamists" are MISC in CoNLL train). The singular ("a
 * Republican senator") is left out: it also opens names ("Republican National Committee").
 */

/** Members of a party or a movement: "Republicans", "Tories", "Islamists"; "the Conservatives won" may be the party. */
const MEMBERS = new Set(
  (
    'Republicans Democrats Conservatives Tories Liberals Socialists Communists Nationalists Unionists Loyalists ' +
    'Separatists Royalists Marxists Maoists Fascists Populists Libertarians Progressives Islamists Jihadists Zionists'
  ).split(' '),
);
/** Members of a faith and peoples that are no nation: "Catholics", "Sunnis", "Hispanics"; no body of any kind. */
const PEOPLES = new Set(
  (
    'Evangelicals Catholics Protestants Anglicans Methodists Baptists Lutherans Mormons Muslims Christians Jews ' +
    'Hindus Sikhs Buddhists Sunnis Shiites Shias Hispanics Latinos Latinas'
  ).split(' '),
);

/** `Republicans`, `Tories`: the members of a party or a movement (capitalised, plural). */
export function isPartyMembers(word: string): boolean {
  return MEMBERS.has(word);
}

/** `Catholics`, `Hispanics`: the members of a faith or a people that is no nation (capitalised, plural). */
export function isPeopleOfFaith(word: string): boolean {
  return PEOPLES.has(word);
}

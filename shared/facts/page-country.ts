/**
 * The country a page is from, as its address says: its country-code domain ("AU" of news.com.au, "GB" of
 * bbc.co.uk). The facts read it where the page's declared locale has no region: what "$" means on the page
 * (numbers-currency.ts), and whether 11/06/2023 is the 11th of June or the 6th of November (dates/numeric.ts).
 */

/** Country-code domains that sites take for their letters, not for a country ("x.io", "tiny.cc", "y.tv"). */
const VANITY_DOMAINS = new Set('ac ai cc co fm gg io la ly me nu sh so tk to tv ws'.split(' '));
/** The domains of the United States' government and army, whose pages write its dates. */
const US_DOMAINS = new Set(['gov', 'mil', 'us']);

/**
 * The country of a page's address, as an ISO 3166 region ("GB" of .uk, "US" of .gov); undefined for .com and
 * the vanity domains. An archived page's own address is read (web.archive.org/web/…/URL).
 */
export function countryDomainOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const archived = /^https?:\/\/web\.archive\.org\/web\/[^/]+\/(https?:\/\/.+)$/iu.exec(url)?.[1];
  let host: string;
  try {
    host = new URL(archived ?? url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const domain = host.slice(host.lastIndexOf('.') + 1);
  if (US_DOMAINS.has(domain)) return 'US';
  if (domain === 'uk') return 'GB';
  return /^[a-z]{2}$/u.test(domain) && !VANITY_DOMAINS.has(domain) ? domain.toUpperCase() : undefined;
}

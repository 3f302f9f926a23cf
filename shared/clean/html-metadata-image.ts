/**
 * Whether an image URL is the site's own furniture rather than the article's picture: an icon ("favicon.ico",
 * "apple-touch-icon.png"), the site's logo ("logo-opengraph.png", "googlelogo_color.png" on a Google blog), a
 * theme's asset ("/themes/…/facebook.jpg"), a fallback or a bare share picture ("OG-Image.jpg") or an avatar. A
 * logo of something else is the article's picture ("nasa-logo.jpg" on a story about NASA's budget).
 */

/** Path segments of site-wide assets. */
const ASSET_FOLDER = /\/(?:themes?|favicons?|fallback|avatars?|icons)\//iu;
const ICON_FILE = /^(?:favicon|apple-touch-icon|android-chrome|mstile)|\.ico$/iu;
/** Words in a file name that say nothing of a picture's subject. */
const GENERIC = new Set(
  (
    'logo icon og opengraph share social default image img color colour white black dark light small large big ' +
    'site main header footer retina square full new transparent horizontal vertical text mobile web print final ' +
    'facebook twitter meta card placeholder png jpg jpeg gif svg webp'
  ).split(' '),
);
const WORDS = /[a-z]+/gu;
/** "OG-Image.jpg", "default-share.png", "placeholder.png": a picture the site shares for every page. */
const SHARE_FILE =
  /^(?:og|opengraph|share|social|default|placeholder)(?:[-_ ]?(?:image|img|share|default|logo))*\.\w+$/iu;

export function isSiteAsset(url: string, host: string | undefined): boolean {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return false;
  }
  if (ASSET_FOLDER.test(path)) return true;
  const file = path.slice(path.lastIndexOf('/') + 1);
  if (ICON_FILE.test(file)) return true;
  const words = file.toLowerCase().match(WORDS) ?? [];
  const mark = words.find((word) => word.endsWith('logo') || word === 'icon');
  const subjects = words.filter((word) => word.length >= 4 && !GENERIC.has(word));
  if (mark !== undefined) {
    // "googlelogo" on googleblog.com: the site's name glued to "logo".
    const owner = mark.slice(0, -'logo'.length);
    if (owner.length >= 3 && host?.toLowerCase().includes(owner)) return true;
    return subjects.every((word) => word === mark);
  }
  return SHARE_FILE.test(file);
}

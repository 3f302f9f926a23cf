/**
 * The stylesheet of a viewer page, inline and allowed by its hash in the page's Content-Security-Policy.
 * Colour is never the only cue: each entity type has its own underline style, dates and numbers their own
 * frame, quotes are italic, summary sentences carry their number, and the selection is outlined in bold.
 * Text colours keep a contrast of at least 4.5:1 on every background. One column on a phone.
 */
export const PAGE_STYLE = `
*, *::before, *::after { box-sizing: border-box; }
html { color-scheme: light; -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; background: #fff; }
a { color: #0b4fb3; }
.page { max-width: 78rem; margin: 0 auto; padding: 1rem; }
.skip-link { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
.skip-link:focus { left: .5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
:focus-visible { outline: 3px solid #0b4fb3; outline-offset: 2px; }
header.masthead { border-bottom: 1px solid #d0d0d0; padding-bottom: 1rem; margin-bottom: 1.5rem; }
.kicker { margin: 0; font-size: .875rem; color: #4a4a4a; }
h1 { font-size: clamp(1.4rem, 4vw, 2.1rem); line-height: 1.2; margin: .25rem 0 .5rem; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
.byline { margin: 0 0 .75rem; font-style: italic; overflow-wrap: anywhere; }
.meta { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .15rem 1rem; margin: 0; font-size: .9rem; }
.meta dt { color: #4a4a4a; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.status { display: inline-block; font-weight: 700; padding: 0 .4rem; border: 2px solid currentColor; border-radius: 4px; }
.status-DONE { color: #146c2e; }
.status-FAILED { color: #b3261e; }
.status-PENDING, .status-PROCESSING { color: #7a4a00; }
.error { border: 2px solid #b3261e; border-radius: 6px; padding: .75rem 1rem; background: #fdecea; }
.error code { font-weight: 700; }
.layout { display: grid; gap: 1.5rem; }
@media (min-width: 62rem) { .layout { grid-template-columns: minmax(0, 1fr) 23rem; gap: 3rem; } }
.summary-list li { margin-bottom: .4rem; }
.jump { font-size: .85rem; white-space: nowrap; }
.key-phrases { display: flex; flex-wrap: wrap; gap: .35rem; list-style: none; padding: 0; margin: 0; }
.key-phrases li { border: 1px solid #8a8a8a; border-radius: 999px; padding: 0 .6rem; font-size: .9rem; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem .9rem; list-style: none; padding: 0; font-size: .875rem; margin: 0 0 1rem; }
.article-text { font-family: Georgia, "Times New Roman", serif; font-size: 1.125rem; line-height: 1.75; max-width: 44rem; overflow-wrap: anywhere; }
.article-text p { white-space: pre-line; margin: 0 0 1.1em; }
mark { color: inherit; background: none; }
.summary { background: #fff1a8; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.summary-number { font-family: system-ui, sans-serif; font-size: .7em; font-weight: 700; vertical-align: .3em; padding: 0 .3em; margin-right: .3em; border: 1px solid #1b1b1b; border-radius: 3px; background: #fff; }
.entity { border-bottom: 2px solid; padding: 0 .05em; cursor: pointer; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.entity-person { background: #dbeafe; border-bottom-color: #1d4ed8; }
.entity-organization { background: #fce7f3; border-bottom: 3px double #9d174d; }
.entity-place { background: #dcfce7; border-bottom: 2px dashed #166534; }
.entity-other { background: #ede9fe; border-bottom: 2px dotted #5b21b6; }
.entity.selected { outline: 3px solid #1b1b1b; outline-offset: 1px; font-weight: 700; }
button.entity { font: inherit; color: inherit; border-top: 0; border-left: 0; border-right: 0; border-radius: 0; padding: 0 .15em; }
.date { border: 1px solid #0f5e58; border-radius: 3px; padding: 0 .1em; }
.number { border: 1px dashed #8a3a0c; border-radius: 3px; padding: 0 .1em; }
q.quote { font-style: italic; quotes: none; }
q.quote::before, q.quote::after { content: none; }
.speaker.speaking, .speaker:target { outline: 3px solid #8a3a0c; outline-offset: 2px; }
.speaker-link { font-family: system-ui, sans-serif; font-size: .7em; font-style: normal; margin-left: .15em; }
.tip { position: absolute; z-index: 10; max-width: min(22rem, calc(100vw - 16px)); padding: .5rem .7rem; border-radius: 6px; background: #1b1b1b; color: #fff; font: .875rem/1.4 system-ui, sans-serif; box-shadow: 0 2px 8px rgb(0 0 0 / .3); pointer-events: none; }
.tip-line { display: block; }
.facts { font-size: .95rem; }
.facts h2 { margin-top: 0; }
.fact-list { padding-left: 1.4rem; margin: 0; }
.fact-list li { margin-bottom: .45rem; overflow-wrap: anywhere; }
.fact-type { font-size: .85rem; }
.fact-meta, .count { color: #4a4a4a; font-size: .85rem; font-weight: 400; }
.fact-detail { display: block; font-size: .85rem; color: #333; }
.quote-text { font-style: italic; }
.removed table { border-collapse: collapse; width: 100%; font-size: .9rem; }
.removed th, .removed td { text-align: left; vertical-align: top; border-top: 1px solid #d0d0d0; padding: .35rem .5rem .35rem 0; overflow-wrap: anywhere; }
.removed summary { cursor: pointer; }
footer { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid #d0d0d0; font-size: .85rem; color: #4a4a4a; }
.articles { width: 100%; border-collapse: collapse; }
.articles th, .articles td { text-align: left; border-bottom: 1px solid #d0d0d0; padding: .4rem .5rem .4rem 0; overflow-wrap: anywhere; }
`;

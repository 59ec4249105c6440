/**
 * The widget's stylesheet, injected into its shadow root. Nothing here can match the host page
 * (shadow scoping), and the `:host` reset stops the page's inherited styles (fonts, colours,
 * `* { all: unset }`) from reaching in: `!important` in the shadow tree beats even `!important`
 * page rules on the host element.
 *
 * Sizes are in `em` off the host's `font-size: initial` (the citizen's browser default, usually
 * 16 px), never `rem`, which would follow the page's root font size (often shrunk to 10 px).
 * Colours come from custom properties set per widget (brand colours and the grey surface, see
 * colour-contrast.ts), so contrast is computed where it can be tested.
 */
export const WIDGET_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: static !important;
  visibility: visible !important;
  opacity: 1 !important;
  contain: none !important;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.root {
  --gc-ink: #1a1a1a;
  --gc-muted: #4a4a4a;
  --gc-line: #767676;
  --gc-gap: 1.25em;
  --gc-stack: 0;
  font: normal 1em/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans HK", "PingFang HK", "Microsoft JhengHei", sans-serif;
  color: var(--gc-ink);
  text-align: start;
  -webkit-text-size-adjust: 100%;
}
.root:lang(zh-CN) { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
.sr-only {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
}
button, textarea, input { font: inherit; color: inherit; margin: 0; }
button { cursor: pointer; }
button:disabled { cursor: not-allowed; }
a { color: var(--gc-accent-text); text-decoration: underline; text-underline-offset: 0.15em; }
:focus:not(:focus-visible) { outline: none; }
:focus-visible { outline: 3px solid var(--gc-accent-text); outline-offset: 2px; }
.header :focus-visible { outline-color: var(--gc-on-accent); outline-offset: 2px; }
.launcher:focus-visible { outline-color: var(--gc-on-accent); outline-offset: -6px; box-shadow: 0 0 0 3px var(--gc-accent); }

.launcher {
  position: fixed; z-index: 2147483000;
  bottom: calc(var(--gc-gap) + var(--gc-stack) * 4.25em);
  right: var(--gc-gap);
  display: inline-flex; align-items: center; gap: 0.5em;
  min-width: 3.5em; min-height: 3.5em; padding: 0.75em 1.1em;
  border: 2px solid var(--gc-on-accent); border-radius: 1.75em;
  background: var(--gc-accent); color: var(--gc-on-accent);
  font-weight: 600; box-shadow: 0 0.25em 1em rgba(0, 0, 0, 0.3);
  transition: transform 0.15s ease;
}
.launcher:hover { transform: translateY(-2px); }
.launcher svg { width: 1.5em; height: 1.5em; flex: none; }
.root[data-position="left"] .launcher { right: auto; left: var(--gc-gap); }

.panel {
  position: fixed; z-index: 2147483001;
  bottom: calc(var(--gc-gap) + 4.5em + var(--gc-stack) * 4.25em);
  right: var(--gc-gap);
  width: min(25em, calc(100vw - 2 * var(--gc-gap)));
  height: min(40em, calc(100vh - 7em - var(--gc-stack) * 4.25em));
  min-height: 16em;
  display: flex; flex-direction: column;
  background: #fff; color: var(--gc-ink);
  border: 1px solid var(--gc-line); border-radius: 0.75em; overflow: hidden;
  box-shadow: 0 0.5em 2em rgba(0, 0, 0, 0.25);
  animation: gc-rise 0.18s ease-out;
}
.root[data-position="left"] .panel { right: auto; left: var(--gc-gap); }
@keyframes gc-rise { from { opacity: 0; transform: translateY(0.75em); } to { opacity: 1; transform: none; } }

.header { background: var(--gc-accent); color: var(--gc-on-accent); padding: 0.5em 0.5em 0.5em 1em; flex: none; }
.header-top { display: flex; align-items: center; gap: 0.5em; }
.title { flex: 1; margin: 0; font-size: 1.15em; font-weight: 700; line-height: 1.3; overflow-wrap: anywhere; }
.toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em; margin-top: 0.35em; }
.langs { display: inline-flex; gap: 0.25em; }
.header button {
  min-width: 2.75em; min-height: 2.75em; padding: 0.25em 0.6em;
  background: transparent; color: var(--gc-on-accent);
  border: 1px solid var(--gc-on-accent); border-radius: 0.4em;
}
.header button[aria-pressed="true"], .header button[aria-expanded="true"] { background: var(--gc-on-accent); color: var(--gc-accent); font-weight: 700; }
.header .close { border-color: transparent; font-size: 1.1em; }
.header .close svg { width: 1.2em; height: 1.2em; vertical-align: middle; }

.banner { flex: none; margin: 0; padding: 0.5em 1em; background: #fff4ce; color: #4d3800; border-bottom: 1px solid #8a6d00; font-weight: 600; }
.contact { flex: none; padding: 0.75em 1em; border-bottom: 1px solid var(--gc-line); background: #fff; }
.contact h3 { margin: 0 0 0.25em; font-size: 1em; }
.contact ul, .contact-inline ul { list-style: none; margin: 0; padding: 0; }
.contact li { margin: 0.15em 0; }

/* No smooth scrolling: following a streaming answer must land at the bottom at once, every delta. */
.scroll { flex: 1; overflow-y: auto; padding: 1em; overscroll-behavior: contain; }
.greeting { margin: 0 0 0.75em; padding: 0.75em 1em; background: var(--gc-surface); border-radius: 0.75em; white-space: pre-wrap; }
.label { margin: 0.5em 0 0.25em; font-size: 0.9em; font-weight: 700; color: var(--gc-muted); }
ul.chips, .msg ul.chips { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4em; }
.chips button {
  text-align: start; padding: 0.4em 0.8em; min-height: 2.75em;
  background: #fff; color: var(--gc-accent-text);
  border: 1px solid var(--gc-accent-text); border-radius: 1.4em;
}
.chips button:hover:not(:disabled) { background: var(--gc-accent); color: var(--gc-on-accent); border-color: var(--gc-accent); }
.chips button:disabled { color: var(--gc-muted); border-color: var(--gc-line); }

.messages { list-style: none; margin: 0.75em 0 0; padding: 0; display: flex; flex-direction: column; gap: 0.75em; }
.msg { max-width: 92%; border-radius: 0.75em; padding: 0.6em 0.9em; overflow-wrap: anywhere; }
.msg p { margin: 0 0 0.5em; }
.msg p:last-child { margin-bottom: 0; }
.msg ul, .msg ol { margin: 0 0 0.5em; padding-inline-start: 1.4em; }
.question { align-self: flex-end; background: var(--gc-accent); color: var(--gc-on-accent); white-space: pre-wrap; }
.answer { align-self: flex-start; background: var(--gc-surface); }
.answer .error { color: #8c1a10; font-weight: 600; }
.answer .corrected { margin: 0 0 4px; font-size: 0.85em; font-style: italic; }
.answer .sources ul { margin: 0; padding-inline-start: 1.2em; list-style: disc; }
.answer .related { margin-top: 0.25em; }

.typing { display: inline-flex; gap: 0.3em; padding: 0.35em 0; }
.typing .dot { width: 0.5em; height: 0.5em; border-radius: 50%; background: var(--gc-muted); animation: gc-blink 1.2s infinite ease-in-out; }
.typing .dot:nth-child(2) { animation-delay: 0.2s; }
.typing .dot:nth-child(3) { animation-delay: 0.4s; }
@keyframes gc-blink { 0%, 80%, 100% { opacity: 0.25; } 40% { opacity: 1; } }

.feedback { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4em; margin-top: 0.5em; font-size: 0.9em; color: var(--gc-muted); }
.feedback button {
  display: inline-flex; align-items: center; justify-content: center;
  min-width: 2.75em; min-height: 2.75em; padding: 0.3em;
  background: #fff; color: var(--gc-ink); border: 1px solid var(--gc-line); border-radius: 0.4em;
}
.feedback button[aria-pressed="true"] { background: var(--gc-accent); color: var(--gc-on-accent); border-color: var(--gc-accent); }
.feedback svg { width: 1.25em; height: 1.25em; }
.comment { margin-top: 0.5em; display: flex; flex-direction: column; gap: 0.35em; }
.comment label { font-size: 0.9em; }
.comment textarea { min-height: 3.5em; }
.comment button, .composer .send {
  align-self: flex-start; min-height: 2.75em; padding: 0.4em 1em; font-weight: 600;
  background: var(--gc-accent); color: var(--gc-on-accent); border: 1px solid var(--gc-accent); border-radius: 0.4em;
}
.thanks { margin: 0.5em 0 0; font-size: 0.9em; color: var(--gc-muted); }

textarea {
  width: 100%; resize: none; padding: 0.55em 0.7em; line-height: 1.4;
  background: #fff; color: var(--gc-ink); border: 1px solid var(--gc-line); border-radius: 0.4em;
}
textarea::placeholder { color: #5f5f5f; opacity: 1; }
textarea[aria-disabled="true"] { background: var(--gc-surface); color: var(--gc-muted); }
.composer { flex: none; display: flex; align-items: flex-end; gap: 0.4em; padding: 0.6em; border-top: 1px solid var(--gc-line); background: #fff; }
.composer textarea { flex: 1; max-height: 8em; }
.composer .send { align-self: auto; }
.composer .send:disabled, .comment button:disabled { background: var(--gc-surface); color: var(--gc-muted); border-color: var(--gc-line); }
.mic {
  flex: none; min-width: 2.75em; min-height: 2.75em; padding: 0.3em;
  background: #fff; color: var(--gc-accent-text); border: 1px solid var(--gc-accent-text); border-radius: 50%;
}
.mic[aria-pressed="true"] { background: var(--gc-accent); color: var(--gc-on-accent); animation: gc-pulse 1.2s infinite; }
.mic svg { width: 1.3em; height: 1.3em; vertical-align: middle; }
@keyframes gc-pulse { 50% { box-shadow: 0 0 0 0.4em rgba(0, 0, 0, 0.12); } }

/* Phones, and desktops zoomed to 200 %+ on small windows: the panel takes the whole screen. */
@media (max-width: 480px), (max-height: 480px) {
  .panel { top: 0 !important; right: 0 !important; bottom: 0 !important; left: 0 !important; width: 100%; height: 100%; min-height: 0; border: 0; border-radius: 0; }
  .root.is-open .launcher { display: none; }
  .msg { max-width: 100%; }
}
/* Short screens (landscape phones, 200 % zoom): title, switch and close on one row to leave room for the conversation. */
@media (max-height: 480px) and (min-width: 481px) {
  .header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em; }
  .header-top { display: contents; }
  .title { order: 0; }
  .toolbar { order: 1; margin-top: 0; }
  .header .close { order: 2; }
}
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; }
  .typing .dot { opacity: 0.7; }
}
@media (forced-colors: active) {
  .launcher, .panel, .msg, .chips button, .feedback button, .header button { border: 1px solid CanvasText; }
}
@media print { .root { display: none; } }
`;

/**
 * The exported page's only styling: a readable measure, system fonts, and light or dark
 * following the reader's system (prefers-color-scheme). Inline because the file must work
 * offline on its own.
 */
export const PAGE_STYLESHEET = `:root{color-scheme:light dark;--fg:#1d1d1f;--bg:#fdfdfc;--muted:#5f6368;--rule:#d9d9d6;--accent:#0b57d0;--code-bg:#f1f1ef}
@media (prefers-color-scheme:dark){:root{--fg:#e6e6e3;--bg:#161617;--muted:#a0a0a5;--rule:#3a3a3c;--accent:#8ab4f8;--code-bg:#232325}}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--fg);-webkit-text-size-adjust:100%}
body{margin:0;font:1.125rem/1.65 Charter,"Iowan Old Style",Georgia,Cambria,"Times New Roman",serif}
main{max-width:42rem;margin:0 auto;padding:3rem 1.25rem 4rem}
h1,h2,h3,h4,h5,h6{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.25;margin:2em 0 .6em}
h1{font-size:2.1rem;margin-top:0}h2{font-size:1.6rem}h3{font-size:1.3rem}h4,h5,h6{font-size:1.1rem}
header{margin-bottom:2.5rem}header .date{color:var(--muted);font-size:.95rem;margin:.25rem 0 0}
p,ul,ol,blockquote,pre{margin:0 0 1.1em}
ul,ol{padding-left:1.6em}li>ul,li>ol{margin:.3em 0}li+li{margin-top:.25em}
a{color:var(--accent);text-underline-offset:.15em}
blockquote{margin-left:0;padding-left:1.1em;border-left:3px solid var(--rule);color:var(--muted)}
code{font:.9em/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--code-bg);padding:.1em .3em;border-radius:4px}
pre{background:var(--code-bg);padding:1em;border-radius:6px;overflow-x:auto}pre code{background:none;padding:0}
hr{border:0;border-top:1px solid var(--rule);margin:2.5em 0}
img{max-width:100%;height:auto}
@media print{html{background:#fff;color:#000}main{max-width:none;padding:0}a{color:inherit}}`

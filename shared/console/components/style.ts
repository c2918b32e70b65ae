import { createHash } from 'node:crypto';

/**
 * The console's one stylesheet. It is inlined and allowed by its hash in the Content-Security-Policy,
 * which allows nothing else: no script, no other style, no image, no frame.
 * Colours meet WCAG AA contrast on their backgrounds.
 */
export const CONSOLE_STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;background:#f4f6f8;line-height:1.5}
body{margin:0}
a{color:#2f4ac0}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
header{background:#fff;border-bottom:1px solid #e4e7eb}
.bar{max-width:64rem;margin:0 auto;padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
.brand{font-weight:700;color:#2f4ac0;letter-spacing:.02em;text-decoration:none}
.who{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;color:#52606d;font-size:.95rem}
main{max-width:64rem;margin:0 auto;padding:1.5rem 1rem 3rem}
main.narrow{max-width:28rem}
.card{background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.08),0 8px 24px rgba(0,0,0,.05);padding:1.5rem;margin-bottom:1rem}
h1{font-size:1.4rem;margin:0 0 1rem}
h2{font-size:1.1rem;margin:0 0 .5rem}
p{margin:.5rem 0}
label{display:block;font-weight:600;margin:1rem 0 .35rem}
input[type=email],input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:.6rem .7rem;border:1px solid #9aa5b1;border-radius:8px;font:inherit}
.hint{color:#52606d;font-size:.9rem;margin:.25rem 0 0}
button,.button{display:inline-block;font:inherit;padding:.55rem 1.1rem;border-radius:8px;border:1px solid #9aa5b1;background:#fff;color:#1f2933;cursor:pointer;text-decoration:none}
button.primary,.button.primary{background:#2f4ac0;border-color:#2f4ac0;color:#fff}
button.link{border:none;background:none;padding:0;color:#2f4ac0;text-decoration:underline}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.25rem}
.or{display:flex;align-items:center;gap:.75rem;color:#52606d;margin:1.5rem 0 .5rem}.or::before,.or::after{content:"";flex:1;border-top:1px solid #e4e7eb}
.notice{background:#e6f4ea;color:#1e4620;padding:.6rem .8rem;border-radius:8px}
.error{background:#fdecea;color:#8a1c1c;padding:.6rem .8rem;border-radius:8px}
.muted{color:#52606d}
ul.people{list-style:none;margin:0;padding:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr))}
.person h2{margin-bottom:.25rem}
.person dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem .75rem;margin:.75rem 0}
.person dt{color:#52606d}
.person dd{margin:0;overflow-wrap:anywhere}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:999px;font-size:.85rem;font-weight:600}
.badge.on{background:#e6f4ea;color:#1e4620}.badge.off{background:#eef0f3;color:#3e4c59}
.reason{color:#52606d;font-size:.95rem;border-left:3px solid #cbd2d9;padding-left:.6rem}
nav.pages{display:flex;gap:1rem;margin-top:1rem}
nav.admin{max-width:64rem;margin:0 auto;padding:0 1rem .5rem}
nav.admin ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .5rem}
nav.admin a{display:inline-block;padding:.3rem .6rem;border-radius:6px;text-decoration:none}
nav.admin a[aria-current=page]{background:#2f4ac0;color:#fff}
fieldset{border:1px solid #cbd2d9;border-radius:8px;margin:1rem 0;padding:.5rem 1rem 1rem}
legend{font-weight:600;padding:0 .25rem}
label.check{display:flex;gap:.5rem;align-items:flex-start;font-weight:400;margin:.5rem 0}
label.check input{margin-top:.3rem}
textarea,select,input[type=number],input[type=search]{width:100%;box-sizing:border-box;padding:.5rem .7rem;border:1px solid #9aa5b1;border-radius:8px;font:inherit;background:#fff;color:#1f2933}
textarea{min-height:5rem}
.warning{background:#fff4e5;color:#663c00;padding:.6rem .8rem;border-radius:8px}
table{width:100%;border-collapse:collapse;background:#fff}
th,td{text-align:left;padding:.5rem;border-bottom:1px solid #e4e7eb;vertical-align:top}
th{color:#3e4c59;font-weight:600}
.table-wrap{overflow-x:auto}
.inline{display:inline}
.set-by-hand{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.35rem 0 .5rem}
.set-by-hand label{margin:0;font-weight:400}
.set-by-hand input[type=text]{flex:1 1 12rem;width:auto}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem .75rem;margin:.75rem 0}
dl.facts dt{color:#52606d}dl.facts dd{margin:0;overflow-wrap:anywhere}
code,.secret{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;overflow-wrap:anywhere;background:#eef0f3;padding:.1rem .3rem;border-radius:4px}
button.danger{background:#b42318;border-color:#b42318;color:#fff}
`;

export const CONSOLE_STYLE_HASH = createHash('sha256').update(CONSOLE_STYLE, 'utf8').digest('base64');

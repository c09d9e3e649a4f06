// The static site's own stylesheet (style.css in the zip): light, readable, print-friendly, no web font.
export const siteCss = `*{box-sizing:border-box}
body{margin:0;font:1rem/1.6 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1b1b1b;background:#fff}
a{color:#1d4f91}a:focus-visible{outline:3px solid #1d4f91;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header.site,footer.site{background:#f3f1ec;padding:1rem}
header.site p{margin:0;font-weight:600}
nav ul{list-style:none;padding:0;margin:.5rem 0 0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
main{max-width:48rem;margin:0 auto;padding:1rem}
h1,h2,h3{line-height:1.25}
.meta{color:#4a4a4a;font-size:.95rem}
.tags{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.workshops{list-style:none;padding:0}.workshops>li{border-top:1px solid #ddd;padding:.75rem 0}
.badge{display:inline-block;border:1px solid #1b1b1b;border-radius:.25rem;padding:0 .4rem;font-size:.85rem}
.withdrawn{border:2px solid #8a1c1c;color:#8a1c1c;padding:.5rem 1rem}
.cite{background:#f3f1ec;padding:.75rem 1rem}
.content{font-family:Georgia,'Times New Roman',serif;font-size:1.05rem}
.content img{max-width:100%}
table{border-collapse:collapse}td,th{border:1px solid #999;padding:.25rem .5rem;text-align:left}
footer.site{margin-top:2rem;font-size:.9rem}
@media print{header.site nav,footer.site,.downloads,.skip{display:none}body{font-size:11pt}main{max-width:none;padding:0}a{color:inherit}.content a[href^="http"]::after{content:" (" attr(href) ")"}h1,h2,h3{break-after:avoid}}
`;

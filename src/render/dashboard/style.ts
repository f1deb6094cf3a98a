// The page's one stylesheet. Literal colours rather than custom properties, and flexbox rather
// than grid, so that older intranet browsers still draw the page. Fonts are the system's: the
// page carries none, and Chinese text must come out in whatever CJK font the machine has.
const FONTS =
  '"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","微软雅黑","PingFang SC","Hiragino Sans GB",' +
  '"WenQuanYi Micro Hei","SimHei","黑体","SimSun","宋体",sans-serif';

const LIGHT_COLOURS: ReadonlyArray<readonly [string, string, string]> = [
  // light, fill, text on the fill
  ['red', '#d32f2f', '#fff'],
  ['yellow', '#f2b600', '#3a2c00'],
  ['green', '#43a047', '#fff'],
  ['done_late', '#8fb3de', '#0d2b4d'],
  ['done', '#1e63b0', '#fff'],
  ['suspended', '#b8bec4', '#222'],
  ['cancelled', '#e3e6e9', '#222'],
];

const lightRules = LIGHT_COLOURS.map(
  ([light, fill, ink]) => `.l-${light} rect{fill:${fill}}.l-${light} text{fill:${ink}}.l-${light} i,.dot.l-${light}{background:${fill}}`,
).join('\n');

export const STYLE = `
*{box-sizing:border-box}
html{font-family:${FONTS};font-size:14px;line-height:1.5;color:#1d2329;background:#eef1f4;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0 auto;max-width:1440px;padding:12px 16px 24px}
[hidden]{display:none!important}
header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;gap:4px 16px;border-bottom:3px solid #b71c1c;padding-bottom:6px;margin-bottom:12px}
h1{font-size:24px;margin:0;letter-spacing:1px}
header .asof{font-size:18px;font-weight:700;color:#b71c1c;margin:0}
h2{font-size:16px;margin:0 0 8px}
h2 small{font-weight:400;color:#5f6b76;margin-left:4px;font-size:14px}
h2 .shown{color:#1e63b0;font-weight:700}
.scope{background:#e8f0fa;border:1px solid #8fb3de;padding:6px 10px;border-radius:4px}
.warn{background:#fff4e5;border:1px solid #f0b35b;padding:6px 10px;border-radius:4px}
.tiles{display:flex;flex-wrap:wrap;gap:10px;margin-bottom:12px}
.tile{flex:1 1 150px;background:#fff;border:1px solid #dde2e7;border-top:4px solid #5f6b76;border-radius:6px;padding:8px 12px}
.tile .label{color:#47525c;font-size:14px}
.tile .round{font-size:12px;color:#47525c}
.tile .figure{font-size:34px;font-weight:700;line-height:1.15;font-variant-numeric:tabular-nums}
.tile .figure small{font-size:16px;font-weight:400;margin-left:2px}
.t-red{border-top-color:#d32f2f}.t-red .figure{color:#c62828}
.t-yellow{border-top-color:#f2b600}.t-yellow .figure{color:#9a7000}
.t-done,.t-rate{border-top-color:#1e63b0}.t-done .figure,.t-rate .figure{color:#1e63b0}
.t-on_time_rate{border-top-color:#43a047}
.changes{list-style:none;margin:2px 0 0;padding:0;font-size:12px;color:#5f6b76}
.changes li{white-space:nowrap}
.changes b{font-weight:700;margin-left:2px}
.changes .good b{color:#2e7d32}.changes .bad b{color:#c62828}.changes .flat b{color:#5f6b76}
.hint{display:none;color:#5f6b76;font-size:13px;margin:0 0 8px}
.js .hint{display:block}
.filter{position:sticky;top:0;z-index:2;background:#1e63b0;color:#fff;padding:6px 12px;border-radius:4px;margin:0 0 10px}
.filter button{margin-left:12px;font:inherit;background:#fff;color:#1e63b0;border:0;border-radius:3px;padding:1px 10px;cursor:pointer}
.cols{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:12px}
.cols>.card{flex:1 1 480px;min-width:0;margin-bottom:0}
.card{background:#fff;border:1px solid #dde2e7;border-radius:6px;padding:10px 14px;margin-bottom:12px}
.note{margin:0 0 4px;font-size:16px;font-weight:700;color:#1e63b0}
.note.behind{color:#b71c1c}
svg{display:block;width:100%;height:auto;overflow:visible}
svg text{font-size:13px;fill:#333}
.completion .axis{fill:#5f6b76;font-size:12px}
.completion .grid{stroke:#e6e9ed}
.completion .tick{stroke:#9aa4ad}
.completion .diag{stroke:#8a949e;stroke-width:1.5;stroke-dasharray:6 4}
.completion .diag-label,.completion .diag-value{fill:#5f6b76;font-size:12px}
.completion .diag-dot{fill:#8a949e}
.completion .asof{stroke:#b71c1c;stroke-dasharray:2 3}
.completion .asof-label{fill:#b71c1c;font-size:12px;font-weight:700}
.completion .done-line{fill:none;stroke:#1e63b0;stroke-width:3;stroke-linejoin:round}
.completion .done-area{fill:#1e63b0;fill-opacity:.08}
.completion .done-dot{fill:#1e63b0}
.completion .done-value{fill:#1e63b0;font-size:16px;font-weight:700}
.completion .key text{font-size:12px}
.completion .key .diag{stroke:#8a949e;stroke-width:1.5;stroke-dasharray:6 4}
table{width:100%;border-collapse:collapse;font-size:13px}
th{text-align:left;font-weight:600}
thead th{background:#f0f2f5;border-bottom:1px solid #cfd5db}
td,th{padding:4px 6px;vertical-align:top}
tbody tr{border-bottom:1px solid #eceff2}
.bars th{width:1%;white-space:nowrap;font-weight:400;padding:3px 8px 3px 0;text-align:right;vertical-align:middle}
.bars td{vertical-align:middle;padding:3px 0}
.bars td.count{width:1%;white-space:nowrap;padding-left:6px;color:#47525c}
.bars tbody tr{border:0}
.bars.lead th{font-size:14px}
.bars svg{width:100%}
.seg text{font-size:12px;font-weight:700}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:4px 14px;margin:6px 0 0;padding:0;font-size:13px}
.legend i{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:4px;vertical-align:-1px}
.dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:5px}
td.id{white-space:nowrap;color:#5f6b76;font-variant-numeric:tabular-nums}
td.who,td.date{white-space:nowrap}
td.days{white-space:nowrap;text-align:right;color:#c62828;font-weight:700;font-variant-numeric:tabular-nums}
td.days .sub{font-weight:400}
td.title{width:26%}
td.why{color:#47525c;width:20%}
td.latest{width:30%}
td.latest time{color:#5f6b76;margin-right:4px}
td.bar{width:34%}
td.value{white-space:nowrap;font-variant-numeric:tabular-nums}
.sub{color:#5f6b76;font-size:12px}
.muted,.none td,p.none{color:#8a949e}
.key{color:#5f6b76;font-size:13px;margin:-4px 0 6px}
.more{color:#5f6b76;font-size:13px;margin:6px 0 0}
.target .track{fill:#eceff2}
.target .actual{fill:#1e63b0}
.target .actual.over{fill:#d32f2f}
.target .goal{stroke:#1d2329;stroke-width:2}
.target .pace{fill:#b71c1c}
table.grid{width:auto}
table.grid th,table.grid td{padding:2px 8px;text-align:center;white-space:nowrap}
table.grid tbody th{text-align:right;font-weight:400}
table.grid td{min-width:3.2em;border:2px solid #fff;font-weight:700}
.p-on_time{background:#e2f1e3;color:#2e7d32}
.p-late{background:#fdefc3;color:#8a6100}
.p-missing{background:#f9d6d6;color:#c62828}
.p-not_due{background:#f4f5f7}
.p-none{color:#b8bec4}
.pkey i{display:inline-block;min-width:1.6em;text-align:center;font-style:normal;font-weight:700;margin-right:4px;border-radius:2px}
${lightRules}
.js [data-pick]{cursor:pointer}
.js .name[data-pick]:hover{text-decoration:underline}
.js .tile[data-pick]:hover{border-color:#9aa4ad}
[data-pick]:focus{outline:2px solid #1e63b0;outline-offset:1px}
.name.picked{font-weight:700;color:#1e63b0;text-decoration:underline}
.seg.picked rect{stroke:#1d2329;stroke-width:3}
.legend .picked,.tile.picked{outline:2px solid #1e63b0}
footer{color:#5f6b76;font-size:12px;margin-top:8px}
@page{size:A4 landscape;margin:10mm}
@media print{
html{background:#fff;font-size:12px}
body{max-width:none;padding:0}
.hint,.filter button{display:none!important}
.filter{position:static;background:none;color:#1d2329;border:1px solid #1e63b0}
.card,.tile{break-inside:avoid;page-break-inside:avoid}
.card.list,.card.tall{break-inside:auto;page-break-inside:auto}
tr,svg{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
h2{break-after:avoid;page-break-after:avoid}
.tile{flex-basis:100px;padding:6px 8px}
.tile .figure{font-size:28px}
.completion text{font-size:15px}
.completion .done-value{font-size:20px}
}
`;

// The report's stylesheet, inline: A4 pages, the brand's colour on titles and bars.
export function stylesheet(colour: string): string {
  return `
@page { size: A4; margin: 14mm 13mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.4 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #222; margin: 0; }
header { display: flex; align-items: center; gap: 12px; border-bottom: 3px solid ${colour}; padding-bottom: 8px; margin-bottom: 10px; }
.logo { height: 40px; }
h1 { font-size: 17pt; margin: 0; color: ${colour}; }
h2 { font-size: 12.5pt; color: ${colour}; margin: 14px 0 6px; }
h3 { font-size: 11pt; margin: 10px 0 4px; }
.period { color: #555; }
.muted { color: #777; }
.note { color: #777; font-size: 8.5pt; }
.good { color: #2e7d32; font-weight: 600; }
.bad { color: #c62828; font-weight: 600; }
.headline { display: flex; gap: 10px; }
.big { flex: 1; border: 1px solid #ddd; border-top: 4px solid ${colour}; border-radius: 6px; padding: 8px 10px; }
.big-value { font-size: 22pt; font-weight: 700; }
.big-label { font-weight: 600; }
.tiles { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; margin-top: 10px; }
.tile { border: 1px solid #ddd; border-radius: 6px; padding: 7px 9px; break-inside: avoid; }
.tile-head { display: flex; justify-content: space-between; gap: 6px; align-items: start; }
.tile-name { font-weight: 600; font-size: 9.5pt; }
.tile-kpi { color: #666; font-size: 8.5pt; }
.tile-value { font-size: 14pt; font-weight: 700; margin: 2px 0 4px; }
.tile-value .muted { font-size: 10pt; font-weight: 400; }
.tile-facts { width: 100%; font-size: 8.5pt; border-collapse: collapse; margin-top: 3px; }
.tile-facts td:last-child { text-align: right; }
.status { color: #fff; border-radius: 9px; padding: 1px 7px; font-size: 8pt; white-space: nowrap; }
.movers { margin: 0; padding-left: 18px; }
.detail { break-before: page; }
.detail + .detail { break-before: auto; }
table.grid { width: 100%; border-collapse: collapse; }
table.grid td, table.grid th { border-bottom: 1px solid #eee; padding: 4px 6px; text-align: left; vertical-align: top; }
table.grid th { font-size: 8.5pt; color: #666; font-weight: 600; }
.platform { text-transform: capitalize; color: #555; white-space: nowrap; }
.funnel .stage { display: flex; gap: 10px; align-items: baseline; background: ${colour}14; border-left: 4px solid ${colour}; padding: 5px 10px; margin: 3px 0; }
.funnel .stage span { flex: 1; }
.funnel .bridge { color: #555; font-size: 9pt; padding-left: 18px; }
.threads { padding-left: 18px; }
.quote { color: #555; font-style: italic; font-size: 9pt; }
footer { margin-top: 16px; color: #888; font-size: 8pt; border-top: 1px solid #ddd; padding-top: 4px; }
@media screen { body { max-width: 210mm; margin: 20px auto; padding: 0 12mm; } }
`;
}

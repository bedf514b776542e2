// Machine-checkable ND30 assertions (spec §9, 1–36, and ours from 40) on a generated .docx.
// checkNd30(buffer) → list of violations, each prefixed "[n]" with the assertion number.
import { KIND_ABBREVIATIONS, ND30_DRAFT_DATE_RE, SO_LINE_RE } from '../../shared/nd30.js';
import { textWidthTw } from '../../electron/documents/text-width.js';
import { attr, descendants, kid, kids, numAttr, readDocx, readParagraph, relId, type Cell, type DocxParts, type Para, type Table } from './docx-xml.js';

const TNR = 'Times New Roman';
const DEFAULT_CELL_MARGIN = 108;
const nonEmpty = (p: Para) => p.text.trim().length > 0;
const textRuns = (p: Para) => p.runs.filter((r) => r.text.trim());
const pt = (halfPoints: number | undefined) => (halfPoints ?? 20) / 2;
/** Size of a paragraph: the size of its text runs when they agree, else NaN. */
function sizeOf(p: Para): number {
  const sizes = [...new Set(textRuns(p).map((r) => pt(r.props.sz)))];
  return sizes.length === 1 ? sizes[0]! : NaN;
}
const allRuns = (p: Para, f: (r: Para['runs'][number]) => boolean) => textRuns(p).length > 0 && textRuns(p).every(f);
const isBold = (p: Para) => allRuns(p, (r) => !!r.props.b);
const isItalic = (p: Para) => allRuns(p, (r) => !!r.props.i);
const noneBold = (p: Para) => textRuns(p).every((r) => !r.props.b);
const isUpper = (s: string) => s === s.toLocaleUpperCase('vi');
const centredP = (p: Para) => p.props.jc === 'center';
const between = (v: number, lo: number, hi: number) => v >= lo && v <= hi;
const isLine = (p: Para | undefined) => !!p && !nonEmpty(p) && !!p.props.borderBottom;

function cellContentWidth(cell: Cell, table: Table): number {
  const l = cell.margins.left ?? table.cellMargins.left ?? DEFAULT_CELL_MARGIN;
  const r = cell.margins.right ?? table.cellMargins.right ?? DEFAULT_CELL_MARGIN;
  return (cell.width ?? 0) - l - r;
}
const lineLength = (p: Para, width: number) => width - (p.props.left ?? 0) - (p.props.right ?? 0);

const KIND_BY_NAME = new Map(Object.entries(KIND_ABBREVIATIONS).map(([name, abbr]) => [name.toLocaleUpperCase('vi'), abbr]));
const ALL_ABBRS = new Set(Object.values(KIND_ABBREVIATIONS));
const AUTH_PREFIX = /^(TM|KT|TL|TUQ|Q)\. /;

export interface CheckContext { parts: DocxParts; errors: string[] }

export async function checkNd30(buffer: Uint8Array): Promise<string[]> {
  const parts = await readDocx(buffer);
  const errors: string[] = [];
  const fail = (n: number, msg: string) => errors.push(`[${n}] ${msg}`);
  const { sections } = parts;
  if (!sections.length) return ['[0] no section'];

  // 1–4, 31, 32: sections
  // A phụ lục section is recognised case-insensitively ("PHỤ LỤC" is then reported by [33]).
  const isAppendix = (i: number) =>
    i > 0 && /^phụ lục( [ivx]+)?$/.test((sections[i]!.blocks.find((b): b is Para => b.kind === 'p' && nonEmpty(b))?.text ?? '').trim().toLocaleLowerCase('vi'));
  sections.forEach((s, i) => {
    const sz = kid(s.sectPr, 'pgSz');
    const w = numAttr(sz, 'w') ?? 0, h = numAttr(sz, 'h') ?? 0, orient = attr(sz, 'orient');
    const portrait = Math.abs(w - 11906) <= 2 && Math.abs(h - 16838) <= 2 && orient !== 'landscape';
    const landscape = Math.abs(w - 16838) <= 2 && Math.abs(h - 11906) <= 2 && orient === 'landscape';
    if (!portrait && !landscape) fail(1, `section ${i + 1}: pgSz ${w}×${h} orient=${orient ?? '-'}`);
    if (i === 0 && !portrait) fail(2, 'section 1 is not portrait');
    if (i > 0 && landscape && !isAppendix(i)) fail(2, `section ${i + 1} is landscape but is not a phụ lục`);
    if (isAppendix(i) && !landscape && s.blocks.some((b) => b.kind === 'tbl' && b.grid.length >= 5)) fail(2, `section ${i + 1}: phụ lục table of ≥5 columns in a portrait section`);
    const m = kid(s.sectPr, 'pgMar');
    const top = numAttr(m, 'top') ?? 0, bottom = numAttr(m, 'bottom') ?? 0, left = numAttr(m, 'left') ?? 0, right = numAttr(m, 'right') ?? 0, header = numAttr(m, 'header') ?? 0;
    if (!between(top, 1133, 1418)) fail(3, `section ${i + 1}: top margin ${top}`);
    if (!between(bottom, 1133, 1418)) fail(3, `section ${i + 1}: bottom margin ${bottom}`);
    if (!between(left, 1700, 1985)) fail(3, `section ${i + 1}: left margin ${left}`);
    if (!between(right, 850, 1134)) fail(3, `section ${i + 1}: right margin ${right}`);
    if (header > 720) fail(4, `section ${i + 1}: header distance ${header} > 720`);
    checkHeaders(parts, s.sectPr, i, header, top, fail);
    if (isAppendix(i) && attr(kid(s.sectPr, 'pgNumType'), 'start') !== '1') fail(32, `section ${i + 1}: phụ lục does not restart numbering at 1`);
    // Its page 2 must print "2": Arabic numerals, not roman/letters/"1-2" chapter numbers.
    const fmt = attr(kid(s.sectPr, 'pgNumType'), 'fmt');
    if (isAppendix(i) && ((fmt && fmt !== 'decimal') || attr(kid(s.sectPr, 'pgNumType'), 'chapStyle'))) fail(32, `section ${i + 1}: phụ lục pages numbered as ${fmt ?? 'chapter-number'}, not 1, 2, 3`);
  });
  for (const [name, root] of parts.parts) {
    if (!/^word\/footer\d*\.xml$/.test(name)) continue;
    if (descendants(root, 'instrText').some((t) => /\bPAGE\b/.test(t.textContent ?? '')) || descendants(root, 'fldSimple').some((f) => /\bPAGE\b/.test(attr(f, 'instr') ?? '')))
      fail(31, `${name}: PAGE field in a footer`);
  }

  // 5–7, 35: every run, everywhere in the body (tables included)
  const everyPara: Array<{ p: Para; inTable: boolean }> = [];
  const collect = (blocks: Array<Para | Table>, inTable: boolean) => {
    for (const b of blocks) {
      if (b.kind === 'p') everyPara.push({ p: b, inTable });
      else for (const row of b.rows) for (const c of row.cells) { c.paragraphs.forEach((p) => everyPara.push({ p, inTable: true })); collect(c.tables, true); }
    }
  };
  sections.forEach((s) => collect(s.blocks, false));
  const fontIssues = new Set<string>();
  const sizeIssues = new Set<string>();
  for (const { p, inTable } of everyPara) {
    for (const r of p.runs) {
      if (!r.text.trim() && !r.field) continue;
      for (const slot of ['ascii', 'hAnsi', 'cs']) if (r.props.fonts[slot] !== TNR) fontIssues.add(`${slot}=${r.props.fonts[slot] ?? '(none)'}`);
      if (r.props.color && !['auto', '000000'].includes(r.props.color)) fail(6, `run colour ${r.props.color}: "${r.text.slice(0, 30)}"`);
      if (r.props.highlight && r.props.highlight !== 'none') fail(6, `highlight on "${r.text.slice(0, 30)}"`);
      const sz = r.props.sz ?? 20;
      if (sz % 2) sizeIssues.add(`odd size ${sz / 2}pt`);
      if (!inTable && !between(sz / 2, 11, 14)) sizeIssues.add(`size ${sz / 2}pt outside tables: "${r.text.slice(0, 30)}"`);
    }
  }
  fontIssues.forEach((f) => fail(5, `run font ${f}`));
  sizeIssues.forEach((s) => fail(7, s));
  for (const [name, root] of parts.parts) {
    if (!name.startsWith('word/') || name.includes('_rels')) continue;
    for (const f of descendants(root, 'rFonts')) for (const a of ['ascii', 'hAnsi', 'cs', 'eastAsia']) if (/^(\.Vn|VNI)/i.test(attr(f, a) ?? '')) fail(5, `${name}: legacy font ${attr(f, a)}`);
    if (/^word\/(document|styles|header\d*|footer\d*)\.xml$/.test(name)) {
      for (const c of descendants(root, 'color')) { const v = attr(c, 'val'); if (v && !['auto', '000000'].includes(v)) fail(6, `${name}: colour ${v}`); }
      for (const t of descendants(root, 't')) {
        const s = t.textContent ?? '';
        if (s !== s.normalize('NFC')) fail(35, `${name}: text not NFC: "${s.slice(0, 30)}"`);
        if (s.includes('\u00D0')) fail(35, `${name}: U+00D0 (Ð) in "${s.slice(0, 30)}"`);
      }
    }
  }

  checkMainSection(sections[0]!.blocks, fail);
  checkContactFooter(parts, sections[0]!.sectPr, fail);
  sections.forEach((s, i) => {
    if (isAppendix(i)) checkAppendix(s.blocks, i, fail);
    else if (i > 0) checkIssuedWith(s.blocks, s.sectPr, i, fail);
  });
  // the text that refers to the phụ lục: the document, and what a Quyết định issues with it
  const mainText = sections.filter((_, i) => !isAppendix(i)).flatMap((s) => s.blocks.filter((b): b is Para => b.kind === 'p').map((p) => p.text)).join('\n');
  if (sections.some((_, i) => isAppendix(i)) && !mainText.includes('Phụ lục')) fail(34, 'phụ lục present but the main text does not mention "Phụ lục"');
  return errors;
}

type Fail = (n: number, msg: string) => void;

/** [40] Stacked upper-case lines keep room for Vietnamese accents: line ≥ 1.15 × single. */
function checkStacked(p: Para | undefined, what: string, fail: Fail) {
  if (!p || !nonEmpty(p)) return;
  const { line, lineRule } = p.props;
  const ok = lineRule === 'exact' || lineRule === 'atLeast' ? (line ?? 0) >= sizeOf(p) * 20 * 1.15 : (line ?? 240) >= 276;
  if (!ok) fail(40, `${what} "${p.text.slice(0, 30)}" line ${line ?? 240} ${lineRule ?? 'auto'}: accents of capitals can touch the line above`);
}

/** [43] Ô 13 (address, phone, e-mail, website): page 1 foot, 11–12 pt, upright, under a full-width line. */
function checkContactFooter(parts: DocxParts, sectPr: Parameters<typeof kids>[0], fail: Fail) {
  const ref = kids(sectPr, 'footerReference').find((r) => attr(r, 'type') === 'first');
  const footer = ref ? parts.related.get(relId(ref)) : undefined;
  if (!footer) return;
  const paras = kids(footer, 'p').map((p) => readParagraph(p, parts.styles)).filter(nonEmpty);
  if (!paras.length) return;
  if (!paras[0]!.props.borders.includes('top')) fail(43, 'Ô 13: no solid line above the address');
  for (const p of paras) if (!between(sizeOf(p), 11, 12) || !noneBold(p) || textRuns(p).some((r) => r.props.i)) fail(43, `Ô 13 "${p.text.slice(0, 30)}" format`);
}

/** [42] A document issued with a Quyết định: header, tên loại, trích yếu, "(Ban hành kèm theo …)", content ending "./.". */
function checkIssuedWith(blocks: Array<Para | Table>, sectPr: Parameters<typeof kids>[0], i: number, fail: Fail) {
  const header = blocks[0];
  if (header?.kind !== 'tbl') return fail(42, `section ${i + 1}: the attached document does not open with the header table`);
  const qh = header.rows[0]?.cells[1]?.paragraphs.find(nonEmpty);
  if (!qh || !/^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/.test(qh.text.trim())) fail(42, `section ${i + 1}: no quốc hiệu in the attached document`);
  const ps = blocks.slice(1).filter((b): b is Para => b.kind === 'p' && nonEmpty(b));
  const [name, ...rest] = ps;
  if (!name || !KIND_BY_NAME.has(name.text.trim()) || !isBold(name) || !centredP(name)) fail(42, `section ${i + 1}: tên loại "${name?.text ?? ''}"`);
  const issued = rest.find((p) => /^\(Ban hành kèm theo Quyết định số .+\)$/.test(p.text.trim()));
  if (!issued || !isItalic(issued) || !centredP(issued)) fail(42, `section ${i + 1}: no "(Ban hành kèm theo Quyết định số …)" line`);
  const last = ps[ps.length - 1];
  if (!last || !last.text.trimEnd().endsWith('./.')) fail(42, `section ${i + 1}: the attached document does not end with "./."`);
  if (attr(kid(sectPr, 'pgNumType'), 'start') !== '1') fail(42, `section ${i + 1}: the attached document does not number its pages from 1`);
  checkStacked(name, 'tên loại', fail);
}

function checkHeaders(parts: DocxParts, sectPr: Parameters<typeof kids>[0], i: number, headerDist: number, top: number, fail: Fail) {
  if (!kid(sectPr, 'titlePg') || attr(kid(sectPr, 'titlePg'), 'val') === 'false') fail(31, `section ${i + 1}: titlePg not set (page 1 would show a number)`);
  const refs = kids(sectPr, 'headerReference');
  const byType = new Map(refs.map((r) => [attr(r, 'type') ?? 'default', parts.related.get(relId(r))]));
  const def = byType.get('default');
  const first = byType.get('first');
  if (!def) fail(31, `section ${i + 1}: no default header`);
  else {
    const paras = kids(def, 'p').map((p) => readParagraph(p, parts.styles));
    const pageP = paras.find((p) => p.runs.some((r) => /^PAGE\b/.test(r.field ?? '')));
    if (!pageP) fail(31, `section ${i + 1}: default header has no PAGE field`);
    else {
      if (pageP.props.jc !== 'center') fail(31, `section ${i + 1}: page number not centred`);
      const size = pt(pageP.runs.find((r) => r.field)?.props.sz);
      if (!between(size, 13, 14)) fail(31, `section ${i + 1}: page number ${size}pt`);
      if (headerDist + size * 20 * 1.15 > top) fail(4, `section ${i + 1}: page number does not fit in the top margin`);
    }
  }
  if (!first) fail(31, `section ${i + 1}: no first-page header`);
  else if ((first.textContent ?? '').trim() || descendants(first, 'instrText').length || descendants(first, 'fldSimple').length) fail(31, `section ${i + 1}: first-page header not empty`);
}

function checkMainSection(blocks: Array<Para | Table>, fail: Fail) {
  const tables = blocks.map((b, i) => [b, i] as const).filter((x): x is readonly [Table, number] => x[0].kind === 'tbl');
  const header = tables[0];
  if (!header) return fail(8, 'no header table');
  const [ht, hIdx] = header;
  // 8
  if (ht.borders.length || ht.rows.some((r) => r.cells.some((c) => c.borders.length))) fail(8, `header table has visible borders (${ht.borders.join(',')})`);
  if (ht.grid.length !== 2) fail(8, `header table has ${ht.grid.length} columns`);
  const [row1, row2] = ht.rows;
  const left1 = row1?.cells[0], right1 = row1?.cells[1];
  if (!left1 || !right1) return fail(8, 'header table row 1 needs 2 cells');
  const rp = right1.paragraphs.filter(nonEmpty);
  const qh = rp[0], tn = rp[1];
  const qhSize = qh ? sizeOf(qh) : NaN;
  const rightWidth = Math.max(ht.grid[1] ?? 0, right1.width ?? 0);
  if (rightWidth < (qhSize === 12 ? 5250 : 5670)) fail(8, `right header column ${rightWidth} tw too narrow for a ${qhSize}pt quốc hiệu`);
  if ((ht.grid[0] ?? 0) !== (left1.width ?? -1) || (ht.grid[1] ?? 0) !== (right1.width ?? -1)) fail(8, 'header cell widths differ from the grid');
  // 9–12
  if (!qh || !['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM'].includes(qh.text.trim())) fail(9, `quốc hiệu is "${qh?.text ?? ''}"`);
  else {
    if (!isBold(qh) || !isUpper(qh.text) || !between(qhSize, 12, 13) || !centredP(qh)) fail(9, `quốc hiệu format (bold=${isBold(qh)}, size=${qhSize}, jc=${qh.props.jc})`);
  }
  if (!tn || tn.text !== 'Độc lập - Tự do - Hạnh phúc') fail(10, `tiêu ngữ is "${tn?.text ?? ''}"`);
  else if (!isBold(tn) || !noneItalic(tn) || !between(sizeOf(tn), 13, 14) || !centredP(tn)) fail(10, 'tiêu ngữ format');
  const dateP = row2?.cells[1]?.paragraphs.find(nonEmpty);
  if (qh && tn && dateP && !(sizeOf(tn) === sizeOf(dateP) && sizeOf(tn) === qhSize + 1)) fail(11, `sizes quốc hiệu/tiêu ngữ/date = ${qhSize}/${sizeOf(tn)}/${sizeOf(dateP)}`);
  if (tn) {
    const after = right1.paragraphs[right1.paragraphs.indexOf(tn) + 1];
    if (!isLine(after)) fail(12, 'no solid line under the tiêu ngữ');
    else {
      const len = lineLength(after!, cellContentWidth(right1, ht));
      const expected = textWidthTw(tn.text, sizeOf(tn), 'bold');
      if (Math.abs(len - expected) > expected * 0.1) fail(12, `tiêu ngữ line ${len} tw, text ${expected} tw`);
    }
  }
  for (const p of [...left1.paragraphs, ...right1.paragraphs]) checkStacked(p, 'header line', fail);
  // 13–14
  const lp = left1.paragraphs.filter(nonEmpty);
  const parent = lp.length > 1 && noneBold(lp[0]!) ? lp[0] : undefined;
  const names = lp.filter((p) => p !== parent);
  if (parent && !isUpper(parent.text)) fail(13, `chủ quản "${parent.text}" not upper case`);
  for (const p of names) if (!isUpper(p.text) || !isBold(p) || !between(sizeOf(p), 12, 13) || !centredP(p)) fail(13, `issuing body line "${p.text}" format`);
  const lastName = names[names.length - 1];
  if (lastName) {
    const line = left1.paragraphs[left1.paragraphs.indexOf(lastName) + 1];
    if (!isLine(line)) fail(14, 'no solid line under the issuing body');
    else {
      const width = cellContentWidth(left1, ht);
      const longest = Math.min(width, Math.max(...names.map((p) => textWidthTw(p.text, sizeOf(p), 'bold'))));
      const len = lineLength(line!, width);
      if (len < (longest / 3) * 0.95 || len > (longest / 2) * 1.05) fail(14, `issuer line ${len} tw vs longest name line ${longest} tw`);
    }
  }
  // 15–18
  const left2 = row2?.cells[0];
  const soP = left2?.paragraphs.find(nonEmpty);
  if (!soP) fail(15, 'no "Số" paragraph in row 2');
  else {
    if (!centredP(soP) || sizeOf(soP) !== 13 || !noneBold(soP) || textRuns(soP).some((r) => r.props.i)) fail(15, 'Số paragraph format');
    if (!SO_LINE_RE.test(soP.text)) fail(15, `Số line "${soP.text}"`);
  }
  if (!dateP) fail(17, 'no date paragraph in row 2');
  else if (!isItalic(dateP) || !between(sizeOf(dateP), 13, 14) || !centredP(dateP) || !ND30_DRAFT_DATE_RE.test(dateP.text)) fail(17, `date "${dateP.text}" format`);
  const vv = left2?.paragraphs.find((p) => p.text.startsWith('V/v '));
  const after = blocks.slice(hIdx + 1);
  const firstP = after.find((b): b is Para => b.kind === 'p' && nonEmpty(b));
  const kindAbbr = firstP ? KIND_BY_NAME.get(firstP.text.trim()) : undefined;
  const code = soP?.text.split('/')[1] ?? '';
  if (vv) {
    if (!between(sizeOf(vv), 12, 13) || !noneBold(vv) || !centredP(vv) || (vv.props.before ?? 0) !== 120) fail(18, 'V/v paragraph format');
    if (kindAbbr) fail(18, `công văn has a tên loại "${firstP!.text}"`);
    if (ALL_ABBRS.has(code.split('-')[0] ?? '')) fail(16, `công văn code "${code}" starts with a kind abbreviation`);
  } else if (!kindAbbr) fail(19, `no tên loại after the header (found "${firstP?.text.slice(0, 40) ?? ''}")`);
  else if (!code.startsWith(`${kindAbbr}-`)) fail(16, `code "${code}" does not start with ${kindAbbr}-`);

  // 19: tên loại, trích yếu, line
  let cursor = hIdx + 1;
  const paraAt = (i: number) => (blocks[i]?.kind === 'p' ? (blocks[i] as Para) : undefined);
  if (kindAbbr && firstP) {
    cursor = blocks.indexOf(firstP);
    if (!isUpper(firstP.text) || !isBold(firstP) || !between(sizeOf(firstP), 13, 14) || !centredP(firstP)) fail(19, 'tên loại format');
    checkStacked(firstP, 'tên loại', fail);
    const subject: Para[] = [];
    for (let i = cursor + 1; paraAt(i) && nonEmpty(paraAt(i)!); i++) subject.push(paraAt(i)!);
    if (!subject.length) fail(19, 'no trích yếu');
    for (const p of subject) if (!isBold(p) || !between(sizeOf(p), 13, 14) || !centredP(p)) fail(19, 'trích yếu format');
    cursor += subject.length + 1;
    const line = paraAt(cursor);
    if (!isLine(line)) fail(19, 'no line under the trích yếu');
    else {
      const width = ht.width ?? 9354;
      const longest = Math.min(width, Math.max(...subject.map((p) => textWidthTw(p.text, sizeOf(p), 'bold'))));
      const len = lineLength(line!, width);
      if (len < (longest / 3) * 0.95 || len > (longest / 2) * 1.05) fail(19, `trích yếu line ${len} tw vs text ${longest} tw`);
    }
    cursor++;
  }

  // signature table: the table that holds "Nơi nhận:"
  const sig = tables.find(([t]) => t.rows[0]?.cells[0]?.paragraphs.some((p) => p.text.trim() === 'Nơi nhận:'));
  const sigIdx = sig ? sig[1] : blocks.length;
  // Kính gửi (24), căn cứ (21), body (20, 22), closing (23)
  const region = blocks.slice(cursor, sigIdx).filter((b): b is Para => b.kind === 'p' && nonEmpty(b));
  const kgIdx = region.findIndex((p) => p.text.startsWith('Kính gửi'));
  let kinhGui = false;
  const kgParas = new Set<Para>();
  if (kgIdx >= 0) {
    kinhGui = true;
    const kg = region[kgIdx]!;
    kgParas.add(kg);
    const items: Para[] = [];
    if (kg.text.trim() === 'Kính gửi:') {
      for (let i = kgIdx + 1; i < region.length && region[i]!.text.startsWith('- ') && (region[i]!.props.left ?? 0) > 0; i++) items.push(region[i]!);
      if (!items.length) fail(24, 'Kính gửi: without recipients');
    }
    for (const p of [kg, ...items]) { kgParas.add(p); if (!between(sizeOf(p), 13, 14) || !noneBold(p)) fail(24, `Kính gửi line "${p.text.slice(0, 30)}" format`); }
    items.forEach((p, i) => {
      const last = i === items.length - 1;
      if (!p.text.startsWith('- ') || !p.text.endsWith(last ? '.' : ';')) fail(24, `Kính gửi item "${p.text}" punctuation`);
      if ((p.props.left ?? 0) !== (items[0]!.props.left ?? 0)) fail(24, 'Kính gửi items have different indents');
    });
  }
  // 41: Quyết định — the deciding authority and "QUYẾT ĐỊNH:" (centred, UC, B), bold "Điều n." labels numbered from 1
  const decision = kindAbbr === 'QĐ' ? checkDecision(region, fail) : undefined;
  const bodyParas = region.filter((p) => !kgParas.has(p) && !decision?.centred.has(p));
  // A Quyết định's căn cứ end with "Theo đề nghị của …." (Mẫu 1.2/1.3).
  const bases = bodyParas.filter((p) => /^(Căn cứ|Theo đề nghị)/.test(p.text) && isItalic(p));
  bases.forEach((p, i) => { if (!p.text.trimEnd().endsWith(i === bases.length - 1 ? '.' : ';')) fail(21, `căn cứ "${p.text.slice(0, 40)}…" ending`); });
  for (const p of bodyParas) {
    const s = sizeOf(p);
    const { jc, firstLine, before = 0, after = 0, line, lineRule } = p.props;
    const lineOk = lineRule === 'exact' || lineRule === 'atLeast' ? between((line ?? 0) / (s * 20), 1.15, 1.75) : between(line ?? 240, 240, 360);
    if (jc !== 'both' || !between(firstLine ?? 0, 567, 720) || !between(s, 13, 14) || before + after < 120 || !lineOk)
      fail(20, `body paragraph "${p.text.slice(0, 40)}…" (jc=${jc}, firstLine=${firstLine}, size=${s}, spacing=${before}/${after}/${line} ${lineRule ?? 'auto'})`);
    if (/^[IVX]+\. /.test(p.text) && (!isUpper(p.text) || !isBold(p))) fail(22, `heading "${p.text.slice(0, 40)}" not UC+B`);
  }
  const lastBody = region[region.length - 1];
  if (!lastBody || !lastBody.text.trimEnd().endsWith('./.')) fail(23, `text before the signature does not end with "./." ("${lastBody?.text.slice(-30) ?? ''}")`);

  // 36: header table spacing
  for (const row of ht.rows) for (const c of row.cells) for (const p of c.paragraphs) {
    if (p === vv) continue;
    if ((p.props.before ?? 0) !== 0 || (p.props.after ?? 0) !== 0) fail(36, `header paragraph "${p.text.slice(0, 30)}" spacing ${p.props.before}/${p.props.after}`);
  }
  if (!sig) return fail(25, 'no signature table with "Nơi nhận:"');
  checkSignature(sig[0], kinhGui, fail, decision?.articles);
}

function checkDecision(region: Para[], fail: Fail): { centred: Set<Para>; articles: number[] } {
  const centred = new Set<Para>();
  const authority = region[0];
  if (!authority || !centredP(authority) || !isUpper(authority.text) || !isBold(authority) || !between(sizeOf(authority), 13, 14) || authority.text.startsWith('Căn cứ'))
    fail(41, `no deciding authority line under the trích yếu (found "${authority?.text.slice(0, 40) ?? ''}")`);
  else centred.add(authority);
  const decides = region.find((p) => p.text.trim() === 'QUYẾT ĐỊNH:');
  if (!decides) fail(41, 'no "QUYẾT ĐỊNH:" line');
  else {
    centred.add(decides);
    if (!centredP(decides) || !isBold(decides) || !between(sizeOf(decides), 13, 14)) fail(41, '"QUYẾT ĐỊNH:" format');
    const before = region.slice(region.indexOf(authority!) + 1, region.indexOf(decides));
    if (before.some((p) => !isItalic(p))) fail(41, 'a line between the authority and "QUYẾT ĐỊNH:" is not an italic căn cứ');
  }
  const articles: number[] = [];
  for (const p of region) {
    const m = /^Điều (\d+)\./.exec(p.text);
    if (!m) continue;
    articles.push(Number(m[1]));
    const label = `Điều ${m[1]}.`;
    const runs = textRuns(p);
    let seen = '';
    for (const r of runs) {
      if (seen.length >= label.length) break;
      if (!r.props.b) { fail(41, `"${label}" label not bold`); break; }
      seen += r.text;
    }
  }
  if (!articles.length) fail(41, 'a Quyết định without "Điều 1."');
  else if (articles.some((n, i) => n !== i + 1)) fail(41, `articles numbered ${articles.join(', ')}`);
  return { centred, articles };
}

function noneItalic(p: Para) { return textRuns(p).every((r) => !r.props.i); }

function checkSignature(t: Table, kinhGui: boolean, fail: Fail, articles?: number[]) {
  const [left, right] = t.rows[0]!.cells;
  const lp = left!.paragraphs.filter(nonEmpty);
  const title = lp[0]!;
  if (title.text.trim() !== 'Nơi nhận:' || sizeOf(title) !== 12 || !isBold(title) || !isItalic(title) || !['left', 'start', undefined].includes(title.props.jc) || (title.props.left ?? 0) !== 0 || (title.props.firstLine ?? 0) !== 0)
    fail(25, 'Nơi nhận: title format');
  const items = lp.slice(1).filter((p) => p.text.trim() !== 'Gửi bản điện tử:');
  items.forEach((p, i) => {
    const last = i === items.length - 1;
    if (sizeOf(p) !== 11 || !noneBold(p)) fail(26, `Nơi nhận item "${p.text}" format`);
    if (!p.text.startsWith('- ')) fail(26, `Nơi nhận item "${p.text}" does not start "- "`);
    if (!last && !p.text.trimEnd().endsWith(';')) fail(26, `Nơi nhận item "${p.text}" does not end ";"`);
    if (last && !/^- Lưu: VT(, .+)?\.$/.test(p.text.trim())) fail(27, `last Nơi nhận item "${p.text}"`);
  });
  if (!items.length) fail(27, 'no Lưu line');
  if (kinhGui && items[0]?.text.trim() !== '- Như trên;') fail(28, `first Nơi nhận item is "${items[0]?.text ?? ''}", expected "- Như trên;"`);
  if (articles) {
    const m = /^- Như Điều (\d+);$/.exec(items[0]?.text.trim() ?? '');
    if (!m) fail(28, `first Nơi nhận item of a Quyết định is "${items[0]?.text ?? ''}", expected "- Như Điều n;"`);
    else if (!articles.includes(Number(m[1]))) fail(28, `"- Như Điều ${m[1]};" but there is no Điều ${m[1]}`);
  }
  const rp = right!.paragraphs;
  for (const p of rp) if (nonEmpty(p) && p.props.jc !== 'center') fail(29, `signature line "${p.text}" not centred`);
  const lines = rp.filter(nonEmpty);
  const name = lines[lines.length - 1];
  const authority = lines.slice(0, -1);
  if (!authority.length) fail(29, 'no authority line');
  authority.forEach((p, i) => {
    checkStacked(p, 'authority line', fail);
    if (!isUpper(p.text) || !isBold(p) || !between(sizeOf(p), 13, 14)) fail(29, `authority line "${p.text}" format`);
    if (/^(T\/M|K\/T|T\/L)/.test(p.text)) fail(29, `authority line "${p.text}" uses a Party prefix`);
    if (i === 0 && /^[A-ZĐ]+\. /.test(p.text) && !AUTH_PREFIX.test(p.text)) fail(29, `authority prefix in "${p.text}"`);
  });
  if (name) {
    if (!isBold(name) || !between(sizeOf(name), 13, 14) || isUpper(name.text) || /^(TS|ThS|PGS|GS)\./.test(name.text.trim())) fail(30, `signer name "${name.text}" format`);
  }
  for (const row of t.rows) for (const c of row.cells) for (const p of c.paragraphs)
    if ((p.props.before ?? 0) !== 0 || (p.props.after ?? 0) !== 0) fail(36, `signature paragraph "${p.text.slice(0, 30)}" spacing ${p.props.before}/${p.props.after}`);
}

/** The last text of a block list: its last non-empty paragraph, or the last non-empty cell of a table that ends it. */
function lastText(blocks: Array<Para | Table>): string {
  for (let k = blocks.length - 1; k >= 0; k--) {
    const b = blocks[k]!;
    if (b.kind === 'p') { if (nonEmpty(b)) return b.text; continue; }
    const texts = b.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs.filter(nonEmpty).map((p) => p.text)));
    if (texts.length) return texts[texts.length - 1]!;
  }
  return '';
}

function checkAppendix(blocks: Array<Para | Table>, i: number, fail: Fail) {
  const end = lastText(blocks);
  if (!end.trimEnd().endsWith('./.')) fail(23, `section ${i + 1}: phụ lục content does not end with "./." ("${end.slice(-30)}")`);
  const ps = blocks.filter((b): b is Para => b.kind === 'p' && nonEmpty(b));
  const [label, title, attached] = ps;
  if (blocks[0]?.kind !== 'p' || blocks[0] !== label) fail(33, `section ${i + 1}: does not open with the "Phụ lục" line`);
  if (!label || !/^Phụ lục( [IVX]+)?$/.test(label.text) || !isBold(label) || sizeOf(label) !== 14 || !centredP(label)) fail(33, `section ${i + 1}: label "${label?.text ?? ''}" format`);
  if (!title || !isUpper(title.text) || !isBold(title) || !between(sizeOf(title), 13, 14) || !centredP(title)) fail(33, `section ${i + 1}: title format`);
  if (!attached || !/^\(Kèm theo .+\)$/.test(attached.text) || !isItalic(attached) || !between(sizeOf(attached), 13, 14) || !centredP(attached)) fail(33, `section ${i + 1}: "(Kèm theo …)" line "${attached?.text ?? ''}"`);
  for (const t of blocks.filter((b): b is Table => b.kind === 'tbl')) {
    if (!t.rows[0]?.header) fail(33, `section ${i + 1}: table header row not repeated (tblHeader)`);
    if (t.layout !== 'fixed') fail(33, `section ${i + 1}: table layout not fixed`);
    t.rows.forEach((r, ri) => {
      let col = 0;
      for (const c of r.cells) {
        const expected = t.grid.slice(col, col + c.gridSpan).reduce((a, b) => a + b, 0);
        if (c.width !== expected) { fail(33, `section ${i + 1}: row ${ri + 1} cell width ${c.width} ≠ grid ${expected}`); return; }
        col += c.gridSpan;
      }
    });
  }
}

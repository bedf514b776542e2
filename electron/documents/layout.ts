// Page geometry and type sizes (spec §1–§3). Twips unless the name says otherwise.
export const PAGE = { width: 11906, height: 16838 } as const;
export const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 851, header: 567, footer: 567 } as const;
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right; // 9354
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - MARGIN.left - MARGIN.right; // 14286

/** Header and signature tables: two borderless columns; the right one fits the 13 pt quốc hiệu. */
export const HEADER_COLUMNS = { left: 3684, right: 5670 } as const;
/** Horizontal padding inside header/signature cells: small, so the 13 pt quốc hiệu never wraps (even where
 *  LibreOffice substitutes a wider fallback font for a few Vietnamese glyphs). */
export const CELL_PADDING = 28;

export const SIZE = {
  quocHieu: 13,
  tieuNgu: 14,
  issuer: 13,
  soKyHieu: 13,
  date: 14,
  title: 14,
  vv: 12,
  body: 14,
  noiNhanTitle: 12,
  noiNhanItem: 11,
  signature: 14,
  pageNumber: 14,
  urgency: 13,
  appendixLabel: 14,
  appendixTitle: 14,
  appendixAttached: 13,
  table: 12,
  contact: 11,
} as const;

export const BODY_INDENT = 567;
export const BODY_SPACING = { before: 120, after: 0, line: 264 } as const;
/** ≈ 28 mm between the authority lines and the signer's name, as empty 14 pt lines. */
export const SIGNATURE_GAP_LINES = 5;
export const FONT = 'Times New Roman';
export const LANG = 'vi-VN';

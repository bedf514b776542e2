// The document model: plain, JSON-serialisable data that the engine (electron/documents) turns
// into an ND30 .docx. Parsing cleans every text with cleanText, so a parsed model is NFC and XML-safe.
import { z } from 'zod';
import { cleanText } from '../text.js';
import { DOCUMENT_KINDS, DOCUMENT_KIND_IDS, INVALID_AUTHORITY_PREFIX, URGENCY_MARKS } from '../nd30.js';

const missingOr = (label: string, wrongType: string) => (iss: { input?: unknown }) =>
  iss.input === undefined ? `${label}: bắt buộc phải có` : `${label}: ${wrongType}`;

/** A non-empty one-line text, cleaned. */
const text = (label: string) =>
  z
    .string({ error: missingOr(label, 'phải là văn bản') })
    .transform(cleanText)
    .refine((s) => s.length > 0, { error: `${label}: không được để trống` });

/** Optional text: empty after cleaning counts as absent. */
const optionalText = (label: string) =>
  z
    .string({ error: `${label}: phải là văn bản` })
    .transform((s) => cleanText(s) || undefined)
    .optional();

/** A strict object: unknown keys are errors (a typo in an optional field must not vanish silently). */
function obj<S extends z.ZodRawShape>(label: string, shape: S) {
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `${label}: không có trường "${(iss as { keys: string[] }).keys.join('", "')}"`
        : missingOr(label, 'phải là một đối tượng')(iss),
  });
}

const list = <T extends z.ZodType>(item: T, label: string) => z.array(item, { error: missingOr(label, 'phải là danh sách') });

const int = (label: string, min: number, max: number) =>
  z
    .number({ error: missingOr(label, 'phải là số') })
    .int({ error: `${label}: phải là số nguyên` })
    .min(min, { error: `${label}: không được nhỏ hơn ${min}` })
    .max(max, { error: `${label}: không được lớn hơn ${max}` });

export const RunSchema = obj('Đoạn chữ', {
  text: z.string({ error: missingOr('Đoạn chữ', 'phải là văn bản') }).transform(cleanMultilineRun),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
});
// Inside a paragraph a run keeps its edge spaces ("Sở Tư pháp: " + "Nâng cao…").
function cleanMultilineRun(s: string): string {
  const lead = /^\s/.test(s) ? ' ' : '';
  const trail = /\s$/.test(s) && s.trim() ? ' ' : '';
  const core = cleanText(s);
  return core ? lead + core + trail : '';
}

/** Paragraph content: a plain string, or runs with inline bold/italic. */
export const InlineSchema = z.union([text('Nội dung đoạn'), list(RunSchema, 'Nội dung đoạn').min(1, { error: 'Nội dung đoạn: không được để trống' })], {
  error: 'Nội dung đoạn: phải là văn bản hoặc danh sách đoạn chữ',
}).refine((v) => typeof v === 'string' || v.some((r) => r.text.trim()), { error: 'Nội dung đoạn: không được để trống' });

const ColumnSchema = obj('Cột bảng', {
  header: text('Tiêu đề cột'),
  width: z.number({ error: missingOr('Độ rộng cột', 'phải là số') }).positive({ error: 'Độ rộng cột: phải lớn hơn 0' }),
  align: z.enum(['left', 'center'], { error: 'Căn lề cột: chỉ nhận "left" hoặc "center"' }).optional(),
});

/** A table row: one cell per column; null continues the cell above (vertical merge). */
const RowSchema = list(z.union([z.string().transform(cleanText), z.null()], { error: 'Ô bảng: phải là văn bản hoặc null (gộp với ô trên)' }), 'Dòng bảng');

export interface TableGroup {
  index: string;
  title: string;
  groups?: TableGroup[] | undefined;
  rows?: Array<Array<string | null>> | undefined;
}
type TableGroupInput = { index: string; title: string; groups?: TableGroupInput[]; rows?: Array<Array<string | null>> };

const GroupSchema: z.ZodType<TableGroup, TableGroupInput> = z.lazy(() =>
  obj('Nhóm trong bảng', {
    index: text('Số thứ tự nhóm'),
    title: text('Tên nhóm'),
    groups: list(GroupSchema, 'Nhóm con').optional(),
    rows: list(RowSchema, 'Các dòng của nhóm').optional(),
  }),
);

const tableShape = {
  columns: list(ColumnSchema, 'Các cột').min(2, { error: 'Các cột: cần ít nhất 2 cột' }),
  groups: list(GroupSchema, 'Các nhóm').optional(),
  rows: list(RowSchema, 'Các dòng').optional(),
};

function checkTable(table: { columns: unknown[]; groups?: TableGroup[] | undefined; rows?: Array<Array<string | null>> | undefined }, ctx: z.RefinementCtx): void {
  const n = table.columns.length;
  const checkRows = (rows: Array<Array<string | null>> | undefined, path: Array<string | number>) => {
    rows?.forEach((row, i) => {
      if (row.length !== n) ctx.addIssue({ code: 'custom', path: [...path, i], message: `Dòng bảng: cần đúng ${n} ô, có ${row.length}` });
      if (i === 0 && row.some((c) => c === null))
        ctx.addIssue({ code: 'custom', path: [...path, i], message: 'Dòng bảng: dòng đầu của nhóm không thể gộp với ô phía trên (null)' });
    });
  };
  const walk = (groups: TableGroup[] | undefined, path: Array<string | number>) =>
    groups?.forEach((g, i) => {
      checkRows(g.rows, [...path, i, 'rows']);
      walk(g.groups, [...path, i, 'groups']);
    });
  checkRows(table.rows, ['rows']);
  walk(table.groups, ['groups']);
}

/** A table whose rows may be grouped (I, II… then 1, 2…); group rows are bold and span the table. */
export const GroupedTableSchema = obj('Bảng', tableShape).superRefine(checkTable);

const HeadingSchema = obj('Đề mục', {
  type: z.literal('heading'),
  /** 1 = "I. MỤC" (UC, B), 2 = "1. Khoản" (B), 3 = "1.1. …" (B, I), 4 = "a) …" (I). */
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: 'Cấp đề mục: chỉ nhận 1, 2, 3 hoặc 4' }),
  number: optionalText('Số đề mục'),
  text: InlineSchema,
});
const ParagraphSchema = obj('Đoạn văn', {
  type: z.literal('paragraph'),
  text: InlineSchema,
});
const ItemSchema = obj('Gạch đầu dòng', {
  type: z.literal('item'),
  marker: z.enum(['-', '+'], { error: 'Gạch đầu dòng: chỉ nhận "-" hoặc "+"' }),
  text: InlineSchema,
});
const TableBlockSchema = obj('Bảng', { type: z.literal('table'), ...tableShape }).superRefine(checkTable);

export const BlockSchema = z.discriminatedUnion('type', [HeadingSchema, ParagraphSchema, ItemSchema, TableBlockSchema], {
  error: 'Khối nội dung: "type" phải là heading, paragraph, item hoặc table',
});

export const IssuerSchema = obj('Cơ quan ban hành', {
  /** Tên cơ quan chủ quản (UC, not bold), e.g. "UBND TỈNH BẮC KẠN". */
  parent: optionalText('Cơ quan chủ quản'),
  /** Tên cơ quan ban hành, 1–3 lines, e.g. ["ỦY BAN NHÂN DÂN", "TỈNH BẮC KẠN"]. */
  name: list(text('Tên cơ quan ban hành'), 'Tên cơ quan ban hành')
    .min(1, { error: 'Tên cơ quan ban hành: không được để trống' })
    .max(3, { error: 'Tên cơ quan ban hành: tối đa 3 dòng' }),
  /** Abbreviation used in the ký hiệu, e.g. "UBND", "SNV". */
  abbreviation: text('Viết tắt tên cơ quan'),
  /** Name in running text, used in the "(Kèm theo …)" line, e.g. "Ủy ban nhân dân tỉnh Bắc Kạn". */
  fullName: optionalText('Tên đầy đủ của cơ quan'),
});

export const DateSchema = obj('Ngày tháng ban hành', {
  day: int('Ngày ban hành', 1, 31).nullish(),
  month: int('Tháng ban hành', 1, 12).nullish(),
  year: int('Năm ban hành', 1945, 2999),
});

export const AppendixSchema = obj('Phụ lục', {
  title: text('Tên phụ lục'),
  /** Override of the text inside "(Kèm theo …)"; by default it names the parent document. */
  attachedTo: optionalText('Dòng "Kèm theo" của phụ lục'),
  table: GroupedTableSchema,
  /** Table in a landscape section (default true: a task table of 5+ columns must be landscape). */
  landscape: z.boolean().optional(),
});

/** Ô 12: the typist's code (upper case) and the number of copies issued, printed "PL.(300)". */
export const CopiesSchema = obj('Ký hiệu người đánh máy và số lượng bản', {
  code: text('Ký hiệu người đánh máy').refine((s) => /^[A-ZĐ]{1,6}$/.test(s), { error: 'Ký hiệu người đánh máy: chữ in hoa, tối đa 6 chữ (ví dụ "PL")' }),
  count: int('Số lượng bản phát hành', 1, 99999),
});

export const DistributionSchema = obj('Nơi nhận', {
  /** Bắc Kạn practice, not ND30: a "Gửi bản điện tử:" line under "Nơi nhận:". */
  electronic: z.boolean().optional(),
  items: list(text('Nơi nhận'), 'Nơi nhận').min(1, { error: 'Nơi nhận: cần ít nhất một nơi nhận' }),
  /** The part after "Lưu: ", e.g. "VT, NV" or "VT, NCPC (Vân)". */
  archive: text('Nơi lưu').refine((s) => /^VT\b/.test(s), { error: 'Nơi lưu: phải bắt đầu bằng "VT" (Văn thư)' }),
  copies: CopiesSchema.optional(),
});

/** Ô 13: the issuer's address and contacts, at the foot of page 1 (a công văn's usual footer). */
export const ContactSchema = obj('Địa chỉ liên hệ', {
  address: optionalText('Địa chỉ'),
  phone: optionalText('Điện thoại'),
  fax: optionalText('Fax'),
  email: optionalText('Thư điện tử'),
  website: optionalText('Trang thông tin điện tử'),
});

/** Giấy mời: the meeting. The body then holds the content and the closing request. */
export const MeetingSchema = obj('Cuộc họp', {
  /** The opening sentence, e.g. "Sở Nội vụ trân trọng kính mời đại diện lãnh đạo … tham dự Hội nghị …". */
  invitation: optionalText('Lời mời'),
  time: text('Thời gian'),
  place: text('Địa điểm'),
  chair: optionalText('Chủ trì'),
  participants: list(text('Thành phần'), 'Thành phần').optional(),
});

/** A document issued with a Quyết định ("ban hành kèm theo"): a Kế hoạch, Quy chế, Quy định… */
export const AttachedDocumentSchema = obj('Văn bản ban hành kèm theo', {
  /** Tên loại of the attached document, e.g. "Kế hoạch", "Quy chế". */
  name: text('Tên loại văn bản kèm theo'),
  subject: text('Trích yếu văn bản kèm theo'),
  body: list(BlockSchema, 'Nội dung văn bản kèm theo').min(1, { error: 'Nội dung văn bản kèm theo: không được để trống' }),
});

export const SignatureSchema = obj('Chữ ký', {
  /** Authority lines, e.g. ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]. */
  authority: list(
    text('Thẩm quyền ký').refine((s) => !INVALID_AUTHORITY_PREFIX.test(s), { error: 'Thẩm quyền ký: dùng "TM.", "KT.", "TL.", "TUQ.", "Q." (không dùng "T/M", "K/T", "T/L")' }),
    'Thẩm quyền ký',
  )
    .min(1, { error: 'Thẩm quyền ký: không được để trống' })
    .max(4, { error: 'Thẩm quyền ký: tối đa 4 dòng' }),
  name: text('Người ký').refine((s) => !/^(GS|PGS|TS|ThS|CN|KS)\.\s?/.test(s), { error: 'Người ký: không ghi học hàm, học vị (TS., ThS., …)' }),
});

const KIND_LABELS = DOCUMENT_KIND_IDS.join(', ');

export const DocumentModelSchema = obj('Văn bản', {
    kind: z.enum(DOCUMENT_KIND_IDS, { error: `Loại văn bản: chỉ nhận ${KIND_LABELS}` }),
    issuer: IssuerSchema,
    /** Số (yearly sequence); absent in a draft. */
    number: int('Số văn bản', 1, 999999).nullish(),
    /** Ký hiệu after the slash; by default "<KH>-<issuer>" or, for a công văn, "<issuer>-<unit>". */
    code: optionalText('Ký hiệu'),
    /** Drafting unit for a công văn's ký hiệu, e.g. "NV". */
    unit: optionalText('Đơn vị soạn thảo'),
    place: text('Địa danh'),
    date: DateSchema,
    /** Trích yếu; a công văn's is printed after "V/v ". */
    subject: text('Trích yếu'),
    urgency: z.enum(URGENCY_MARKS, { error: `Độ khẩn: chỉ nhận ${URGENCY_MARKS.join(', ')}` }).optional(),
    /** Kính gửi: zero, one or several recipients. */
    recipients: list(text('Kính gửi'), 'Kính gửi').optional(),
    /** Căn cứ lines (italic, ";" then "." at the end). */
    bases: list(text('Căn cứ'), 'Căn cứ').optional(),
    body: list(BlockSchema, 'Nội dung').min(1, { error: 'Nội dung: không được để trống' }),
    appendices: list(AppendixSchema, 'Phụ lục').optional(),
    distribution: DistributionSchema,
    signature: SignatureSchema,
    /** Quyết định: the line naming the deciding authority, e.g. "GIÁM ĐỐC SỞ NỘI VỤ". */
    decidingAuthority: optionalText('Thẩm quyền ban hành'),
    /** Quyết định: a document it issues, printed after it. */
    attachment: AttachedDocumentSchema.optional(),
    meeting: MeetingSchema.optional(),
    contact: ContactSchema.optional(),
  }).superRefine((m, ctx) => {
    checkKindFields(m, ctx);
    if (m.kind === 'cong-van') {
      if (!m.code && !m.unit) ctx.addIssue({ code: 'custom', path: ['unit'], message: 'Đơn vị soạn thảo: công văn cần đơn vị soạn thảo (ví dụ "NV") hoặc ký hiệu' });
      if (m.code && !/^[A-ZĐ][A-Za-zĐđ0-9]*(-[A-ZĐ][A-Za-zĐđ0-9]*)+$/.test(m.code))
        ctx.addIssue({ code: 'custom', path: ['code'], message: 'Ký hiệu: phải có dạng "UBND-NV"' });
    } else if (m.code) {
      const abbr = DOCUMENT_KINDS[m.kind].abbreviation;
      if (!new RegExp(`^${abbr}(-[A-ZĐ][A-Za-zĐđ0-9]*)+$`).test(m.code))
        ctx.addIssue({ code: 'custom', path: ['code'], message: `Ký hiệu: phải bắt đầu bằng "${abbr}-" (ví dụ "${abbr}-UBND")` });
    }
    if (m.date.day && !m.date.month) ctx.addIssue({ code: 'custom', path: ['date', 'month'], message: 'Tháng ban hành: đã có ngày thì phải có tháng' });
    if (m.date.day && m.date.month) {
      const d = new Date(Date.UTC(m.date.year, m.date.month - 1, m.date.day));
      if (d.getUTCDate() !== m.date.day) ctx.addIssue({ code: 'custom', path: ['date', 'day'], message: 'Ngày ban hành: ngày không có thật' });
    }
    if (m.recipients?.length && !/^Như trên\b/.test(m.distribution.items[0] ?? ''))
      ctx.addIssue({ code: 'custom', path: ['distribution', 'items', 0], message: 'Nơi nhận: có "Kính gửi" thì nơi nhận đầu tiên phải là "Như trên"' });
    // A Quyết định that issues a Kế hoạch carries its phụ lục: the Kế hoạch's text refers to them.
    if (m.appendices?.length && !JSON.stringify([m.body, m.attachment?.body ?? []]).includes('Phụ lục'))
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'Nội dung: văn bản có phụ lục phải dẫn chiếu "Phụ lục" trong nội dung' });
  });

type ModelShape = {
  kind: string;
  body: Array<{ type: string; text?: unknown }>;
  recipients?: string[] | undefined;
  distribution: { items: string[] };
  decidingAuthority?: string | undefined;
  attachment?: unknown;
  meeting?: unknown;
};

/** "Điều 1." … at the start of a body paragraph of a Quyết định. */
export const ARTICLE_RE = /^Điều (\d+)\.(\s|$)/;

/** Article numbers of a body, in order (a paragraph whose text starts "Điều n."). */
export function articleNumbers(body: ModelShape['body']): number[] {
  return body.flatMap((b) => {
    if (b.type !== 'paragraph') return [];
    const t = typeof b.text === 'string' ? b.text : Array.isArray(b.text) ? b.text.map((r: { text?: string }) => r.text ?? '').join('') : '';
    const m = ARTICLE_RE.exec(t.trimStart());
    return m ? [Number(m[1])] : [];
  });
}

function checkKindFields(m: ModelShape, ctx: z.RefinementCtx): void {
  const issue = (path: Array<string | number>, message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (m.kind !== 'quyet-dinh') {
    if (m.decidingAuthority) issue(['decidingAuthority'], 'Thẩm quyền ban hành: chỉ dùng cho quyết định');
    if (m.attachment) issue(['attachment'], 'Văn bản ban hành kèm theo: chỉ quyết định mới ban hành kèm theo văn bản khác');
  }
  if (m.kind !== 'giay-moi' && m.meeting) issue(['meeting'], 'Cuộc họp: chỉ dùng cho giấy mời');
  if (m.kind === 'quyet-dinh') {
    if (m.recipients?.length) issue(['recipients'], 'Kính gửi: quyết định không có "Kính gửi"; nơi thi hành ghi ở "Như Điều n" trong Nơi nhận');
    if (!m.decidingAuthority) issue(['decidingAuthority'], 'Thẩm quyền ban hành: quyết định cần dòng thẩm quyền (ví dụ "GIÁM ĐỐC SỞ NỘI VỤ")');
    const articles = articleNumbers(m.body);
    if (articles.length === 0) issue(['body'], 'Nội dung: quyết định cần ít nhất "Điều 1."');
    else if (articles.some((n, i) => n !== i + 1)) issue(['body'], `Nội dung: các điều phải đánh số liên tục từ Điều 1 (đang có ${articles.map((n) => `Điều ${n}`).join(', ')})`);
    const first = /^Như Điều (\d+)$/.exec(m.distribution.items[0] ?? '');
    if (!first) issue(['distribution', 'items', 0], 'Nơi nhận: quyết định bắt đầu bằng "Như Điều n" (điều thi hành)');
    else if (!articles.includes(Number(first[1]))) issue(['distribution', 'items', 0], `Nơi nhận: "Như Điều ${first[1]}" nhưng quyết định không có Điều ${first[1]}`);
  }
  if (m.kind === 'to-trinh' && !m.recipients?.length) issue(['recipients'], 'Kính gửi: tờ trình cần cơ quan nhận (ví dụ "Ủy ban nhân dân tỉnh")');
  if (m.kind === 'giay-moi' && !m.meeting) issue(['meeting'], 'Cuộc họp: giấy mời cần thời gian và địa điểm');
}

export type DocumentModel = z.output<typeof DocumentModelSchema>;
export type DocumentModelInput = z.input<typeof DocumentModelSchema>;
export type Block = z.output<typeof BlockSchema>;
export type Inline = z.output<typeof InlineSchema>;
export type Run = z.output<typeof RunSchema>;
export type GroupedTable = z.output<typeof GroupedTableSchema>;
export type TableColumn = z.output<typeof ColumnSchema>;
export type Appendix = z.output<typeof AppendixSchema>;
export type Issuer = z.output<typeof IssuerSchema>;
export type Signature = z.output<typeof SignatureSchema>;
export type Distribution = z.output<typeof DistributionSchema>;
export type Meeting = z.output<typeof MeetingSchema>;
export type Contact = z.output<typeof ContactSchema>;
export type AttachedDocument = z.output<typeof AttachedDocumentSchema>;

export interface ModelError { path: string; message: string }
export type ParseResult = { ok: true; model: DocumentModel } | { ok: false; errors: ModelError[] };

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/** Validates and cleans a model (e.g. parsed JSON); errors are in Vietnamese and name the field. */
export function parseDocumentModel(json: unknown): ParseResult {
  const result = DocumentModelSchema.safeParse(json);
  if (result.success) return { ok: true, model: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((i) => ({
      path: formatPath(i.path),
      message: /^[^:]+: /.test(i.message) ? i.message : `Văn bản: ${i.message}`,
    })),
  };
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlockSchema } from '../../shared/document/model';
import { parsePaste, type BodyBlock } from '../../shared/paste';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/paste');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const para = (text: Extract<BodyBlock, { type: 'paragraph' }>['text']): BodyBlock => ({ type: 'paragraph', text });
const texts = (blocks: BodyBlock[]) => blocks.map((b) => (b.type === 'table' ? '' : typeof b.text === 'string' ? b.text : b.text.map((r) => r.text).join('')));

/** Every block is exactly what the model keeps after its own parsing: valid and already clean. */
function expectModelBlocks(blocks: BodyBlock[]) {
  for (const b of blocks) expect(BlockSchema.parse(b)).toEqual(b);
}

describe('HTML copied from Word', () => {
  const blocks = parsePaste({ html: fixture('word-ke-hoach.html'), text: 'văn bản thuần, không dùng khi có HTML' });

  it('keeps paragraphs, headings from typed and automatic numbers, list items, and bold/italic/underline runs only', () => {
    expect(blocks).toEqual([
      { type: 'heading', level: 1, number: 'I', text: 'MỤC ĐÍCH, YÊU CẦU' },
      { type: 'heading', level: 2, number: '1', text: 'Mục đích' },
      para([
        { text: 'Phát huy sự tham gia giám sát của người dân vào quá trình xây dựng, ' },
        // <b style='mso-bidi-font-weight:normal'> is bold: only font-weight itself counts
        { text: 'thực thi chính sách', bold: true },
        { text: '.' },
      ]),
      para([
        { text: 'Nhấn mạnh: ' },
        { text: 'in đậm bằng kiểu', bold: true },
        { text: ' nghiêng bằng kiểu', italic: true },
        { text: ' và ' },
        { text: 'gạch chân', underline: true },
        { text: ', ' },
        { text: 'nghiêng', italic: true },
        { text: ', ' },
        { text: 'gạch', underline: true },
        { text: ', ' },
        { text: 'đậm', bold: true },
        { text: ', ' },
        { text: 'nghiêng', italic: true },
        { text: '; ' },
        { text: 'đậm ', bold: true },
        // font-weight:normal inside <b>, the link's text without its address, the picture dropped
        { text: 'thường. Xem Cổng Dịch vụ công.' },
      ]),
      { type: 'item', marker: '-', text: 'Quyết liệt hơn trong chỉ đạo tổ chức thực hiện CCHC;' },
      { type: 'item', marker: '+', text: [{ text: 'Đẩy mạnh thông tin, ' }, { text: 'tuyên truyền', italic: true }, { text: ';' }] },
      // Symbol "·" at level 1 and Courier "o" at level 2: the marker follows the list level
      { type: 'item', marker: '-', text: 'Dấu đầu dòng kiểu Symbol' },
      { type: 'item', marker: '+', text: 'Cấp hai kiểu Courier' },
      // Word's automatic "2." in the mso-list span, the bold of the whole heading left to ND30
      { type: 'heading', level: 2, number: '2', text: 'Yêu cầu' },
      // a numbered paragraph keeps its number in the text
      para([{ text: '3. ' }, { text: 'Sở Tư pháp:', bold: true }, { text: ' Nâng cao chất lượng công tác thẩm định dự thảo văn bản quy phạm pháp luật.' }]),
      { type: 'heading', level: 4, number: 'a', text: 'Ưu điểm' },
      // table cells come as text
      para('Ô bảng một'),
      para('Ô bảng hai'),
      // hidden text (display:none) is not pasted
      para('Đoạn ẩn kết thúc.'),
    ]);
    expectModelBlocks(blocks);
  });

  it('takes the number of a Word heading style numbered by a list', () => {
    const html =
      "<h2 style='margin-left:0in;text-indent:0in;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.1." +
      "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span><![endif]>Tri thức công dân<o:p></o:p></h2>";
    expect(parsePaste({ html })).toEqual([{ type: 'heading', level: 3, number: '1.1', text: 'Tri thức công dân' }]);
  });

  it('reads the list label from the mso-list:Ignore span alone and from <![if !supportLists]> alone', () => {
    // Saved-as-web-page form: the conditionals are comments, only the span marks the label.
    const spanOnly =
      "<p class=MsoListParagraph style='mso-list:l0 level2 lfo1'><!--[if !supportLists]--><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp; </span></span></span><!--[endif]-->Cấp hai kiểu Symbol</p>";
    // Older Word and Outlook: the label sits in the conditional without a marked span.
    const conditionalOnly = "<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span>a.&nbsp;&nbsp; </span><![endif]><i>Ưu điểm</i></p>";
    // Read as text, "·" would be a first-level "-" and "a." no marker at all.
    expect(parsePaste({ html: spanOnly + conditionalOnly })).toEqual([
      { type: 'item', marker: '+', text: 'Cấp hai kiểu Symbol' },
      { type: 'heading', level: 4, number: 'a', text: 'Ưu điểm' },
    ]);
  });

  it('takes any bullet glyph as an item and keeps any other number in the text', () => {
    const li = (level: number, label: string, text: string) =>
      `<p class=MsoListParagraph style='mso-list:l0 level${level} lfo1'><![if !supportLists]><span style='font-family:Wingdings'><span style='mso-list:Ignore'>${label}<span>&nbsp; </span></span></span><![endif]>${text}</p>`;
    expect(parsePaste({ html: li(1, 'ü', 'Dấu tích') + li(2, '&#61607;', 'Ô vuông') + li(1, '1)', 'Số có ngoặc') + li(1, '+', 'Cộng gõ tay') })).toEqual([
      { type: 'item', marker: '-', text: 'Dấu tích' },
      { type: 'item', marker: '+', text: 'Ô vuông' },
      para('1) Số có ngoặc'),
      { type: 'item', marker: '+', text: 'Cộng gõ tay' },
    ]);
  });

  it('drops hidden text, whether hidden by CSS or by Word', () => {
    const html = '<p>Hiện <span style="display: none">ẩn CSS</span>rõ</p><p>Còn <span style="mso-hide:all">ẩn Word</span>lại</p>';
    expect(texts(parsePaste({ html }))).toEqual(['Hiện rõ', 'Còn lại']);
  });

  it('lets no font, size, colour, style sheet, XML island or file path through', () => {
    const all = JSON.stringify(blocks);
    for (const leak of ['Times', 'Arial', 'font', 'color', 'red', '14.0pt', 'WordDocument', 'Cambria', 'clip_image', 'https://', 'Normal', '\u00a0', '·'])
      expect(all).not.toContain(leak);
    const keys = new Set(blocks.flatMap((b) => (b.type !== 'table' && Array.isArray(b.text) ? b.text.flatMap((r) => Object.keys(r)) : [])));
    expect([...keys].sort()).toEqual(['bold', 'italic', 'text', 'underline']);
  });
});

describe('HTML from a web page', () => {
  it('maps headings to levels, lists to "-" and nested lists to "+", <br> and <div> to paragraphs', () => {
    const blocks = parsePaste({ html: fixture('web-page.html') });
    expect(blocks).toEqual([
      para('Trang chủ'),
      { type: 'heading', level: 1, text: 'Kế hoạch cải cách hành chính' },
      { type: 'heading', level: 2, text: 'Mục đích' },
      { type: 'heading', level: 3, number: '1.1', text: 'Phạm vi' },
      para([{ text: 'Đoạn có ' }, { text: 'chữ đậm', bold: true }, { text: ', ' }, { text: 'chữ nghiêng', italic: true }, { text: ' và chữ đỏ.' }]),
      para('Dòng sau thẻ br.'),
      para('Khối div có liên kết'),
      { type: 'item', marker: '-', text: 'Mục một' },
      { type: 'item', marker: '-', text: 'Mục hai' },
      { type: 'item', marker: '+', text: [{ text: 'Mục con ' }, { text: 'đậm', bold: true }] },
      { type: 'item', marker: '-', text: 'Bước thứ nhất' },
      para('Cột A'),
      para('Giá trị B'),
      { type: 'heading', level: 1, number: 'II', text: 'KẾT QUẢ' },
      { type: 'heading', level: 4, number: 'a', text: 'Ưu điểm' },
    ]);
    expect(JSON.stringify(blocks)).not.toMatch(/alert|Tiêu đề trang|Arial|Logo/);
    expectModelBlocks(blocks);
  });

  it('keeps the lines of a <pre> block as paragraphs', () => {
    expect(parsePaste({ html: '<pre>Dòng một\nDòng <b>hai</b>\r\n\nDòng ba</pre>' })).toEqual([
      para('Dòng một'),
      para([{ text: 'Dòng ' }, { text: 'hai', bold: true }]),
      para('Dòng ba'),
    ]);
  });

  it('keeps the text of Word content controls (w:sdt) and other namespaced wrappers', () => {
    const html = "<p class=MsoNormal><w:Sdt ShowingPlcHdr=\"t\" DocPart=\"DefaultPlaceholder\" ID=\"-1\">Sở Nội vụ</w:Sdt> chủ trì<o:p></o:p></p>";
    expect(parsePaste({ html })).toEqual([para('Sở Nội vụ chủ trì')]);
  });

  it('reads marks from inline styles and lets a later style undo them', () => {
    const html =
      '<p><span style="FONT-WEIGHT: 700">đậm</span> <span style="font-weight:400">thường</span> ' +
      '<span style="font-style:oblique">nghiêng</span> <span style="text-decoration-line:underline">gạch</span> ' +
      '<i><span style="font-style:normal">đứng</span></i> <u style="text-underline:none">bỏ gạch</u></p>';
    expect(parsePaste({ html })).toEqual([
      // a space between two marked runs goes to the first, never to an underlined one after it
      para([{ text: 'đậm', bold: true }, { text: ' thường ' }, { text: 'nghiêng ', italic: true }, { text: 'gạch', underline: true }, { text: ' đứng bỏ gạch' }]),
    ]);
  });

  it('reads Google Docs HTML, whose whole fragment sits in a <b style="font-weight:normal">', () => {
    const html =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c"><p dir="ltr" style="line-height:1.38;margin-top:0pt">' +
      '<span style="font-size:14pt;font-family:\'Times New Roman\';color:#000000;font-weight:700;vertical-align:baseline">1. Sở Tư pháp:</span>' +
      '<span style="font-size:14pt;font-family:\'Times New Roman\';color:#000000;font-weight:400;font-style:italic"> Nâng cao chất lượng thẩm định.</span></p></b>';
    expect(parsePaste({ html })).toEqual([para([{ text: '1. Sở Tư pháp:', bold: true }, { text: ' Nâng cao chất lượng thẩm định.', italic: true }])]);
  });

  it('falls back to the plain text when the HTML holds no text, and never shows markup as text', () => {
    expect(parsePaste({ html: '<img src="a.png">', text: 'Chữ thuần' })).toEqual([para('Chữ thuần')]);
    expect(parsePaste({ html: '<p><img src="a.png"></p>' })).toEqual([]);
    expect(parsePaste({ html: 'Không có thẻ nào' })).toEqual([para('Không có thẻ nào')]);
  });
});

// A paragraph of a Kế hoạch as a PDF viewer copies it: lines of ~80 characters.
const PDF_TEXT = [
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Mục đích',
  'Phát huy sự tham gia giám sát của người dân vào quá trình xây dựng, thực thi',
  'chính sách. Khắc phục những tồn tại, hạn chế trong thực hiện Chỉ số PAPI của',
  'tỉnh, xác định nhiệm vụ, giải pháp nâng cao chất lượng quản trị hành chính công:',
  'Tham gia của người dân ở cấp cơ sở; công khai, minh bạch; trách nhiệm giải trình',
  'với người dân; kiểm soát tham nhũng trong khu vực công; thủ tục hành chính công;',
  'cung ứng dịch vụ công; quản trị môi trường; quản trị điện tử.',
  '- Quyết liệt hơn trong chỉ đạo tổ chức thực hiện CCHC gắn với thực hiện chuyên',
  'môn tại cơ quan, đơn vị, địa phương; phối hợp hiệu quả công tác giữa các cơ quan',
  '+ Đẩy mạnh thông tin, tuyên truyền các chính sách liên quan đến cuộc sống hàng',
  'ngày của người dân, nhất là các chính sách phát triển kinh tế',
  '- xã hội của địa phương trong năm 2022.',
].join('\n');

describe('plain text copied from a PDF', () => {
  it('joins hard-wrapped lines back into paragraphs and ends them at ".", ":", ";" or a marker line', () => {
    expect(parsePaste({ text: PDF_TEXT })).toEqual([
      { type: 'heading', level: 1, number: 'I', text: 'MỤC ĐÍCH, YÊU CẦU' },
      { type: 'heading', level: 2, number: '1', text: 'Mục đích' },
      para(
        'Phát huy sự tham gia giám sát của người dân vào quá trình xây dựng, thực thi chính sách. Khắc phục những tồn tại, hạn chế trong thực hiện Chỉ số PAPI của tỉnh, xác định nhiệm vụ, giải pháp nâng cao chất lượng quản trị hành chính công:',
      ),
      // a line ending with ";" followed by one in lower case goes on the same sentence
      para('Tham gia của người dân ở cấp cơ sở; công khai, minh bạch; trách nhiệm giải trình với người dân; kiểm soát tham nhũng trong khu vực công; thủ tục hành chính công; cung ứng dịch vụ công; quản trị môi trường; quản trị điện tử.'),
      { type: 'item', marker: '-', text: 'Quyết liệt hơn trong chỉ đạo tổ chức thực hiện CCHC gắn với thực hiện chuyên môn tại cơ quan, đơn vị, địa phương; phối hợp hiệu quả công tác giữa các cơ quan' },
      // "kinh tế - xã hội" wrapped before "- xã hội" is not a bullet
      { type: 'item', marker: '+', text: 'Đẩy mạnh thông tin, tuyên truyền các chính sách liên quan đến cuộc sống hàng ngày của người dân, nhất là các chính sách phát triển kinh tế - xã hội của địa phương trong năm 2022.' },
    ]);
  });

  it('keeps a paragraph going across a line that ends inside parentheses', () => {
    const text = [
      'Đẩy mạnh và nâng cao chất lượng các hình thức thông tin, tuyên truyền (như:',
      'Tuyên truyền tại các cuộc họp thôn, tổ dân phố; niêm yết tại trụ sở làm việc)',
      'để người dân dễ tiếp cận, dễ tìm, dễ thấy và tham gia ý kiến với chính quyền.',
      'Mỗi cán bộ, công chức, viên chức phải nâng cao tinh thần trách nhiệm phục vụ.',
    ].join('\n');
    expect(texts(parsePaste({ text }))).toHaveLength(2);
    // An unclosed "(" holds for a few lines only.
    const typo = [
      'Theo Kế hoạch số 12/KH-UBND (ban hành ngày 05/3/2024 của Ủy ban nhân dân tỉnh về',
      'cải cách hành chính, các cơ quan, đơn vị tổ chức thực hiện các nhiệm vụ được giao',
      'trong năm, báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 15 tháng 12 hằng năm.',
      'Đẩy mạnh tuyên truyền, phổ biến các chính sách liên quan đến người dân, doanh',
      'nghiệp trên địa bàn tỉnh; thực hiện tốt công tác tiếp công dân, giải quyết kịp thời.',
      'Thường xuyên kiểm tra, giám sát việc thực hiện nhiệm vụ của các cơ quan, đơn vị,',
      'địa phương trên địa bàn tỉnh, kịp thời chấn chỉnh những tồn tại, hạn chế phát sinh.',
      'Mỗi cán bộ, công chức, viên chức phải nâng cao tinh thần trách nhiệm, thái độ phục',
      'vụ người dân, nhất là công chức, viên chức trực tại Bộ phận Một cửa các cấp.',
    ].join('\n');
    expect(texts(parsePaste({ text: typo })).at(-1)).toBe(
      'Mỗi cán bộ, công chức, viên chức phải nâng cao tinh thần trách nhiệm, thái độ phục vụ người dân, nhất là công chức, viên chức trực tại Bộ phận Một cửa các cấp.',
    );
  });

  it('takes a form feed (pdftotext) as a page boundary', () => {
    const header = 'UBND tỉnh Bắc Kạn - Kế hoạch PAPI 2022';
    const body = PDF_TEXT.split('\n');
    const text = [...body.slice(0, 5), `\f${header}`, ...body.slice(5, 9), `\f${header}`, ...body.slice(9)].join('\n');
    expect(parsePaste({ text })).toEqual(parsePaste({ text: PDF_TEXT }));
  });

  it('drops page numbers ("2", "- 3 -", "Trang 4") and a running header repeated at each page', () => {
    const header = 'UBND tỉnh Bắc Kạn - Kế hoạch PAPI 2022';
    const body = PDF_TEXT.split('\n');
    const text = [...body.slice(0, 4), '2', header, ...body.slice(4, 7), '- 3 -', header, ...body.slice(7, 10), 'Trang 4', header, ...body.slice(10)].join('\n');
    expect(parsePaste({ text })).toEqual(parsePaste({ text: PDF_TEXT }));
  });

  it('drops a running header that repeats far apart even without page numbers, but keeps a lone number pasted alone', () => {
    const header = 'Kế hoạch khắc phục hạn chế Chỉ số PAPI';
    const lines = PDF_TEXT.split('\n');
    const long = [...lines, ...lines].map((l, i) => `${l.replace(/\.$/, '')} đoạn ${i}.`);
    const text = [header, ...long.slice(0, 20), header, ...long.slice(0, 20), header, ...long.slice(0, 4)].join('\n');
    expect(texts(parsePaste({ text }))).not.toContain(header);
    expect(parsePaste({ text: '3' })).toEqual([para('3')]);
    const sentence = 'Thực hiện nghiêm túc chế độ báo cáo định kỳ.';
    const item = '- Báo cáo kết quả thực hiện';
    const repeated = [sentence, item, ...long.slice(0, 20), sentence, item, ...long.slice(0, 20), sentence, item].join('\n');
    const kept = texts(parsePaste({ text: repeated }));
    expect(kept.filter((t) => t === sentence)).toHaveLength(3);
    expect(kept.filter((t) => t === 'Báo cáo kết quả thực hiện')).toHaveLength(3);
  });

  it('undoes a line-end hyphenation only where the line break made it', () => {
    const text = [
      'Thực hiện các phương thức phù hợp để người dân được tham gia tích cực vào hoạt',
      'động chính trị, kinh tế, xã hội, an ninh của địa phương; gửi thư điện tử (e-mail)',
      'đến Trung tâm Nghiên cứu phát triển và Hỗ trợ cộng đồng cùng Trung tâm VFF-',
      'CRT, Chương trình Phát triển Liên hợp quốc (UNDP) và các đơn vị thực hi-',
      'ện đánh giá, các địa chỉ e-',
      'mail của cơ quan, phòng chống dịch COVID-',
      '19 và hướng dẫn người dân sử dụng dịch vụ công trực tuyến ở cấp xã, cấp huy\u00AD',
      'ện trên địa bàn tỉnh Bắc Kạn và các tỉnh lân cận trong khu vực miền núi phía Bắc.',
    ].join('\n');
    const [joined] = texts(parsePaste({ text }));
    expect(joined).toContain('thực hiện đánh giá');
    expect(joined).toContain('Trung tâm VFF-CRT,');
    expect(joined).toContain('các địa chỉ e-mail của');
    expect(joined).toContain('COVID-19 và');
    expect(joined).toContain('cấp huyện trên');
  });

  it('ignores blank lines that a PDF viewer puts after every line, but keeps them as breaks otherwise', () => {
    const doubled = PDF_TEXT.split('\n').join('\n \n');
    expect(parsePaste({ text: doubled })).toEqual(parsePaste({ text: PDF_TEXT }));
    const separated = 'Đoạn thứ nhất viết trên\nhai dòng ngắn\n\nĐoạn thứ hai\n\nĐoạn thứ ba';
    expect(texts(parsePaste({ text: separated }))).toEqual(['Đoạn thứ nhất viết trên hai dòng ngắn', 'Đoạn thứ hai', 'Đoạn thứ ba']);
  });
});

describe('plain text copied from Word (one paragraph per line)', () => {
  it('is not joined: lines of any length, even without final punctuation', () => {
    const lines = [
      'Kế hoạch nâng cao Chỉ số PAPI cần gắn với thực hiện Kế hoạch cải cách hành chính năm 2022 của tỉnh, đồng thời gắn với việc cải thiện Chỉ số PAR INDEX và Chỉ số SIPAS cấp tỉnh',
      'Tổ chức triển khai có hiệu quả đồng bộ cả 08 chỉ số nội dung',
      'Có sự tham gia vào cuộc của các cấp ủy, các tổ chức chính trị xã hội trong triển khai thực hiện; trong đó trọng tâm là các cơ quan, đơn vị được giao trách nhiệm chủ trì',
      'Thường xuyên',
      'Kinh phí thực hiện Kế hoạch do ngân sách nhà nước đảm bảo',
      'Thường xuyên',
      'Thường xuyên',
    ];
    expect(texts(parsePaste({ text: lines.join('\r\n') }))).toEqual(lines);
  });

  it('is not joined when its lines happen to be of similar length: each starts with a capital', () => {
    const lines = [
      'Sở Nội vụ tỉnh Bắc Kạn và các phòng chuyên môn thuộc Sở Nội vụ',
      'Sở Tư pháp tỉnh Bắc Kạn và các đơn vị sự nghiệp trực thuộc Sở',
      'Sở Tài chính tỉnh Bắc Kạn và các phòng chuyên môn thuộc Sở Tài',
      'Ủy ban nhân dân các huyện, thành phố và các xã, phường, thị trấn',
    ];
    expect(texts(parsePaste({ text: lines.join('\n') }))).toEqual(lines);
  });

  it('takes Word’s list bullets and tabs as markers', () => {
    expect(parsePaste({ text: '•\tDấu chấm tròn\no\tCấp hai\n-\tGạch ngang\n\uF0B7\tKý hiệu Symbol' })).toEqual([
      { type: 'item', marker: '-', text: 'Dấu chấm tròn' },
      { type: 'item', marker: '+', text: 'Cấp hai' },
      { type: 'item', marker: '-', text: 'Gạch ngang' },
      { type: 'item', marker: '-', text: 'Ký hiệu Symbol' },
    ]);
  });
});

describe('markers', () => {
  it('turns "I.", "1.", "1.1.", "a)", "-" and "+" into headings and items with the number the engine prints', () => {
    const text = ['IV. KINH PHÍ THỰC HIỆN', 'XII. Nhiệm vụ khác', '2. Yêu cầu', '1.1. Tri thức công dân', '2.3.1 Mục nhỏ', 'đ) Hạn chế', '- Gạch đầu dòng;', '+ Dấu cộng.'].join('\n');
    expect(parsePaste({ text })).toEqual([
      { type: 'heading', level: 1, number: 'IV', text: 'KINH PHÍ THỰC HIỆN' },
      { type: 'heading', level: 1, number: 'XII', text: 'Nhiệm vụ khác' },
      { type: 'heading', level: 2, number: '2', text: 'Yêu cầu' },
      { type: 'heading', level: 3, number: '1.1', text: 'Tri thức công dân' },
      { type: 'heading', level: 3, number: '2.3.1', text: 'Mục nhỏ' },
      { type: 'heading', level: 4, number: 'đ', text: 'Hạn chế' },
      { type: 'item', marker: '-', text: 'Gạch đầu dòng;' },
      { type: 'item', marker: '+', text: 'Dấu cộng.' },
    ]);
  });

  it('keeps a numbered paragraph (a sentence, "Cơ quan: nội dung", ending ":") as a paragraph with its number', () => {
    const lines = [
      '5. Đề nghị đại biểu Hội đồng nhân dân các cấp tăng cường công tác tiếp xúc cử tri.',
      '2. Sở Tư pháp: Nâng cao chất lượng công tác thẩm định',
      '9. Sở Thông tin và Truyền thông:',
      'a) Tổ chức tuyên truyền, phổ biến Kế hoạch;',
    ];
    expect(parsePaste({ text: lines.join('\n') })).toEqual(lines.map((l) => para(l)));
  });

  it('does not read numbers and words that only look like markers', () => {
    const lines = ['1.500 người dân tham gia khảo sát', 'V/v triển khai Kế hoạch', 'Ix. không phải số La Mã', '-5 độ là nhiệt độ thấp nhất', 'MCMXC. không đọc'];
    expect(parsePaste({ text: lines.join('\n') })).toEqual(lines.map((l) => para(l)));
  });

  it('makes "Điều 1." a paragraph starting with a bold "Điều 1." run when the kind has articles, plain text otherwise', () => {
    const text = 'Điều 1. Phê duyệt Kế hoạch cải cách hành chính năm 2024.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.';
    expect(parsePaste({ text }, { articles: true })).toEqual([
      para([{ text: 'Điều 1.', bold: true }, { text: ' Phê duyệt Kế hoạch cải cách hành chính năm 2024.' }]),
      para([{ text: 'Điều 2.', bold: true }, { text: ' Quyết định này có hiệu lực kể từ ngày ký.' }]),
    ]);
    expect(parsePaste({ text })).toEqual(text.split('\n').map((l) => para(l)));
    const html = '<p><b>Điều 3.</b> Chánh Văn phòng <i>UBND tỉnh</i> chịu trách nhiệm thi hành.</p>';
    expect(parsePaste({ html }, { articles: true })).toEqual([
      para([{ text: 'Điều 3.', bold: true }, { text: ' Chánh Văn phòng ' }, { text: 'UBND tỉnh', italic: true }, { text: ' chịu trách nhiệm thi hành.' }]),
    ]);
  });
});

describe('odd characters', () => {
  it('are cleaned as the model cleans them, and empty paragraphs are dropped', () => {
    const nfd = 'Ba\u0301o ca\u0301o'.normalize('NFD');
    const text = `${nfd}\u00A0ke\u0302\u0301t\u200B qua\u0309\n\u200B\u00AD \u2028\nNg\u00ADười\u202E dân\u2066 \u00D0ắk \u00F0ông`;
    const blocks = parsePaste({ text });
    expect(texts(blocks)).toEqual(['Báo cáo kết quả', 'Người dân Đắk đông']);
    expectModelBlocks(blocks);
    expect(parsePaste({ html: '<p>\u200B&nbsp;</p><p><b> </b></p>' })).toEqual([]);
    expect(parsePaste({})).toEqual([]);
  });
});

// Fragments of the HTML and text that reach a clipboard, mixed at random.
const htmlFragment = fc.oneof(
  fc.constantFrom(
    '<p>', '</p>', '<b>', '</b>', '<i>', '</i>', '<u>', '</u>', '<li>', '<ul>', '</ul>', '<ol>', '<h2>', '</h2>', '<br>', '<div>', '</div>',
    '<span style="mso-list:Ignore">', '</span>', '<p style="mso-list:l0 level2 lfo1">', '<![if !supportLists]>', '<![endif]>', '<!--', '-->',
    '<style>', '</style>', '<o:p>', '</o:p>', '&nbsp;', '&amp;', '<table><tr><td>', '<pre>', '\n', 'I. ', '1. ', '1.1. ', 'a) ', '- ', '+ ',
    'Điều 1. ', 'hi-', 'Trang 2', '\u00AD', '\u200B', '\u202E', '\uFFFF', '\uD800', 'e\u0301',
  ),
  fc.string({ maxLength: 12 }),
);

describe('any input', () => {
  it('never throws and always gives valid, clean model blocks', () => {
    fc.assert(
      fc.property(fc.array(htmlFragment, { maxLength: 60 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), (html, text, articles) => {
        for (const input of [{ html }, { text: html }, { text }, { html: text, text: html }]) expectModelBlocks(parsePaste(input, { articles }));
      }),
      { numRuns: 400 },
    );
  });

  it('takes clipboard data of the wrong type as empty', () => {
    for (const input of [null, undefined, 42, { text: 7 }, { html: ['<p>x</p>'] }, { text: null, html: {} }]) expect(parsePaste(input as never)).toEqual([]);
  });

  it('stays fast on a 2 MB paste, ordinary or hostile', () => {
    const MB2 = 2 * 1024 * 1024;
    const repeat = (s: string) => s.repeat(Math.ceil(MB2 / s.length)).slice(0, MB2);
    const cases: Array<[string, () => BodyBlock[]]> = [
      ['PDF text', () => parsePaste({ text: repeat(`${PDF_TEXT}\n2\nUBND tỉnh Bắc Kạn\n`) })],
      ['Word HTML', () => parsePaste({ html: repeat(fixture('word-ke-hoach.html')) })],
      ['one line without spaces', () => parsePaste({ text: repeat('a-') })],
      ['one hard-wrapped paragraph', () => parsePaste({ text: repeat('chữ chữ chữ chữ chữ chữ chữ chữ chữ chữ chữ chữ chữ chữ chữ chữ chữ chữ hi-\n') })],
      ['dashes and numbers', () => parsePaste({ text: repeat('- 1.1.1.1.1 ((((( ::::: \n') })],
      ['nested tags', () => parsePaste({ html: repeat('<b><i><span style="font-weight:normal">x') })],
      ['conditional blocks', () => parsePaste({ html: repeat('<![if !supportLists]><p style="mso-list:l0 level1">') })],
      ['repeated lines', () => parsePaste({ text: repeat('Tiêu đề lặp lại ở mỗi trang\n1\n') })],
    ];
    const times = cases.map(([name, run]) => {
      const start = performance.now();
      run();
      return [name, performance.now() - start] as const;
    });
    console.log(times.map(([name, ms]) => `${name}: ${ms.toFixed(0)} ms`).join(', '));
    for (const [name, ms] of times) expect(ms, name).toBeLessThan(8000);
  });
});

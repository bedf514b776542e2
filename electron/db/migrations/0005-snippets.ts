import type { Migration } from './types';

// Sentences every Kế hoạch of the department repeats (from the Bắc Kạn plans); users add their own.
const STARTERS: [string, string][] = [
  ['Kinh phí thực hiện', 'Kinh phí thực hiện Kế hoạch do ngân sách nhà nước bảo đảm theo quy định của Luật Ngân sách nhà nước.'],
  [
    'Chế độ báo cáo cuối năm',
    'Các cơ quan, đơn vị được giao chủ trì thực hiện các nhiệm vụ, giải pháp tại Phụ lục kèm theo Kế hoạch này xây dựng kế hoạch của đơn vị để triển khai thực hiện. Cuối năm báo cáo kết quả thực hiện Kế hoạch về Ủy ban nhân dân tỉnh (qua Sở Nội vụ).',
  ],
  [
    'Giao Sở Nội vụ theo dõi, đôn đốc',
    'Giao Sở Nội vụ theo dõi, đôn đốc và kiểm tra các đơn vị triển khai thực hiện Kế hoạch này; cuối năm tổng hợp báo cáo Ủy ban nhân dân tỉnh kết quả triển khai thực hiện Kế hoạch.',
  ],
  [
    'Câu kết yêu cầu thực hiện',
    'Yêu cầu Thủ trưởng các sở, ban, ngành cấp tỉnh; Chủ tịch Ủy ban nhân dân các huyện, thành phố và Thủ trưởng các đơn vị liên quan nghiêm túc triển khai thực hiện Kế hoạch này. Trong quá trình triển khai thực hiện có vấn đề vướng mắc, đề nghị các cơ quan, đơn vị phản ánh về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) để kịp thời giải quyết.',
  ],
];

export const migration0005: Migration = {
  version: 5,
  name: 'snippets',
  up(db) {
    db.exec(`
      CREATE TABLE paragraph_snippets (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        search_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
    const insert = db.prepare('INSERT INTO paragraph_snippets (title, text, search_key, created_at, updated_at) VALUES (?, ?, vi_fold(? || \' \' || ?), ?, ?)');
    const now = new Date().toISOString();
    for (const [title, text] of STARTERS) insert.run(title, text, title, text, now, now);
  },
};

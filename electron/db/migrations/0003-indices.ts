import type { Migration } from './types';

type Part = [code: string, name: string, confirmed?: boolean];

// The structures public sources confirm (see shared spec indices.md); what is marked unconfirmed
// is shipped so the user can correct it, and flagged in the UI.
const PAPI: [Part, Part[]][] = [
  [['1', 'Tham gia của người dân ở cấp cơ sở'], [['1.1', 'Tri thức công dân'], ['1.2', 'Cơ hội tham gia'], ['1.3', 'Chất lượng bầu cử'], ['1.4', 'Đóng góp tự nguyện']]],
  [
    ['2', 'Công khai, minh bạch trong việc ra quyết định ở địa phương'],
    [
      ['2.1', 'Tiếp cận thông tin'],
      ['2.2', 'Công khai, minh bạch danh sách hộ nghèo'],
      ['2.3', 'Công khai, minh bạch ngân sách xã'],
      ['2.4', 'Công khai, minh bạch quy hoạch, kế hoạch sử dụng đất, khung giá đất'],
    ],
  ],
  [['3', 'Trách nhiệm giải trình với người dân'], [['3.1', 'Tương tác với các cấp chính quyền'], ['3.2', 'Giải quyết khiếu nại, tố cáo, tố giác của người dân'], ['3.3', 'Tiếp cận dịch vụ tư pháp']]],
  [
    ['4', 'Kiểm soát tham nhũng trong khu vực công'],
    [
      ['4.1', 'Kiểm soát tham nhũng trong chính quyền'],
      ['4.2', 'Kiểm soát tham nhũng trong cung ứng dịch vụ công'],
      ['4.3', 'Công bằng trong tuyển dụng vào khu vực công'],
      ['4.4', 'Quyết tâm chống tham nhũng'],
    ],
  ],
  [
    ['5', 'Thủ tục hành chính công'],
    [
      ['5.1', 'Dịch vụ chứng thực, xác nhận của chính quyền địa phương'],
      ['5.2', 'Dịch vụ cấp giấy phép xây dựng'],
      ['5.3', 'Dịch vụ cấp giấy chứng nhận quyền sử dụng đất'],
      ['5.4', 'Dịch vụ hành chính cấp xã/phường'],
    ],
  ],
  [
    ['6', 'Cung ứng dịch vụ công'],
    [['6.1', 'Dịch vụ y tế công lập'], ['6.2', 'Dịch vụ giáo dục tiểu học công lập'], ['6.3', 'Cơ sở hạ tầng căn bản'], ['6.4', 'An ninh, trật tự khu dân cư']],
  ],
  [['7', 'Quản trị môi trường'], [['7.1', 'Nghiêm túc trong bảo vệ môi trường', false], ['7.2', 'Chất lượng không khí', false], ['7.3', 'Chất lượng nước', false]]],
  [
    ['8', 'Quản trị điện tử'],
    [
      ['8.1', 'Sử dụng cổng thông tin điện tử của chính quyền địa phương'],
      ['8.2', 'Tiếp cận và sử dụng Internet'],
      ['8.3', 'Phúc đáp của chính quyền qua cổng thông tin điện tử'],
    ],
  ],
];

const SIPAS: Part[] = [
  ['1', 'Chỉ số hài lòng về tiếp cận dịch vụ'],
  ['2', 'Chỉ số hài lòng về tổ chức giải quyết thủ tục hành chính'],
  ['3', 'Chỉ số hài lòng về công chức giải quyết thủ tục hành chính'],
  ['4', 'Chỉ số hài lòng về kết quả dịch vụ'],
  ['5', 'Chỉ số hài lòng về việc tiếp nhận, xử lý phản ánh kiến nghị liên quan đến giải quyết TTHC'],
];

const PAR_INDEX: Part[] = [
  ['1', 'Công tác chỉ đạo, điều hành cải cách hành chính', false],
  ['2', 'Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại tỉnh', false],
  ['3', 'Cải cách thủ tục hành chính', false],
  ['4', 'Cải cách tổ chức bộ máy hành chính nhà nước', false],
  ['5', 'Cải cách chế độ công vụ', false],
  ['6', 'Cải cách tài chính công', false],
  ['7', 'Xây dựng và phát triển Chính phủ điện tử, Chính phủ số', false],
  ['8', 'Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội của tỉnh', false],
];

const PCI: [string, string, number][] = [
  ['1', 'Gia nhập thị trường', 5],
  ['2', 'Tiếp cận đất đai', 5],
  ['3', 'Tính minh bạch', 20],
  ['4', 'Chi phí thời gian', 5],
  ['5', 'Chi phí không chính thức', 10],
  ['6', 'Cạnh tranh bình đẳng', 5],
  ['7', 'Tính năng động của chính quyền', 5],
  ['8', 'Dịch vụ hỗ trợ doanh nghiệp', 20],
  ['9', 'Đào tạo lao động', 20],
  ['10', 'Thiết chế pháp lý và an ninh trật tự', 5],
];

export const migration0003: Migration = {
  version: 3,
  name: 'indices',
  up(db) {
    db.exec(`
      CREATE TABLE index_definitions (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        unit TEXT NOT NULL CHECK (unit IN ('diem', 'phan-tram')),
        total_max REAL
      ) STRICT;

      CREATE TABLE index_components (
        id INTEGER PRIMARY KEY,
        index_id INTEGER NOT NULL REFERENCES index_definitions(id) ON DELETE RESTRICT,
        parent_id INTEGER REFERENCES index_components(id) ON DELETE RESTRICT,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        max_score REAL,
        weight REAL,
        first_year INTEGER NOT NULL,
        last_year INTEGER,
        confirmed INTEGER NOT NULL DEFAULT 1 CHECK (confirmed IN (0, 1)),
        CHECK (last_year IS NULL OR last_year >= first_year)
      ) STRICT;
      CREATE INDEX index_components_index ON index_components(index_id);

      CREATE TABLE index_year_results (
        index_id INTEGER NOT NULL REFERENCES index_definitions(id) ON DELETE RESTRICT,
        year INTEGER NOT NULL,
        score REAL,
        rank INTEGER,
        rank_of INTEGER,
        band TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (index_id, year)
      ) STRICT;

      CREATE TABLE index_component_results (
        component_id INTEGER NOT NULL REFERENCES index_components(id) ON DELETE RESTRICT,
        year INTEGER NOT NULL,
        score REAL,
        rank INTEGER,
        band TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (component_id, year)
      ) STRICT;
    `);
    const addIndex = db.prepare('INSERT INTO index_definitions (code, name, unit, total_max) VALUES (?, ?, ?, ?)');
    const addComponent = db.prepare(
      'INSERT INTO index_components (index_id, parent_id, code, name, max_score, weight, first_year, confirmed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const papi = addIndex.run('PAPI', 'Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh', 'diem', 80).lastInsertRowid;
    for (const [[code, name], parts] of PAPI) {
      const dimension = addComponent.run(papi, null, code, name, 10, null, 2018, 1).lastInsertRowid;
      for (const [partCode, partName, confirmed = true] of parts) {
        addComponent.run(papi, dimension, partCode, partName, Math.round((10 / parts.length) * 100) / 100, null, 2018, confirmed ? 1 : 0);
      }
    }
    const sipas = addIndex.run('SIPAS', 'Chỉ số hài lòng về sự phục vụ hành chính', 'phan-tram', 100).lastInsertRowid;
    for (const [code, name] of SIPAS) addComponent.run(sipas, null, code, name, 100, null, 2017, 1);
    const par = addIndex.run('PAR INDEX', 'Chỉ số cải cách hành chính', 'phan-tram', 100).lastInsertRowid;
    for (const [code, name] of PAR_INDEX) addComponent.run(par, null, code, name, null, null, 2022, 0);
    const pci = addIndex.run('PCI', 'Chỉ số năng lực cạnh tranh cấp tỉnh', 'diem', 100).lastInsertRowid;
    for (const [code, name, weight] of PCI) addComponent.run(pci, null, code, name, 10, weight, 2016, 0);
  },
};

/** Vietnamese names of the fields users fill in, keyed by the property name used in schemas. */
const LABELS: Record<string, string> = {
  parentName: 'Tên cơ quan chủ quản',
  issuerName: 'Tên cơ quan ban hành',
  issuerFullName: 'Tên cơ quan ban hành trong câu văn',
  issuerAbbr: 'Chữ viết tắt cơ quan ban hành',
  place: 'Địa danh',
  draftingUnitAbbr: 'Chữ viết tắt đơn vị soạn thảo',
  signer: 'Người ký',
  authority: 'Dòng thẩm quyền',
  'signer.title': 'Chức vụ',
  title: 'Trích yếu',
  'signer.name': 'Họ tên',
  name: 'Tên',
  agency: 'Cơ quan',
  fullName: 'Tên đầy đủ',
  shortName: 'Tên viết gọn',
  abbreviation: 'Viết tắt',
  tier: 'Loại cơ quan',
  parentId: 'Cơ quan cấp trên',
  protocolOrder: 'Thứ tự trong Nơi nhận',
  email: 'Thư điện tử',
  phone: 'Điện thoại',
  validFrom: 'Hiệu lực từ',
  validTo: 'Hiệu lực đến',
  replacedById: 'Được thay thế bởi',
  memberIds: 'Thành viên',
  lines: 'Dòng',
  text: 'Nội dung dòng',
  note: 'Ghi chú',
  kind: 'Loại danh sách',
  options: 'Tùy chọn',
  drafter: 'Người soạn thảo',
  electronic: 'Gửi bản điện tử',
  withKinhGui: 'Có Kính gửi',
  file: 'Tệp',
  fileName: 'Tên tệp',
  base64: 'Nội dung tệp',
  query: 'Từ khóa',
  includeInactive: 'Gồm cả cơ quan ngừng sử dụng',
  confirmDuplicate: 'Xác nhận trùng',
  apply: 'Ghi vào dữ liệu',
  active: 'Đang sử dụng',
  id: 'Mã số',
  agencyId: 'Cơ quan',
  groupId: 'Nhóm',
  type: 'Kiểu dòng',
  indexId: 'Chỉ số',
  code: 'Số thứ tự',
  maxScore: 'Điểm tối đa',
  weight: 'Trọng số',
  firstYear: 'Từ năm',
  lastYear: 'Đến năm',
  confirmed: 'Đã xác nhận',
  year: 'Năm',
  overall: 'Kết quả chung',
  components: 'Thành phần',
  componentId: 'Thành phần',
  score: 'Điểm',
  rank: 'Thứ hạng',
  rankOf: 'Tổng số tỉnh xếp hạng',
  band: 'Nhóm xếp loại',
  planId: 'Kế hoạch',
  tasks: 'Nhiệm vụ',
  indexYear: 'Năm của chỉ số',
  draftYear: 'Năm ghi trên dự thảo',
  body: 'Nội dung',
  grouping: 'Cách nhóm phụ lục',
  appendixTitle: 'Tên phụ lục',
  distribution: 'Nơi nhận',
  componentLabel: 'Nội dung thành phần',
  content: 'Nội dung nhiệm vụ',
  lead: 'Cơ quan chủ trì',
  coordinators: 'Cơ quan phối hợp',
  deadline: 'Thời gian thực hiện',
  expectedOutput: 'Kết quả dự kiến',
  number: 'Số văn bản',
  date: 'Ngày ban hành',
  quarter: 'Quý',
  month: 'Tháng',
  mapping: 'Cột',
  component: 'Cột thành phần',
  headerRow: 'Dòng tiêu đề',
};

/** "signer.authority.1" → "Người ký › Dòng thẩm quyền 2"; "parent.key" entries override a bare "key". */
export function fieldLabel(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'Dữ liệu gửi lên';
  const parts: string[] = [];
  let previous = '';
  for (const key of path) {
    if (typeof key === 'number') {
      const last = parts.length - 1;
      if (last >= 0) parts[last] = `${parts[last]} ${key + 1}`;
      else parts.push(`Mục ${key + 1}`);
      continue;
    }
    const name = String(key);
    parts.push(LABELS[`${previous}.${name}`] ?? LABELS[name] ?? name);
    previous = name;
  }
  return parts.join(' › ');
}

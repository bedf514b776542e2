/** Vietnamese names of the fields users fill in, keyed by the property name used in schemas. */
const LABELS: Record<string, string> = {
  parentName: 'Tên cơ quan chủ quản',
  issuerName: 'Tên cơ quan ban hành',
  issuerAbbr: 'Chữ viết tắt cơ quan ban hành',
  place: 'Địa danh',
  draftingUnitAbbr: 'Chữ viết tắt đơn vị soạn thảo',
  signer: 'Người ký',
  authority: 'Dòng thẩm quyền',
  title: 'Chức vụ',
  name: 'Họ tên',
};

/** "signer.authority.1" → "Người ký › Dòng thẩm quyền 2". */
export function fieldLabel(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'Dữ liệu gửi lên';
  const parts: string[] = [];
  for (const key of path) {
    if (typeof key === 'number') {
      const last = parts.length - 1;
      if (last >= 0) parts[last] = `${parts[last]} ${key + 1}`;
      else parts.push(`Mục ${key + 1}`);
    } else {
      parts.push(LABELS[String(key)] ?? String(key));
    }
  }
  return parts.join(' › ');
}

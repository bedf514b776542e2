// Thông báo: the generic Mẫu 1.4 layout.
import { namedKind, type KindLayout } from './named-kind.js';

export const thongBao: KindLayout = namedKind;

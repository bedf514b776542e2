// Báo cáo: Mẫu 1.4; a report sent to a higher body carries Kính gửi under the trích yếu.
import { namedKind, type KindLayout } from './named-kind.js';

export const baoCao: KindLayout = namedKind;

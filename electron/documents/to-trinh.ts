// Tờ trình: Mẫu 1.4 sent upward, so it always carries Kính gửi under the trích yếu.
import { namedKind, type KindLayout } from './named-kind.js';

export const toTrinh: KindLayout = namedKind;

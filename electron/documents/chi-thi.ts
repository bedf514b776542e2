// Chỉ thị: Mẫu 1.4 with no Kính gửi; the signer is often the head in person ("CHỦ TỊCH").
import { namedKind, type KindLayout } from './named-kind.js';

export const chiThi: KindLayout = namedKind;

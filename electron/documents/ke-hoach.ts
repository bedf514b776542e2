// Kế hoạch: Mẫu 1.4; its task phụ lục follows in landscape sections (see appendix.ts).
import { namedKind, type KindLayout } from './named-kind.js';

export const keHoach: KindLayout = namedKind;

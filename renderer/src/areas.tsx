import AccountTreeIcon from '@mui/icons-material/AccountTree';
import ApartmentIcon from '@mui/icons-material/Apartment';
import AssessmentIcon from '@mui/icons-material/Assessment';
import DescriptionIcon from '@mui/icons-material/Description';
import EventNoteIcon from '@mui/icons-material/EventNote';
import GavelIcon from '@mui/icons-material/Gavel';
import AssignmentIcon from '@mui/icons-material/Assignment';
import DrawIcon from '@mui/icons-material/Draw';
import EventIcon from '@mui/icons-material/Event';
import MailIcon from '@mui/icons-material/Mail';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import SettingsIcon from '@mui/icons-material/Settings';
import type { ReactElement } from 'react';

export interface Area {
  path: string;
  label: string;
  icon: ReactElement;
  /** What the area is for, in a line (shown on the home page). */
  purpose: string;
}

export const AREAS: readonly Area[] = [
  { path: 'co-quan', label: 'Cơ quan', icon: <ApartmentIcon />, purpose: 'Danh mục cơ quan, đơn vị: tên chính thức, tên viết gọn, chữ viết tắt, cấp, thứ tự trong Nơi nhận và lịch sử sáp nhập.' },
  { path: 'noi-nhan', label: 'Nơi nhận', icon: <AccountTreeIcon />, purpose: 'Danh sách Nơi nhận và Kính gửi dùng lại cho nhiều văn bản.' },
  { path: 'chi-so', label: 'Chỉ số', icon: <AssessmentIcon />, purpose: 'Điểm PAPI, SIPAS, PAR INDEX, PCI theo từng năm và các chỉ số thành phần giảm điểm.' },
  { path: 'ke-hoach', label: 'Kế hoạch', icon: <EventNoteIcon />, purpose: 'Soạn Kế hoạch với Phụ lục phân công nhiệm vụ (cơ quan chủ trì, phối hợp, thời gian thực hiện).' },
  { path: 'chi-thi', label: 'Chỉ thị', icon: <GavelIcon />, purpose: 'Soạn Chỉ thị với các nhiệm vụ giao cho từng cơ quan.' },
  { path: 'cong-van', label: 'Công văn', icon: <MailIcon />, purpose: 'Soạn Công văn: trích yếu "V/v", Kính gửi, nội dung, Nơi nhận.' },
  { path: 'quyet-dinh', label: 'Quyết định', icon: <DrawIcon />, purpose: 'Soạn Quyết định: căn cứ, các điều, "Như Điều n" ở Nơi nhận; có thể ban hành kèm theo Kế hoạch, Quy chế.' },
  { path: 'to-trinh', label: 'Tờ trình', icon: <AssignmentIcon />, purpose: 'Soạn Tờ trình gửi Ủy ban nhân dân tỉnh.' },
  { path: 'giay-moi', label: 'Giấy mời', icon: <EventIcon />, purpose: 'Soạn Giấy mời họp: thời gian, địa điểm, chủ trì, thành phần.' },
  { path: 'so-van-ban', label: 'Sổ văn bản', icon: <MenuBookIcon />, purpose: 'Mọi văn bản đã soạn: dự thảo và đã ban hành, tìm kiếm không cần dấu.' },
  { path: 'bao-cao', label: 'Báo cáo', icon: <DescriptionIcon />, purpose: 'Thu báo cáo của các cơ quan theo tệp và tổng hợp Báo cáo của tỉnh.' },
  { path: 'cai-dat', label: 'Cài đặt', icon: <SettingsIcon />, purpose: 'Thông tin cơ quan ban hành, người ký mặc định và dữ liệu mẫu.' },
];

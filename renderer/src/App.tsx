import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import HomeIcon from '@mui/icons-material/Home';
import { Suspense, lazy } from 'react';
import { AREAS } from './areas';
import { HomePage } from './pages/HomePage';
import { href, useRoute } from './router';

// Each area loads when first opened, so the first screen does not wait for every editor.
const AgenciesPage = lazy(() => import('./agencies/AgenciesPage').then((m) => ({ default: m.AgenciesPage })));
const DraftEditor = lazy(() => import('./drafts/DraftEditor').then((m) => ({ default: m.DraftEditor })));
const DraftsPage = lazy(() => import('./drafts/DraftsPage').then((m) => ({ default: m.DraftsPage })));
const RegisterPage = lazy(() => import('./drafts/RegisterPage').then((m) => ({ default: m.RegisterPage })));
const IndicesPage = lazy(() => import('./indices/IndicesPage').then((m) => ({ default: m.IndicesPage })));
const PlanEditor = lazy(() => import('./plans/PlanEditor').then((m) => ({ default: m.PlanEditor })));
const PlansPage = lazy(() => import('./plans/PlansPage').then((m) => ({ default: m.PlansPage })));
const SettingsPage = lazy(() => import('./pages/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const RecipientListsPage = lazy(() => import('./recipients/RecipientListsPage').then((m) => ({ default: m.RecipientListsPage })));
const ReportsPage = lazy(() => import('./reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const RoundView = lazy(() => import('./reports/RoundView').then((m) => ({ default: m.RoundView })));

const DRAWER_WIDTH = 220;

function Page({ route }: { route: string }) {
  const [top, sub] = route.split('/');
  if (!top) return <HomePage />;
  if (top === 'cai-dat') return <SettingsPage />;
  if (top === 'co-quan') return <AgenciesPage />;
  if (top === 'noi-nhan') return <RecipientListsPage />;
  if (top === 'chi-so') return <IndicesPage />;
  if (top === 'ke-hoach') return sub ? <PlanEditor key={sub} id={Number(sub)} /> : <PlansPage />;
  if (top === 'chi-thi' || top === 'cong-van' || top === 'quyet-dinh' || top === 'to-trinh' || top === 'giay-moi') return sub ? <DraftEditor key={`${top}-${sub}`} id={Number(sub)} /> : <DraftsPage key={top} kind={top} />;
  if (top === 'so-van-ban') return <RegisterPage />;
  if (top === 'bao-cao') return sub ? <RoundView key={sub} id={Number(sub)} /> : <ReportsPage />;
  return <HomePage />;
}

export function App() {
  const route = useRoute();
  const top = route.split('/')[0] ?? '';
  const current = AREAS.find((a) => a.path === top);
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (t) => t.zIndex.drawer + 1 }}>
        <Toolbar variant="dense">
          <Typography variant="h6" component="div" sx={{ fontWeight: 700, mr: 2 }}>
            NoiVu Desk
          </Typography>
          <Typography variant="body2" sx={{ opacity: 0.85 }}>
            {current?.label ?? 'Tổng quan'}
          </Typography>
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}
      >
        <Toolbar variant="dense" />
        <Box component="nav" aria-label="Các khu vực làm việc">
          <List dense>
            <ListItemButton component="a" href={href('')} selected={!top}>
              <ListItemIcon>
                <HomeIcon />
              </ListItemIcon>
              <ListItemText primary="Tổng quan" />
            </ListItemButton>
            {AREAS.map((area) => (
              <ListItemButton key={area.path} component="a" href={href(area.path)} selected={top === area.path}>
                <ListItemIcon>{area.icon}</ListItemIcon>
                <ListItemText primary={area.label} />
              </ListItemButton>
            ))}
          </List>
        </Box>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 3, minWidth: 0 }}>
        <Toolbar variant="dense" />
        <Suspense fallback={<Typography>Đang tải…</Typography>}>
          <Page route={route} />
        </Suspense>
      </Box>
    </Box>
  );
}

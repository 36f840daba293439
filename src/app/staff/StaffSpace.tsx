import { useLocation } from 'preact-iso';
import { usePageTitle } from '../ui/usePageTitle';
import { useServices } from '../services/services';
import { useStaffT } from './i18n/staffMessages';
import { parseStaffRoute } from './routes';
import { SignIn } from './SignIn';
import { StaffHome } from './StaffHome';
import { StaffNav } from './StaffNav';
import '../i18n/screens';
import './staff.css';

// The whole staff space is one lazy chunk (App.tsx); inside it, only opening-hours
// evaluation is loaded later (schedule/useHoursCheck.ts), as it weighs ~115 KB gzipped.
import { DirectoryList } from './directory/DirectoryList';
import { EditScreen } from './directory/EditScreen';
import { ConflictsScreen } from './conflicts/ConflictsScreen';
import { CorrectionsScreen } from './corrections/CorrectionsScreen';
import { TransferScreen } from './transfer/TransferScreen';
import { IndicatorsScreen } from './indicators/IndicatorsScreen';
import { AdminScreen } from './admin/AdminScreen';
import { NotesScreen } from './notes/NotesScreen';

/** /bureau/*: the Civray office. Signed-in staff or admin accounts only. */
export function StaffSpace() {
  const { staff } = useServices();
  const { path, query } = useLocation();
  if (!staff) return <NoStaffServices />;
  const user = staff.account.value;
  if (!user || (user.role !== 'staff' && user.role !== 'admin')) return <SignIn wrongRole={user?.role} />;
  const route = parseStaffRoute(path, query);
  return (
    <div class="staff">
      <StaffNav path={path} user={user} />
      {route.screen === 'home' && <StaffHome />}
      {route.screen === 'list' && <DirectoryList collection={route.collection} />}
      {route.screen === 'edit' && <EditScreen collection={route.collection} id={route.id} correction={route.correction} />}
      {route.screen === 'conflicts' && <ConflictsScreen />}
      {route.screen === 'corrections' && <CorrectionsScreen />}
      {route.screen === 'transfer' && <TransferScreen />}
      {route.screen === 'indicators' && <IndicatorsScreen />}
      {route.screen === 'admin' && <AdminScreen />}
      {route.screen === 'notes' && <NotesScreen />}
      {route.screen === 'notFound' && <StaffHome />}
    </div>
  );
}

function NoStaffServices() {
  const t = useStaffT();
  usePageTitle(t('noData.title'));
  return (
    <section class="page" aria-labelledby="staff-title">
      <h1 id="staff-title">{t('noData.title')}</h1>
      <p>{t('noData.body')}</p>
    </section>
  );
}

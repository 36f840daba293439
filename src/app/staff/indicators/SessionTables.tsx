import type { Indicators, SessionRow, StopRow } from '../../../shared/indicators/computeIndicators';
import { lang } from '../../i18n/i18n';
import { useStaffT } from '../i18n/staffMessages';
import { SortableTable } from '../SortableTable';

/** People helped per stop of the tours, then per session. */
export function SessionTables({ ind }: { ind: Indicators }) {
  const t = useStaffT();
  return (
    <>
      <SortableTable<StopRow>
        caption={t('ind.perStop')} rows={ind.perStop} rowKey={(s) => s.key} rowHeader="name" initialSort={{ key: 'people', dir: 'descending' }}
        columns={[
          { key: 'name', label: t('ind.stop'), sortValue: (s) => s.name, render: (s) => (s.meetingPoint ? `${s.name} — ${s.meetingPoint}` : s.name) },
          { key: 'sessions', label: t('ind.sessions'), numeric: true, sortValue: (s) => s.sessions, render: (s) => s.sessions },
          { key: 'visits', label: t('ind.visits'), numeric: true, sortValue: (s) => s.visits, render: (s) => s.visits },
          { key: 'people', label: t('ind.people'), numeric: true, sortValue: (s) => s.people, render: (s) => s.people },
          { key: 'average', label: t('ind.average'), numeric: true, sortValue: (s) => s.average, render: (s) => s.average.toLocaleString(lang.value === 'en' ? 'en-GB' : 'fr-FR') },
        ]}
      />
      <SortableTable<SessionRow>
        caption={t('ind.perSession')} rows={ind.perSession} rowKey={(s) => s.sessionId} initialSort={{ key: 'date', dir: 'descending' }}
        columns={[
          { key: 'date', label: t('ind.date'), sortValue: (s) => s.date, render: (s) => s.date },
          { key: 'name', label: t('col.commune'), sortValue: (s) => s.name, render: (s) => s.name },
          { key: 'visits', label: t('ind.visits'), numeric: true, sortValue: (s) => s.visits, render: (s) => s.visits },
          { key: 'people', label: t('ind.people'), numeric: true, sortValue: (s) => s.people, render: (s) => s.people },
        ]}
      />
    </>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { EDITABLE_COLLECTIONS, type EditableCollection } from '../../../shared/sync/collections';
import type { AdminApi } from '../../services/staffServices';
import { isStaffKey, useStaffT, type StaffKey } from '../i18n/staffMessages';
import { collectionHref } from '../routes';
import { useStaff } from '../useStaff';
import { adminProblem } from './adminProblem';
import { TableScroll } from '../TableScroll';

type AuditEntry = Awaited<ReturnType<AdminApi['audit']>>['entries'][number];

const PAGE = 20;
const when = (iso: string) => new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'medium' });

/** The directory collection of an action (`place.update` → place), if it is a directory edit. */
function directoryOf(action: string): EditableCollection | undefined {
  const c = action.split('.')[0];
  return (EDITABLE_COLLECTIONS as readonly string[]).includes(c ?? '') ? (c as EditableCollection) : undefined;
}

/**
 * "Journal des actions": the territory's admin actions and directory edits (pushed by
 * staff devices, one line per applied edit, with the version it made), newest first (who, when, what, on
 * what), 20 at a time with a button for older ones. `generation` changes after each action
 * on this screen, so the new line shows at once.
 */
export function AuditLog({ generation }: { generation: number }) {
  const t = useStaffT();
  const staff = useStaff();
  const [entries, setEntries] = useState<AuditEntry[]>();
  const [next, setNext] = useState<number | null>(null);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let alive = true;
    staff.admin.audit({ limit: PAGE }).then(
      (page) => {
        if (!alive) return;
        setEntries(page.entries);
        setNext(page.nextBefore);
        setProblem(undefined);
      },
      (e: unknown) => alive && setProblem(adminProblem(e, t)),
    );
    return () => {
      alive = false;
    };
  }, [generation]);

  async function more() {
    if (next === null) return;
    setBusy(true);
    try {
      const page = await staff.admin.audit({ before: next, limit: PAGE });
      setEntries((old) => [...(old ?? []), ...page.entries]);
      setNext(page.nextBefore);
    } catch (e) {
      setProblem(adminProblem(e, t));
    } finally {
      setBusy(false);
    }
  }

  const action = (a: string) => {
    const key = `audit.${a}`;
    return isStaffKey(key) ? t(key) : a;
  };
  const who = (e: AuditEntry) => (e.actor.displayName ? `${e.actor.displayName} (${e.actor.login ?? ''})` : e.actor.login ?? t('audit.unknownUser'));
  const what = (e: AuditEntry) => {
    const d = e.details as { role?: unknown; version?: unknown } | null;
    if (typeof d?.role === 'string') return `${action(e.action)} — ${t(`role.${d.role}` as StaffKey)}`;
    if (directoryOf(e.action) && typeof d?.version === 'number') return `${action(e.action)} — ${t('audit.version', { version: d.version })}`;
    return action(e.action);
  };
  const target = (e: AuditEntry) => {
    if (e.action.startsWith('device.')) {
      return <>{t('admin.device')} <span class="mono">{e.target.slice(0, 8)}</span>{e.targetLabel ? ` — ${e.targetLabel}` : ''}</>;
    }
    const collection = directoryOf(e.action);
    if (collection) {
      // A record's id is short and readable (or a UUID): shown whole when it has no name.
      const name = e.targetLabel ?? <span class="mono">{e.target}</span>;
      return e.action.endsWith('.delete') ? name : <a href={collectionHref(collection, e.target)}>{name}</a>;
    }
    return e.targetLabel ?? <span class="mono">{e.target.slice(0, 8)}</span>;
  };
  return (
    <section aria-labelledby="audit-title" class="audit-log">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <p>{t('audit.intro')}</p>
      {problem && <p role="alert" class="notice notice-warn">{problem}</p>}
      {entries && entries.length === 0 && <p>{t('audit.empty')}</p>}
      {entries && entries.length > 0 && (
        <TableScroll label={t('audit.caption')}>
          <table class="staff-table">
            <caption>{t('audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.target')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td><time dateTime={e.at}>{when(e.at)}</time></td>
                  <td>{who(e)}</td>
                  <th scope="row">{what(e)}</th>
                  <td>{target(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {next !== null && (
        <button type="button" class="button button-quiet" disabled={busy} onClick={() => void more()}>{t('audit.more')}</button>
      )}
    </section>
  );
}

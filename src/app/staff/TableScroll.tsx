import type { ComponentChildren } from 'preact';
import { useStaffT } from './i18n/staffMessages';

/**
 * The box a wide table scrolls in. A keyboard can scroll only what it can focus, so the box
 * is in the tab order, as a group named after its table (axe: scrollable-region-focusable;
 * WCAG 2.1.1). A group, not a region: a region is a landmark, and a screen reader's list of
 * landmarks would fill with tables, some named like the section around them.
 */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  const t = useStaffT();
  return (
    <div class="staff-table-wrap" role="group" aria-label={t('table.region', { caption: label })} tabIndex={0}>
      {children}
    </div>
  );
}

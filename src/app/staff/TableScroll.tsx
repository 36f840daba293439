import type { ComponentChildren } from 'preact';
import { useStaffT } from './i18n/staffMessages';

/**
 * The box a wide table scrolls in. A keyboard can scroll only what it can focus, so the box
 * is in the tab order, as a region named after its table (axe: scrollable-region-focusable;
 * WCAG 2.1.1). Its name says "table" before the caption: a section around it is often
 * named by the same words, and two landmarks of one name cannot be told apart.
 */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  const t = useStaffT();
  return (
    <div class="staff-table-wrap" role="region" aria-label={t('table.region', { caption: label })} tabIndex={0}>
      {children}
    </div>
  );
}

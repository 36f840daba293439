/**
 * The layout checks of the screenshot walkthrough (tests/e2e/walkthrough.e2e.ts), run in the
 * page as it is now (issue 22, docs/interface.md):
 *
 * - overflow: the document no wider than the window, and no element whose box passes the
 *   window's left or right edge, except inside a box that clips or scrolls on purpose (a
 *   wide table's TableScroll, the map);
 * - covered: every visible control (link, button, field, summary, tab stop), scrolled into
 *   view the way the browser does for Tab (`block: 'nearest'`, which honours
 *   scroll-padding), is the element `elementFromPoint` finds at its centre, or holds it;
 * - targets: every such control is 44 × 44 CSS px or more.
 *
 * Exceptions, each with its reason (WCAG 2.5.5 names the first one):
 * - a link inside a sentence or a block of text ("inline"): its size is the text's;
 * - the skip link, placed above the page until it has the focus;
 * - the map's markers and Leaflet's attribution: markers of places a few hundred metres
 *   apart overlap at the territory's zoom (markers at the very same point are fanned out,
 *   src/app/map/fanOut.ts); the list under the map and the keyboard path reach each place;
 * - a control clipped out of sight by a box that scrolls (the rest of a wide table) is
 *   checked only where it shows.
 */
import type { Page } from 'playwright-core';

export interface LayoutProblem {
  kind: 'overflow' | 'covered' | 'target';
  /** `<a.place-link> "France Services de Gençay" at 16,210 328×96` */
  element: string;
  detail: string;
}

/** Runs in the page: keep it free of imports and closures (Playwright serialises it). */
function auditInPage(): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const vw = document.documentElement.clientWidth;
  const vh = window.innerHeight;
  const name = (el: Element): string => {
    const r = el.getBoundingClientRect();
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const id = el.id ? `#${el.id}` : '';
    const text = ((el as HTMLElement).innerText || el.getAttribute('aria-label') || (el as HTMLInputElement).value || el.textContent || '')
      .replace(/\s+/g, ' ').trim().slice(0, 60);
    return `<${el.tagName.toLowerCase()}${id}${cls}> "${text}" at ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`;
  };
  // checkVisibility() also says no for what a closed <details> holds: Chromium lays that out
  // on demand for getBoundingClientRect, as if it showed, at places it does not show.
  const hiddenByStyle = (el: Element): boolean => {
    if (el.closest('.visually-hidden, [hidden], [aria-hidden="true"] *')) return true;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return true;
    const style = getComputedStyle(el);
    return style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0;
  };
  /** The nearest ancestor that clips its content sideways (overflow other than visible). */
  const clipper = (el: Element): Element | undefined => {
    for (let p = el.parentElement; p && p !== document.body && p !== document.documentElement; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o !== 'visible') return p;
    }
    return undefined;
  };

  // 1. Overflow.
  const root = document.documentElement;
  if (root.scrollWidth > vw) problems.push({ kind: 'overflow', element: '<html>', detail: `document ${root.scrollWidth} px wide in a ${vw} px window` });
  const wide: Element[] = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right <= vw + 0.5 && r.left >= -0.5) continue;
    if (el.closest('.skip-link') || hiddenByStyle(el)) continue;
    const clip = clipper(el);
    if (clip) {
      const c = clip.getBoundingClientRect();
      if (c.right <= vw + 0.5 && c.left >= -0.5) continue;
    }
    // Only the outermost culprit: its children overflow because it does.
    if (wide.some((w) => w.contains(el))) continue;
    wide.push(el);
  }
  for (const el of wide.slice(0, 10)) {
    const r = el.getBoundingClientRect();
    problems.push({ kind: 'overflow', element: name(el), detail: `passes the ${vw} px window (left ${Math.round(r.left)}, right ${Math.round(r.right)})` });
  }

  // 2 and 3. Controls: covered, and too small.
  const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex="0"], [role="button"]';
  const controls = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
    if (el.closest('.skip-link, .leaflet-control-attribution, .leaflet-marker-pane')) return false;
    if ((el as HTMLButtonElement).disabled) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && !hiddenByStyle(el);
  });
  /** A link in a line of text: inline, in a block that says more than the link. */
  const isInline = (el: HTMLElement): boolean => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    let block = el.parentElement;
    while (block && ['inline', 'contents'].includes(getComputedStyle(block).display)) block = block.parentElement;
    const own = (el.textContent ?? '').trim().length;
    return !!block && (block.textContent ?? '').trim().length > own + 2;
  };
  const scrollX = window.scrollX;
  const scrollY = window.scrollY;
  // Boxes that scroll (a wide table's) are put back too, so the screenshot shows them as
  // the person finds them, not scrolled to their last cell.
  const boxes = new Map<Element, [number, number]>();
  for (const el of controls) {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (!boxes.has(p) && getComputedStyle(p).overflowX !== 'visible') boxes.set(p, [p.scrollLeft, p.scrollTop]);
    }
    const before = el.getBoundingClientRect();
    if (before.width < 43.5 || before.height < 43.5) {
      if (!isInline(el)) problems.push({ kind: 'target', element: name(el), detail: `${Math.round(before.width)}×${Math.round(before.height)} px, under 44×44` });
    }
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    // A link broken over two lines: the middle of its first line, not the gap between them.
    const r = getComputedStyle(el).display === 'inline' ? (el.getClientRects()[0] ?? el.getBoundingClientRect()) : el.getBoundingClientRect();
    // A control taller or wider than the window: its visible middle.
    let x = Math.min(Math.max(r.left + r.width / 2, 1), vw - 1);
    let y = Math.min(Math.max(r.top + r.height / 2, 1), vh - 1);
    const clip = clipper(el);
    if (clip) {
      const c = clip.getBoundingClientRect();
      if (x < c.left || x > c.right || y < c.top || y > c.bottom) continue; // scrolled out of its own box
      x = Math.min(Math.max(x, c.left + 1), c.right - 1);
      y = Math.min(Math.max(y, c.top + 1), c.bottom - 1);
    }
    const hit = document.elementFromPoint(x, y);
    if (!hit) continue;
    if (hit === el || el.contains(hit)) continue;
    // A field inside its own label.
    const label = el.closest('label');
    if (label && label.contains(hit)) continue;
    problems.push({ kind: 'covered', element: name(el), detail: `under ${name(hit)}` });
  }
  for (const [box, [left, top]] of boxes) box.scrollTo(left, top);
  window.scrollTo(scrollX, scrollY);
  return problems;
}

/** The problems of the page as it is now, each a line naming the element. */
export async function auditLayout(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(auditInPage);
}

/**
 * Accessibility audit with axe-core inside a Playwright page.
 *
 * The server's Content Security Policy (`script-src 'self'`) blocks an inline script, so
 * axe is injected as an init script of the context (which CSP does not apply to), or, on
 * a page already open, through `addScriptTag({ path })` on a context created with
 * `bypassCSP: true`. `runAxe` tries what is already there first.
 */
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import type { AxeResults, Result, RunOptions } from 'axe-core';

const require = createRequire(import.meta.url);
export const AXE_PATH: string = require.resolve('axe-core/axe.min.js');

/** Makes axe available in every page the context opens from now on (before the next navigation). */
export async function installAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ path: AXE_PATH });
}

/** WCAG 2.1 A and AA, the level the project commits to (RGAA), plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Runs axe on the page as it is now and returns its violations. */
export async function runAxe(page: Page, options: RunOptions = {}): Promise<Result[]> {
  const present = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!present) {
    try {
      await page.addScriptTag({ path: AXE_PATH });
    } catch (error) {
      throw new Error(
        'axe-core could not be injected (the page CSP blocks it). Call installAxe(context) before ' +
          'navigating, or create the context with bypassCSP: true.\n' + String(error),
      );
    }
  }
  const runOptions: RunOptions = { runOnly: { type: 'tag', values: AXE_TAGS }, ...options };
  const results = await page.evaluate(
    (opts) => (globalThis as unknown as { axe: { run(ctx: Document, o: unknown): Promise<AxeResults> } }).axe.run(document, opts),
    runOptions as unknown as Record<string, unknown>,
  );
  return results.violations;
}

/** One readable paragraph per violation: rule, impact, help link and the offending nodes. */
export function formatViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
      return `[${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n\n');
}

/** Throws with every violation spelled out when axe finds any. */
export async function expectNoAxeViolations(page: Page, label = page.url(), options: RunOptions = {}): Promise<void> {
  const violations = await runAxe(page, options);
  if (violations.length > 0) {
    throw new Error(`axe found ${violations.length} accessibility violation(s) on ${label}:\n\n${formatViolations(violations)}`);
  }
}

// Renders the app icons (public/icons/*.png and public/favicon.svg) from iconSvg.mjs
// with Debian's Chromium through playwright-core. Run by hand when the pictogram
// changes: `node src/app/pwa/renderIcons.mjs`; the PNGs are committed.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { iconSvg } from './iconSvg.mjs';

const out = new URL('../../../public/', import.meta.url).pathname;
mkdirSync(join(out, 'icons'), { recursive: true });
writeFileSync(join(out, 'favicon.svg'), iconSvg());

const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'escale-icons-')), {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  const targets = [
    { file: 'icon-192.png', size: 192, svg: iconSvg({ rounded: false }) },
    { file: 'icon-512.png', size: 512, svg: iconSvg({ rounded: false }) },
    { file: 'icon-maskable-512.png', size: 512, svg: iconSvg({ maskable: true }) },
  ];
  for (const { file, size, svg } of targets) {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace('width="512" height="512"', `width="${size}" height="${size}"`);
    await page.setContent(`<html><body style="margin:0">${sized}</body></html>`);
    await page.locator('svg').screenshot({ path: join(out, 'icons', file), omitBackground: true });
    console.log('wrote', file);
  }
} finally {
  await browser.close();
}

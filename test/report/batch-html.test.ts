// report.html in a real headless Chromium: it renders with no console error and loads nothing
// but itself, has a row per model and target, filtering and sorting work, a model expands into
// its findings, schema, Dockerfile changes and MIGRATION.md. A screenshot is kept as an artifact
// (.cache/artifacts/report-html.png).
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cli } from '../helpers/cli.js';
import { FATAL, GOOD, WARNS, freshOut, modelTree, readReport } from '../helpers/batch.js';
import { launchChromium } from '../helpers/browser.js';
import { TARGETS } from '../../src/cli/targets.js';

const ROOT = resolve(import.meta.dirname, '../..');
const ARTIFACTS = join(ROOT, '.cache', 'artifacts');
const targets = Object.keys(TARGETS);

let out = '';
let browser: Browser;
let page: Page;
const problems: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  const root = modelTree({ 'org/alpha': GOOD, 'org/beta': WARNS, broken: FATAL, 'zeta <b>bold</b>': GOOD });
  out = freshOut();
  await cli('batch', root, '--to', targets.join(','), '--out', out, '--jobs', '2', '--quiet', '--fail-on', 'never');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(join(out, 'report.html')).href);
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

const visibleRows = () => page.locator('#rows tbody tr.row:visible');

describe('report.html in Chromium', () => {
  it('renders with no console error and requests nothing but itself', async () => {
    await expect.poll(() => page.locator('#count').textContent()).toMatch(/rows/);
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(join(out, 'report.html')).href]);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/[^"'\s]*\.(js|css)\b/);
  });

  it('has a row per model and target, with status and finding counts', async () => {
    expect(await page.locator('#rows tbody tr.row').count()).toBe(4 * targets.length);
    const broken = page.locator('tr.row[data-model="broken"][data-target="fal"]');
    expect(await broken.locator('.status').textContent()).toBe('failed');
    expect(Number(await broken.getAttribute('data-errors'))).toBeGreaterThan(0);
    // a model name with markup is text, not markup
    expect(await page.locator('button.expand', { hasText: 'zeta <b>bold</b>' }).count()).toBe(targets.length);
  });

  it('filters by text, by finding code and by status', async () => {
    await page.fill('#filter', 'broken');
    expect(await visibleRows().count()).toBe(targets.length);
    await page.fill('#filter', 'CM110');
    expect(await visibleRows().locator('button.expand').allTextContents()).toEqual(targets.map(() => 'org/beta'));
    await page.fill('#filter', '');
    await page.selectOption('#status', 'failed');
    const report = readReport(out);
    const failed = report.models.flatMap((m) => m.rows).filter((r) => r.status === 'failed').length;
    expect(await visibleRows().count()).toBe(failed);
    expect(await page.locator('#count').textContent()).toBe(`${failed} of ${4 * targets.length} rows`);
    await page.selectOption('#status', '');
    expect(await visibleRows().count()).toBe(4 * targets.length);
  });

  it('sorts by a column, both ways', async () => {
    await page.click('#rows th[data-key="errors"]');
    const asc = (await visibleRows().evaluateAll((rs) => rs.map((r) => Number(r.getAttribute("data-errors")))));
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    await page.click('#rows th[data-key="errors"]');
    const desc = (await visibleRows().evaluateAll((rs) => rs.map((r) => Number(r.getAttribute("data-errors")))));
    expect(desc).toEqual([...asc].sort((a, b) => b - a));
    expect(await page.getAttribute('#rows th[data-key="errors"]', 'aria-sort')).toBe('descending');
    await page.click('#rows th[data-key="model"]');
    const models = await visibleRows().evaluateAll((rs) => rs.map((r) => r.getAttribute("data-model")!));
    expect(models).toEqual([...models].sort((a, b) => a.localeCompare(b)));
  });

  it('expands a model into findings (file:line), schema, Dockerfile changes and MIGRATION.md, and collapses it', async () => {
    const row = page.locator('tr.row[data-model="org/beta"][data-target="fal"]');
    await row.locator('button.expand').click();
    const detail = page.locator('tr.detail');
    await expect.poll(() => detail.count()).toBe(1);
    const text = await detail.textContent();
    expect(text).toContain('CM110');
    expect(await detail.locator('a.where').first().textContent()).toMatch(/^cog\.yaml:\d+/);
    expect(await detail.locator('a.where').first().getAttribute('href')).toBe('org__beta/fal/cog.yaml');
    expect(await detail.locator('table.schema td code').allTextContents()).toEqual(['text']);
    expect(await detail.locator('pre.df .removed').count()).toBeGreaterThan(0);
    expect(await detail.locator('pre.df .reason').count()).toBeGreaterThan(0);
    await detail.locator('summary', { hasText: 'MIGRATION.md' }).click();
    expect(await detail.locator('details pre').textContent()).toContain('# Migrating `beta`');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.mouse.wheel(0, -100_000);
    await page.screenshot({ path: join(ARTIFACTS, 'report-html.png'), fullPage: true });
    await row.locator('button.expand').click();
    expect(await page.locator('tr.detail').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

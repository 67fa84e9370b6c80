#!/usr/bin/env node
// Real-browser end-to-end check of a generated gitbrief site (see README.md in this directory).
//
//   node tests/e2e/site.spec.mjs BASE_URL DAY_PAGE EXPECTED_HIGH AUTHOR EXPECTED_TITLE SCREENSHOT
//
// BASE_URL must be http://127.0.0.1:PORT (the site root, where search.html lives); DAY_PAGE is relative to it.
// Prints one JSON line ({"ok":true,...} or {"ok":false,"error":...}) on stdout; exit 0 pass, 1 fail, 2 usage.
// No test runner: plain playwright-core driving the system chromium (no browser download).

const usage = 'usage: node site.spec.mjs BASE_URL DAY_PAGE EXPECTED_HIGH AUTHOR EXPECTED_TITLE SCREENSHOT';
const chromiumPath = process.env.GITBRIEF_CHROMIUM || '/usr/bin/chromium';
const timeoutMs = 15_000;

function finish(result, code) {
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(code);
}

function fail(message, details = {}) {
  process.stderr.write(`site.spec: FAIL: ${message}\n`);
  finish({ ok: false, error: message, ...details }, 1);
}

const [baseArg, dayPage, highArg, author, expectedTitle, screenshotPath] = process.argv.slice(2);
if (!screenshotPath || process.argv.length !== 8) {
  process.stderr.write(usage + '\n');
  finish({ ok: false, error: usage }, 2);
}
const expectedHigh = Number.parseInt(highArg, 10);
if (!Number.isInteger(expectedHigh) || expectedHigh < 0) {
  finish({ ok: false, error: `EXPECTED_HIGH must be a non-negative integer, got "${highArg}"` }, 2);
}
let base;
try {
  base = new URL(baseArg.endsWith('/') ? baseArg : baseArg + '/');
} catch {
  finish({ ok: false, error: `BASE_URL is not a URL: "${baseArg}"` }, 2);
}
if (base.hostname !== '127.0.0.1') {
  finish({ ok: false, error: `BASE_URL must be on 127.0.0.1, got "${base.host}"` }, 2);
}

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (error) {
  fail(`cannot load playwright-core (${error.message}); install it with: npm ci --prefix tests/e2e`);
}
const fs = await import('node:fs');
const path = await import('node:path');
if (!fs.existsSync(chromiumPath)) {
  fail(`chromium not found at ${chromiumPath}; install it with: apt-get install -y --no-install-recommends chromium`);
}

const consoleErrors = [];
const offHostRequests = [];
const checks = [];
const dayUrl = new URL(dayPage.replace(/^\/+/, ''), base).href;
const searchUrl = new URL('search.html', base).href;
let browser;

function check(condition, message, details) {
  if (!condition) {
    throw Object.assign(new Error(message), { details });
  }
  checks.push(message);
}

async function expectCsp(page, label) {
  const csp = await page.evaluate(() =>
    [...document.querySelectorAll('meta[http-equiv]')]
      .filter((m) => m.httpEquiv.toLowerCase() === 'content-security-policy')
      .map((m) => m.content));
  check(csp.length === 1, `${label}: exactly one CSP meta`, { csp });
  const policy = csp[0];
  check(/(^|;)\s*default-src 'self'\s*(;|$)/.test(policy), `${label}: CSP default-src 'self'`, { policy });
  check(/(^|;)\s*script-src 'self'\s*(;|$)/.test(policy), `${label}: CSP script-src 'self' (nothing else)`, { policy });
  check(!policy.includes('unsafe-'), `${label}: CSP has no unsafe-* source`, { policy });
}

async function expectNoInjection(page, label, scope) {
  const xss = await page.evaluate(() => typeof window.__xss === 'undefined' ? null : String(window.__xss));
  check(xss === null, `${label}: window.__xss stays undefined`, { xss });
  // Data is text: no <script> inside the content, and no inline event handler (on*) anywhere on the page.
  const injected = await page.evaluate((selector) => [
    ...[...document.querySelectorAll(`${selector} script`)].map((e) => e.outerHTML),
    ...[...document.querySelectorAll('*')]
      .filter((e) => [...e.attributes].some((a) => a.name.toLowerCase().startsWith('on')))
      .map((e) => e.outerHTML),
  ], scope);
  check(injected.length === 0, `${label}: no <script> in ${scope} and no on* handler attributes (data rendered as text)`, { injected });
}

async function visibleCommits(page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('article.commit')];
    const notHidden = all.filter((a) => !a.hidden);
    const rendered = all.filter((a) => a.getClientRects().length > 0);
    return {
      total: all.length,
      notHidden: notHidden.length,
      rendered: rendered.length,
      notHiddenImportance: notHidden.map((a) => a.dataset.importance),
      count: document.querySelector('#visible-count')?.textContent.trim() ?? null,
    };
  });
}

try {
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    timeout: 60_000,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  context.setDefaultTimeout(timeoutMs);
  // Anything not on 127.0.0.1 is recorded (a failure) and never leaves the machine.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:')
        && url.hostname !== '127.0.0.1') {
      offHostRequests.push(url.href);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') {
      consoleErrors.push(`${message.text()} (${message.location().url || page.url()})`);
    }
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message} (${page.url()})`));
  page.on('requestfailed', (request) => {
    if (!offHostRequests.includes(request.url())) {
      consoleErrors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
    }
  });

  // --- day page ---------------------------------------------------------------------------------
  const dayResponse = await page.goto(dayUrl, { waitUntil: 'load' });
  check(dayResponse?.ok(), `day page ${dayUrl} answers 2xx`, { status: dayResponse?.status() });
  await expectCsp(page, 'day page');
  await expectNoInjection(page, 'day page', 'main');
  const initial = await visibleCommits(page);
  check(initial.total > 0, 'day page has article.commit elements', initial);
  check(initial.total >= expectedHigh, `day page has at least ${expectedHigh} commits`, initial);

  const highButton = page.locator('button.filter[data-filter-importance="high"]');
  check(await highButton.count() === 1, 'exactly one high-importance filter button', {});
  await highButton.click();
  await page.waitForFunction((n) => document.querySelector('#visible-count')?.textContent.trim() === String(n)
    && document.querySelectorAll('article.commit:not([hidden])').length === n, expectedHigh)
    .catch(() => {});
  const high = await visibleCommits(page);
  check(high.count === String(expectedHigh), `#visible-count is ${expectedHigh} after the high filter`, high);
  check(high.notHidden === expectedHigh, `${expectedHigh} article.commit:not([hidden]) after the high filter`, high);
  check(high.rendered === expectedHigh, `hidden commits are not rendered (${expectedHigh} on screen)`, high);
  check(high.notHiddenImportance.every((i) => i === 'high'), 'only data-importance="high" commits stay visible', high);

  const allButton = page.locator('button.filter[data-filter-importance="all"]');
  check(await allButton.count() === 1, 'exactly one all-importance filter button', {});
  await allButton.click();
  await page.waitForFunction((n) => document.querySelectorAll('article.commit:not([hidden])').length === n, initial.total)
    .catch(() => {});
  const reset = await visibleCommits(page);
  check(reset.notHidden === initial.total && reset.count === String(initial.total),
    `the all filter shows all ${initial.total} commits again`, reset);
  await expectNoInjection(page, 'day page after filtering', 'main');

  // Commit times are shown in the report's time zone: the offset of the day's window start (generated sites).
  const times = await page.evaluate(() => {
    const start = document.querySelector('p.window[data-start]')?.getAttribute('data-start');
    const offset = start ? start.slice(-6) : null;
    return {
      offset,
      datetimes: offset ? [...document.querySelectorAll('article.commit time[datetime]')].map((t) => t.getAttribute('datetime')) : [],
    };
  });
  check(times.datetimes.every((d) => d.endsWith(times.offset)), `commit times are in the report's zone (${times.offset})`, times);

  // A theme's commit link lands on that commit (generated sites have themes on busy days).
  const themeLinks = await page.locator('details.theme-commits').count();
  if (themeLinks > 0) {
    // The link to the commit highest on the page: the page is long enough below it to scroll it to the top.
    const targets = await page.evaluate(() => {
      const order = [...document.querySelectorAll('article.commit')].map((a) => '#' + a.id);
      return [...document.querySelectorAll('details.theme-commits a')].map((a, index) => ({ index, href: a.getAttribute('href') ?? '' }))
        .sort((x, y) => order.indexOf(x.href.slice(x.href.indexOf('#'))) - order.indexOf(y.href.slice(y.href.indexOf('#'))));
    });
    await page.locator('details.theme-commits > summary').first().click();
    await page.evaluate(() => document.querySelectorAll('details.theme-commits').forEach((d) => { d.open = true; }));
    const link = page.locator('details.theme-commits a').nth(targets[0].index);
    const target = (await link.getAttribute('href')) ?? '';
    await link.click();
    await page.waitForFunction((hash) => window.location.hash === hash, target.slice(target.indexOf('#'))).catch(() => {});
    const landed = await page.evaluate(() => {
      const commit = document.getElementById(window.location.hash.slice(1));
      const filters = document.querySelector('section.filters')?.getBoundingClientRect();
      const title = commit?.querySelector('.commit-title')?.getBoundingClientRect();
      return { hash: window.location.hash, found: !!commit, titleTop: title?.top ?? null, filtersBottom: filters?.bottom ?? null };
    });
    check(landed.found && target.endsWith(landed.hash), `the theme link ${target} lands on its commit`, landed);
    check(landed.filtersBottom === null || landed.titleTop >= landed.filtersBottom - 1, 'the commit it lands on is not under the sticky filters', landed);
  }

  fs.mkdirSync(path.dirname(path.resolve(screenshotPath)), { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath, fullPage: true });
  checks.push(`screenshot saved to ${screenshotPath}`);

  // --- index, repository and "last 7 days" pages (generated sites) ------------------------------
  const indexResponse = await page.goto(new URL('index.html', base).href, { waitUntil: 'load' });
  check(indexResponse?.ok(), 'index.html answers 2xx', { status: indexResponse?.status() });
  await expectCsp(page, 'index');
  const repositories = await page.evaluate(() => [...document.querySelectorAll('section.repository[data-recent-commits]')].map((s) => ({
    commits: Number(s.getAttribute('data-recent-commits')),
    week: s.querySelector('a.week')?.getAttribute('href') ?? null,
    all: s.querySelector('a.all-days')?.getAttribute('href') ?? null,
  })));
  let repositoryPages = 0;
  if (repositories.length > 0) {
    await page.screenshot({ path: screenshotPath.replace(/\.png$/, '-index.png'), fullPage: true });
    const counts = repositories.map((r) => r.commits);
    check(counts.every((c, i) => i === 0 || counts[i - 1] >= c), 'the index lists the busiest repository first', { counts });
    for (const repository of repositories) {
      for (const [label, href] of [['repository page', repository.all], ['last 7 days page', repository.week]]) {
        check(href, `the index links each repository's ${label}`, repository);
        const response = await page.goto(new URL(href, base).href, { waitUntil: 'load' });
        check(response?.ok(), `${href} answers 2xx`, { status: response?.status() });
        await expectCsp(page, href);
        await expectNoInjection(page, href, 'main');
        repositoryPages++;
      }
    }
    await page.goto(new URL(repositories[0].week, base).href, { waitUntil: 'load' });
    await page.screenshot({ path: screenshotPath.replace(/\.png$/, '-week.png'), fullPage: true });
  }

  // --- search page ------------------------------------------------------------------------------
  const searchResponse = await page.goto(searchUrl, { waitUntil: 'load' });
  check(searchResponse?.ok(), `search page ${searchUrl} answers 2xx`, { status: searchResponse?.status() });
  await expectCsp(page, 'search page');
  const input = page.locator('input#search[type="search"]');
  check(await input.count() === 1, 'search page has input#search[type=search]', {});
  await input.click();
  await input.pressSequentially(author, { delay: 10 });
  const hit = page.locator('#results li', { hasText: expectedTitle });
  try {
    await hit.first().waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    const shown = await page.locator('#results li').allTextContents();
    check(false, `a #results li contains "${expectedTitle}" after typing "${author}"`, { results: shown });
  }
  const hitText = (await hit.first().textContent())?.replace(/\s+/g, ' ').trim() ?? '';
  check(hitText.includes(author), `the matching result also names the author "${author}"`, { hitText });
  await expectNoInjection(page, 'search page', '#results');

  check(offHostRequests.length === 0, 'no request left 127.0.0.1', { offHostRequests });
  check(consoleErrors.length === 0, 'no console errors', { consoleErrors });

  await browser.close();
  finish({
    ok: true,
    dayPage: dayUrl,
    commits: initial.total,
    high: high.notHidden,
    searchHit: hitText,
    commitTimes: times.datetimes.length,
    themeLinks,
    repositoryPages,
    screenshot: path.resolve(screenshotPath),
    checks: checks.length,
  }, 0);
} catch (error) {
  try {
    await browser?.close();
  } catch {
    // already failing
  }
  fail(error.message, { details: error.details, consoleErrors, offHostRequests, passed: checks });
}

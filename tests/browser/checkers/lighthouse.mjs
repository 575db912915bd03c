// Lighthouse on many pages at once, for tests/browser/test_browser_page_quality.py.
//
//   node lighthouse.mjs JOBS.json   (JOBS: {"chromium", "flags", "workers", "quiet_ms",
//                                    "runs": [{"name", "url", "form_factor": "mobile"|"desktop",
//                                    "expect_error": true for a 404 page}]})
//
// Prints one JSON line per run: its name, form factor, the four scores (0-100) and the audits
// that cost points (score below 1 in a category that weighs them). Lighthouse keeps global state
// (its timing marks, its logger), so two runs must not share a Node process: the workers are
// child processes, each with its own Chromium and a new empty profile, running every
// workers-th page one after another.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse, {desktopConfig} from 'lighthouse';
import * as constants from 'lighthouse/core/config/constants.js';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
// Nothing scored needs these; skipping them saves a second or two a page (bf-cache navigates
// away and back; the screenshots are pictures of the page for the HTML report).
const SKIPPED = ['bf-cache', 'screenshot-thumbnails', 'final-screenshot'];
// The image audits weigh nothing in the performance score (Lighthouse 10 on), and on a local
// server their cost hardly shows in the metrics; they are what the listings' pictures are
// about, so a failure counts like a lost point.
const IMAGE_AUDITS = ['uses-responsive-images', 'modern-image-formats', 'unsized-images',
  'offscreen-images', 'uses-optimized-images', 'lcp-lazy-loaded', 'prioritize-lcp-image'];

const jobs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const share = process.argv[3];

// The first few elements or addresses an audit names, to say where to look.
function where(audit) {
  const items = (audit.details && audit.details.items) || [];
  return items.slice(0, 3).map((item) => (item.node && item.node.snippet) || item.url
    || item.source || JSON.stringify(item).slice(0, 160));
}

// Lighthouse's own mobile or desktop settings, simulated throttling, with the changes the test
// makes (tests/browser/test_browser_page_quality.py says why): no CPU slowdown and shorter
// quiet windows.
function config(run) {
  const base = run.form_factor === 'desktop' ? desktopConfig.settings : {};
  const throttling = {...(base.throttling || constants.throttling.mobileSlow4G),
    cpuSlowdownMultiplier: 1};
  return {
    extends: 'lighthouse:default',
    settings: {
      ...base,
      throttlingMethod: 'simulate',
      throttling,
      onlyCategories: CATEGORIES,
      skipAudits: SKIPPED,
      disableFullPageScreenshot: true,
      pauseAfterFcpMs: jobs.quiet_ms,
      pauseAfterLoadMs: jobs.quiet_ms,
      networkQuietThresholdMs: jobs.quiet_ms,
      cpuQuietThresholdMs: jobs.quiet_ms,
      // a 404 page is checked like any other (its status is the point)
      ignoreStatusCode: Boolean(run.expect_error),
    },
  };
}

function summary(run, result) {
  const lhr = result.lhr;
  const scores = {};
  const lost = [];
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    scores[id] = category.score === null ? null : Math.round(category.score * 100);
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
        lost.push({category: id, audit: ref.id, score: audit.score, title: audit.title,
          value: audit.displayValue || '', where: where(audit)});
      }
    }
  }
  for (const id of IMAGE_AUDITS) {
    const audit = lhr.audits[id];
    if (audit && audit.score !== null && audit.score < 1) {
      lost.push({category: 'performance', audit: id, score: audit.score, title: audit.title,
        value: audit.displayValue || '', where: where(audit), image: true});
    }
  }
  const error = lhr.runtimeError ? lhr.runtimeError.message : null;
  return {name: run.name, form_factor: run.form_factor, url: run.url, scores, lost, error,
    seconds: Math.round(lhr.timing.total) / 1000};
}

async function launch(profile) {
  return chromeLauncher.launch({
    chromePath: jobs.chromium,
    chromeFlags: [...jobs.flags, `--user-data-dir=${profile}`],
    userDataDir: false, // the profile above; chrome-launcher would otherwise make its own
    logLevel: 'silent',
  });
}

// One page: Lighthouse again when the trace missed the navigation's start (Chromium does, now
// and then, under load; Lighthouse itself says to run again), and in a new Chromium when the
// browser went away.
async function audit(run, state) {
  let lastError = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const flags = {port: state.chrome.port, output: 'json', logLevel: 'error'};
      const result = await lighthouse(run.url, flags, config(run));
      if (!(result.lhr.runtimeError && result.lhr.runtimeError.code === 'NO_NAVSTART')) {
        return summary(run, result);
      }
      lastError = result.lhr.runtimeError.message;
    } catch (error) {
      lastError = String(error);
      await state.chrome.kill();
      state.chrome = await launch(state.profile);
    }
  }
  return {name: run.name, form_factor: run.form_factor, url: run.url, scores: {}, lost: [],
    error: lastError, seconds: 0};
}

async function worker(number) {
  // A short path: Chromium's singleton socket lives beside the profile, and a Unix socket's
  // path may not pass 107 bytes (a pytest tmp_path here left Chromium without a debugging port).
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), `lh${number}-`));
  const state = {profile, chrome: await launch(profile)};
  try {
    const runs = jobs.runs.filter((_, index) => index % jobs.workers === number);
    for (const run of runs) {
      process.stdout.write(JSON.stringify(await audit(run, state)) + '\n');
    }
  } finally {
    await state.chrome.kill();
    fs.rmSync(profile, {recursive: true, force: true});
  }
}

function child(number) {
  return new Promise((resolve, reject) => {
    const args = [process.argv[1], process.argv[2], String(number)];
    const started = spawn(process.execPath, args, {stdio: ['ignore', 'inherit', 'inherit']});
    started.on('error', reject);
    started.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker ${number}: ${code}`))));
  });
}

if (share === undefined) {
  await Promise.all(Array.from({length: jobs.workers}, (_, number) => child(number)));
} else {
  await worker(Number(share));
}

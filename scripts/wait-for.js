#!/usr/bin/env node
// wait-for.js <url> <seconds>: polls until the URL answers 2xx, exits 1 on timeout.
const [url, seconds = '60'] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
(async function poll() {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (response.ok) {
        process.exit(0);
      }
    } catch {
      // not up yet
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  process.stderr.write(
    `[wait-for] ${url} did not answer within ${seconds} s\n`,
  );
  process.exit(1);
})();

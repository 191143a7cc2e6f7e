#!/usr/bin/env node
// Prints "<passed> <failed>" from a Jest --json output file. A missing or unreadable report, or a
// suite that failed to run (syntax error, crash), counts as one failure.
const fs = require('node:fs');
const file = process.argv[2];
try {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const crashed = (report.testResults || []).filter(
    r => r.status === 'failed' && (r.assertionResults || []).length === 0,
  ).length;
  process.stdout.write(
    `${report.numPassedTests} ${report.numFailedTests + crashed}\n`,
  );
} catch (error) {
  process.stderr.write(`[jest-counts] cannot read ${file}: ${error.message}\n`);
  process.stdout.write('0 1\n');
}

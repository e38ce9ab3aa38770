// Mocha's spec output, plus the run's counts and the titles of its failures
// written to the file named by FINDINGS_TEST_STATS, so scripts/test.js can add
// up every stage and name what failed where the log's last lines show it.
const fs = require('node:fs');
const Mocha = require('mocha');

class SpecWithSummary extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const failedTests = [];
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test, error) => {
      failedTests.push({ title: test.fullTitle(), message: String(error?.message ?? error).split('\n')[0] });
    });
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.FINDINGS_TEST_STATS;
      if (!file) return;
      const { passes, failures, pending } = this.stats;
      fs.writeFileSync(file, JSON.stringify({ passed: passes, failed: failures, skipped: pending, failures: failedTests }));
    });
  }
}

module.exports = SpecWithSummary;

import type { Reporter, TestRunEndReason } from 'vitest/node'
import type { TestModule } from 'vitest/node'

/**
 * Prints the one closing line CI reads: `N passed, M failed` over every test that ran, in
 * every project (unit, component, end-to-end). Skipped tests are reported separately so a
 * skipped test can never be mistaken for a passed one.
 */
export default class TotalsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>, reason: TestRunEndReason): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failed++
        else skipped++
      }
      // A file that failed to load has no tests but must still count as a failure.
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) failed++
    }
    failed += unhandledErrors.length
    // A run that failed outside any test (a global setup, a config error) must not read as green.
    if (reason === 'failed' && failed === 0) failed = 1
    const tail = skipped ? `, ${skipped} skipped` : ''
    process.stdout.write(`\n${passed} passed, ${failed} failed${tail}\n`)
  }
}

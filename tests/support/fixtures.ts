import { readFileSync } from 'node:fs'

/**
 * Files the tests read are checked in under tests/fixtures and found from this module's own
 * location, so the suite runs the same from any clone in any folder. Never read a test input
 * through an absolute machine path: it exists on one machine only.
 */
const FIXTURES = new URL('../fixtures/', import.meta.url)

/**
 * `herz-statt-technik.de.txt`: a real German blog post (a copy of the project sample in
 * ../shared/samples beside the repository) that the composer tests and benchmark work on.
 */
export function readFixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8')
}

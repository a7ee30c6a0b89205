import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const MARKDOWN = /\.(md|markdown|mdown|mkd|mkdn)$/i
const MAX_FILES = 100

/**
 * Markdown files named on a command line: what Windows and Linux pass when the user opens a
 * `.md` file with Longhand (as a path, or as a file:// URI from a desktop entry's %U), and what
 * a second instance forwards. Flags (`--foo`, Chromium switches) and anything that is not a
 * Markdown file are ignored; relative paths are resolved against the launching directory.
 */
export function markdownPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  const paths: string[] = []
  for (const arg of argv) {
    if (typeof arg !== 'string' || arg.length === 0 || arg.startsWith('-')) continue
    let path = arg
    if (/^file:/i.test(arg)) {
      try {
        path = fileURLToPath(arg)
      } catch {
        continue
      }
    } else if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) {
      continue // some other URL scheme: never a file to import
    }
    if (!MARKDOWN.test(path)) continue
    const absolute = isAbsolute(path) ? path : resolve(cwd, path)
    if (!paths.includes(absolute)) paths.push(absolute)
    if (paths.length === MAX_FILES) break
  }
  return paths
}

/**
 * Files can arrive before anyone can take them (macOS sends `open-file` before the window
 * exists). They wait here until the renderer is ready, then flow straight through.
 */
export class OpenedFiles {
  private pending: string[] = []
  private sink: ((paths: string[]) => void) | null = null

  add(paths: readonly string[]): void {
    const fresh = paths.filter((path) => !this.pending.includes(path))
    if (fresh.length === 0) return
    if (this.sink) this.sink([...fresh])
    else this.pending.push(...fresh)
  }

  /** Start delivering: everything queued so far is handed over at once. */
  deliverTo(sink: (paths: string[]) => void): void {
    this.sink = sink
    if (this.pending.length > 0) {
      const queued = this.pending
      this.pending = []
      sink(queued)
    }
  }
}

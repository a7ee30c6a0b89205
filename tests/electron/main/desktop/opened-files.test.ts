import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { markdownPathsFromArgv, OpenedFiles } from '../../../../electron/main/desktop/opened-files'

const cwd = resolve('/home/me/notes')

describe('markdownPathsFromArgv', () => {
  it('takes Markdown files, absolute or relative to the launching folder', () => {
    const absolute = resolve('/tmp/draft.md')
    expect(markdownPathsFromArgv([absolute, 'chapter 1.markdown', 'sub/README.MD'], cwd)).toEqual([
      absolute,
      join(cwd, 'chapter 1.markdown'),
      join(cwd, 'sub', 'README.MD'),
    ])
  })

  it('accepts file:// URIs as passed by a desktop entry (%U)', () => {
    const file = resolve('/home/me/Blog Post.md')
    expect(markdownPathsFromArgv([pathToFileURL(file).href], cwd)).toEqual([file])
  })

  it('ignores flags, other files, other URL schemes and duplicates', () => {
    expect(
      markdownPathsFromArgv(
        ['--inspect=0', '-psn_0_12345', '--user-data-dir=/x.md', '.', 'image.png', 'notes.md.exe', 'https://example.com/a.md', 'javascript:alert(1).md', 'a.md', 'a.md', ''],
        cwd,
      ),
    ).toEqual([join(cwd, 'javascript:alert(1).md'), join(cwd, 'a.md')])
  })

  it('caps how many files one launch can open', () => {
    const many = Array.from({ length: 500 }, (_, i) => `f${i}.md`)
    expect(markdownPathsFromArgv(many, cwd)).toHaveLength(100)
  })
})

describe('OpenedFiles', () => {
  it('holds files until the renderer is ready, then delivers directly', () => {
    const files = new OpenedFiles()
    const delivered: string[][] = []
    files.add(['/a.md'])
    files.add(['/b.md', '/a.md'])
    expect(delivered).toEqual([])
    files.deliverTo((paths) => delivered.push(paths))
    expect(delivered).toEqual([['/a.md', '/b.md']])
    files.add(['/c.md'])
    files.add([])
    expect(delivered).toEqual([['/a.md', '/b.md'], ['/c.md']])
  })
})

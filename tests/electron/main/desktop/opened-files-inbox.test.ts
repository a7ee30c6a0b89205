import { describe, expect, it } from 'vitest'
import { APP_EVENT_CHANNEL } from '@shared/ipc'
import { openedFilesInbox, type EventTarget } from '../../../../electron/main/desktop/opened-files-inbox'
import { OpenedFiles } from '../../../../electron/main/desktop/opened-files'

/** Just enough of a WebContents to see what is sent to the renderer. */
function fakeContents() {
  const sent: unknown[] = []
  const contents = { isDestroyed: () => false, send: (channel: string, event: unknown) => sent.push([channel, event]) }
  return { contents: contents as EventTarget, sent }
}

describe('files opened with Longhand wait for the renderer', () => {
  it('keeps files that came before any window, and hands each over exactly once', () => {
    const files = new OpenedFiles()
    files.add(['/home/a/launch.md'])
    let contents: EventTarget | null = null
    const { takeOpenedFiles } = openedFilesInbox(files, () => contents)
    // The renderer asks when it starts: the launch file is there although no event reached it.
    expect(takeOpenedFiles!()).toEqual(['/home/a/launch.md'])
    expect(takeOpenedFiles!()).toEqual([])

    const window = fakeContents()
    contents = window.contents
    files.add(['/home/a/later.md'])
    expect(window.sent).toEqual([[APP_EVENT_CHANNEL, { type: 'open-files', paths: ['/home/a/later.md'] }]])
    expect(takeOpenedFiles!()).toEqual(['/home/a/later.md'])
  })
})

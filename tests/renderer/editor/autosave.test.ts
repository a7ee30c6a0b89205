import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AutosaveController, type SaveState } from '../../../renderer/editor/autosave'

/** A save target that behaves like a disk: it can be made to fail, and records what it got. */
function disk() {
  const written: string[] = []
  let failuresLeft = 0
  let delayMs = 0
  return {
    written,
    failNext(n: number) {
      failuresLeft = n
    },
    slow(ms: number) {
      delayMs = ms
    },
    async save(value: string) {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs))
      if (failuresLeft > 0) {
        failuresLeft--
        throw new Error('SQLITE_FULL: database or disk is full')
      }
      written.push(value)
    },
  }
}

describe('AutosaveController', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('saves once, about a second after typing stops (debounce)', async () => {
    const d = disk()
    const c = new AutosaveController<string>({ save: d.save, delayMs: 1000 })
    let text = ''
    for (const ch of 'Hallo') {
      text += ch
      c.change(() => text)
      await vi.advanceTimersByTimeAsync(300)
    }
    expect(d.written).toEqual([])
    expect(c.state.kind).toBe('pending')
    await vi.advanceTimersByTimeAsync(999)
    expect(d.written).toEqual(['Hallo'])
    expect(c.state.kind).toBe('saved')
    expect(c.hasUnsaved).toBe(false)
  })

  it('reads the content only when it saves, not per change', async () => {
    const d = disk()
    const c = new AutosaveController<string>({ save: d.save, delayMs: 1000 })
    const read = vi.fn(() => 'text')
    for (let i = 0; i < 50; i++) c.change(read)
    expect(read).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1000)
    expect(read).toHaveBeenCalledTimes(1)
  })

  it('flush() saves at once and resolves when the content is on disk', async () => {
    const d = disk()
    const c = new AutosaveController<string>({ save: d.save, delayMs: 1000 })
    c.change(() => 'now')
    await expect(c.flush()).resolves.toBe(true)
    expect(d.written).toEqual(['now'])
    await vi.advanceTimersByTimeAsync(5000)
    expect(d.written).toEqual(['now'])
  })

  it('never runs two saves at once; edits made during a save are saved after it', async () => {
    const d = disk()
    d.slow(500)
    let running = 0
    let maxRunning = 0
    const c = new AutosaveController<string>({
      delayMs: 100,
      save: async (v) => {
        running++
        maxRunning = Math.max(maxRunning, running)
        await d.save(v)
        running--
      },
    })
    c.change(() => 'one')
    await vi.advanceTimersByTimeAsync(150) // first save is running
    expect(c.state.kind).toBe('saving')
    c.change(() => 'one two')
    const flushed = c.flush()
    await vi.advanceTimersByTimeAsync(2000)
    await expect(flushed).resolves.toBe(true)
    expect(d.written).toEqual(['one', 'one two'])
    expect(maxRunning).toBe(1)
  })

  it('keeps the text after a failed write, reports the error, and retries with backoff until it succeeds', async () => {
    const d = disk()
    d.failNext(2)
    const states: SaveState[] = []
    const c = new AutosaveController<string>({ save: d.save, delayMs: 1000, retryDelaysMs: [1000, 4000] })
    c.subscribe((s) => states.push(s))
    c.change(() => 'Datenschutzgrundverordnung')
    await vi.advanceTimersByTimeAsync(1000)
    expect(c.state).toMatchObject({ kind: 'error', attempt: 1, retryInMs: 1000 })
    expect((c.state as { message: string }).message).toContain('disk is full')
    expect(c.unsavedValue()).toBe('Datenschutzgrundverordnung')
    expect(c.hasUnsaved).toBe(true)

    await vi.advanceTimersByTimeAsync(1000)
    expect(c.state).toMatchObject({ kind: 'error', attempt: 2, retryInMs: 4000 })
    await vi.advanceTimersByTimeAsync(3999)
    expect(d.written).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(d.written).toEqual(['Datenschutzgrundverordnung'])
    expect(c.state.kind).toBe('saved')
    expect(states.map((s) => s.kind)).toEqual(['pending', 'saving', 'error', 'saving', 'error', 'saving', 'saved'])
  })

  it('saves the newest text on retry when the author kept typing after a failure', async () => {
    const d = disk()
    d.failNext(1)
    const c = new AutosaveController<string>({ save: d.save, delayMs: 1000, retryDelaysMs: [2000] })
    c.change(() => 'first')
    await vi.advanceTimersByTimeAsync(1000)
    expect(c.state.kind).toBe('error')
    c.change(() => 'first and more')
    // The retry keeps its backoff instead of restarting the debounce on every keystroke.
    expect(c.state.kind).toBe('error')
    await vi.advanceTimersByTimeAsync(2000)
    expect(d.written).toEqual(['first and more'])
    expect(c.state.kind).toBe('saved')
  })

  it('flush() resolves false when the write fails, and the retry is already scheduled', async () => {
    const d = disk()
    d.failNext(1)
    const c = new AutosaveController<string>({ save: d.save, retryDelaysMs: [500] })
    c.change(() => 'x')
    await expect(c.flush()).resolves.toBe(false)
    await vi.advanceTimersByTimeAsync(500)
    expect(d.written).toEqual(['x'])
  })

  it('detach() captures the content, so a save after the source is gone does not call into it', async () => {
    const d = disk()
    const c = new AutosaveController<string>({ save: d.save })
    let alive = true
    c.change(() => {
      if (!alive) throw new Error('editor destroyed')
      return 'last words'
    })
    c.detach()
    alive = false
    await expect(c.flush()).resolves.toBe(true)
    expect(d.written).toEqual(['last words'])
  })

  it('refuses to be disposed while something is unsaved', () => {
    const c = new AutosaveController<string>({ save: async () => undefined })
    c.change(() => 'x')
    expect(() => c.dispose()).toThrow(/unsaved/)
  })
})

import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clampWindowState, loadWindowState, saveWindowState, type DisplayArea } from '../../../../electron/main/desktop/window-state'
import { assertProperty } from '../../../support/property'

const laptop: DisplayArea = { workArea: { x: 0, y: 25, width: 1440, height: 875 } }
const external: DisplayArea = { workArea: { x: 1440, y: 0, width: 2560, height: 1415 } }
const leftMonitor: DisplayArea = { workArea: { x: -1920, y: 0, width: 1920, height: 1040 } }

describe('clampWindowState', () => {
  it('restores a window that still fits where it was', () => {
    expect(clampWindowState({ x: 100, y: 80, width: 1200, height: 700, maximized: false }, [laptop])).toEqual({ x: 100, y: 80, width: 1200, height: 700, maximized: false })
    expect(clampWindowState({ x: 1600, y: 100, width: 2000, height: 1200, maximized: true }, [laptop, external])).toEqual({
      x: 1600,
      y: 100,
      width: 2000,
      height: 1200,
      maximized: true,
    })
    expect(clampWindowState({ x: -1800, y: 40, width: 1000, height: 800 }, [laptop, leftMonitor])).toMatchObject({ x: -1800, y: 40 })
  })

  it('centres a window whose monitor was unplugged, sized for the remaining display', () => {
    expect(clampWindowState({ x: 1600, y: 100, width: 2000, height: 1200, maximized: true }, [laptop])).toEqual({ width: 1440, height: 875, maximized: true })
    expect(clampWindowState({ x: -1800, y: 40, width: 1000, height: 800 }, [laptop])).toEqual({ width: 1000, height: 800, maximized: false })
  })

  it('pulls a window that hangs off the edge back inside and shrinks it to the work area', () => {
    expect(clampWindowState({ x: 1200, y: 700, width: 800, height: 600 }, [laptop])).toEqual({ x: 640, y: 300, width: 800, height: 600, maximized: false })
    expect(clampWindowState({ x: -50, y: 0, width: 3000, height: 2000 }, [laptop])).toEqual({ x: 0, y: 25, width: 1440, height: 875, maximized: false })
  })

  it('treats a sliver on screen as lost', () => {
    // Only 10 px of the window peek onto the laptop display.
    expect(clampWindowState({ x: 1430, y: 100, width: 800, height: 600 }, [laptop])).toEqual({ width: 800, height: 600, maximized: false })
  })

  it('keeps the minimum size unless the display itself is smaller', () => {
    expect(clampWindowState({ x: 10, y: 30, width: 200, height: 100 }, [laptop])).toEqual({ x: 10, y: 30, width: 720, height: 480, maximized: false })
    const tiny: DisplayArea = { workArea: { x: 0, y: 0, width: 640, height: 400 } }
    expect(clampWindowState({ width: 1280, height: 800 }, [tiny])).toEqual({ width: 640, height: 400, maximized: false })
  })

  it.each([null, undefined, 'garbage', 42, [], { width: 'wide' }, { width: -5, height: 10 }, { width: 1e400, height: 10 }, { x: 1.5, y: 2, width: 800, height: 600 }])(
    'falls back to the default for %j',
    (saved) => {
      expect(clampWindowState(saved, [laptop])).toEqual({ width: 1280, height: 800, maximized: false })
    },
  )

  it('always returns a window that is fully on some display (property)', () => {
    const rect = fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }), width: fc.integer({ min: 1, max: 8000 }), height: fc.integer({ min: 1, max: 8000 }) })
    const displaysArb = fc.array(
      fc.record({ x: fc.integer({ min: -4000, max: 4000 }), y: fc.integer({ min: -4000, max: 4000 }), width: fc.integer({ min: 640, max: 5120 }), height: fc.integer({ min: 400, max: 2880 }) }).map((workArea) => ({ workArea })),
      { minLength: 1, maxLength: 3 },
    )
    assertProperty(
      fc.property(rect, displaysArb, (saved, displays) => {
        const state = clampWindowState(saved, displays)
        if (state.x === undefined || state.y === undefined) {
          expect(state.width).toBeLessThanOrEqual(displays[0]!.workArea.width)
          expect(state.height).toBeLessThanOrEqual(displays[0]!.workArea.height)
          return
        }
        const { x, y, width, height } = state
        const inside = displays.some(({ workArea: a }) => x >= a.x && y >= a.y && x + width <= a.x + a.width && y + height <= a.y + a.height)
        expect(inside).toBe(true)
      }),
      { numRuns: 3000 },
    )
  })
})

describe('window state file', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'longhand-window-state-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('round-trips through an atomic write', async () => {
    const file = join(dir, 'nested', 'window-state.json')
    await saveWindowState(file, { x: 10, y: 20, width: 1000, height: 700, maximized: true })
    expect(await loadWindowState(file)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true })
    expect(await readdir(join(dir, 'nested'))).toEqual(['window-state.json'])
  })

  it('reads a missing or corrupt file as nothing remembered', async () => {
    expect(await loadWindowState(join(dir, 'absent.json'))).toBeNull()
    await writeFile(join(dir, 'corrupt.json'), '{"x": 1,')
    expect(await loadWindowState(join(dir, 'corrupt.json'))).toBeNull()
  })

  it('refuses to write an invalid state', async () => {
    await expect(saveWindowState(join(dir, 'bad.json'), { width: -1, height: 10, maximized: false })).rejects.toThrow()
    await expect(readFile(join(dir, 'bad.json'))).rejects.toThrow()
  })
})

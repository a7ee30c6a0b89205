import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'

/** What is remembered between runs: the normal (un-maximized) bounds and the maximized flag. */
export const savedWindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean().default(false),
})
export type SavedWindowState = z.infer<typeof savedWindowStateSchema>

export interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}
/** The part of Electron's Display this needs (screen.getAllDisplays()). */
export interface DisplayArea {
  readonly workArea: Rect
}

export interface WindowState {
  /** Absent: let the OS centre the window on the primary display. */
  readonly x?: number
  readonly y?: number
  readonly width: number
  readonly height: number
  readonly maximized: boolean
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const
export const MIN_WINDOW_SIZE = { width: 720, height: 480 } as const
/** A window showing less than this much of itself on some display counts as lost. */
const MIN_VISIBLE = { width: 160, height: 80 }

function intersection(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  }
}

function clampSize(size: { width: number; height: number }, area: Rect): { width: number; height: number } {
  return {
    width: Math.max(Math.min(size.width, area.width), Math.min(MIN_WINDOW_SIZE.width, area.width)),
    height: Math.max(Math.min(size.height, area.height), Math.min(MIN_WINDOW_SIZE.height, area.height)),
  }
}

/**
 * Makes a remembered window state fit today's displays: a monitor may have been unplugged, the
 * resolution lowered, or the file edited by hand. The window goes back where it was if enough of
 * it is still on a display (then it is pulled fully inside that display's work area and shrunk
 * to fit); otherwise it is centred on the primary display. Garbage in gives the default state.
 * `displays[0]` is the primary display.
 */
export function clampWindowState(saved: unknown, displays: readonly DisplayArea[]): WindowState {
  const primary = displays[0]?.workArea ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE }
  const parsed = savedWindowStateSchema.safeParse(saved)
  if (!parsed.success) return { ...clampSize(DEFAULT_WINDOW_SIZE, primary), maximized: false }
  const state = parsed.data
  const maximized = state.maximized

  if (state.x === undefined || state.y === undefined) return { ...clampSize(state, primary), maximized }

  const rect: Rect = { x: state.x, y: state.y, width: state.width, height: state.height }
  let best: Rect | null = null
  let bestArea = 0
  for (const { workArea } of displays) {
    const overlap = intersection(rect, workArea)
    const visible = overlap.width >= Math.min(MIN_VISIBLE.width, rect.width) && overlap.height >= Math.min(MIN_VISIBLE.height, rect.height)
    if (visible && overlap.width * overlap.height > bestArea) {
      best = workArea
      bestArea = overlap.width * overlap.height
    }
  }
  if (!best) return { ...clampSize(state, primary), maximized }

  const size = clampSize(state, best)
  const x = Math.min(Math.max(rect.x, best.x), best.x + best.width - size.width)
  const y = Math.min(Math.max(rect.y, best.y), best.y + best.height - size.height)
  return { x, y, ...size, maximized }
}

/** Reads the remembered state; anything unreadable counts as "nothing remembered". */
export async function loadWindowState(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'))
  } catch {
    return null
  }
}

/** Writes atomically (temp file + rename) so a crash mid-write never leaves half a file. */
export async function saveWindowState(file: string, state: SavedWindowState): Promise<void> {
  const valid = savedWindowStateSchema.parse(state)
  await mkdir(dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  await writeFile(temp, JSON.stringify(valid))
  await rename(temp, file)
}

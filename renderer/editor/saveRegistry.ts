import type { DraftId, DraftSummary, EditorDoc } from '@shared/domain'
import type { Api } from '../api/client'
import { AutosaveController, SAVED, type AutosaveOptions, type SaveState } from './autosave'

export type SaveListener = (state: SaveState) => void

/**
 * Owns every draft's autosave controllers (body and title), beyond the life of the editor
 * that fed them: after switching drafts, a save that failed keeps retrying here, and opening
 * that draft again shows the unsaved text instead of the older copy on disk.
 */
export class SaveRegistry {
  private readonly bodies = new Map<DraftId, AutosaveController<EditorDoc>>()
  private readonly titles = new Map<DraftId, AutosaveController<string>>()
  private readonly listeners = new Set<() => void>()
  private readonly open = new Set<DraftId>()

  constructor(
    private readonly api: Api,
    private readonly hooks: {
      onBodySaved?(id: DraftId, updatedAt: number, doc: EditorDoc): void
      onTitleSaved?(summary: DraftSummary): void
    } = {},
    private readonly timing: Pick<AutosaveOptions<unknown>, 'delayMs' | 'retryDelaysMs'> = {},
  ) {}

  body(id: DraftId): AutosaveController<EditorDoc> {
    return this.controller(this.bodies, id, async (doc) => {
      const { updatedAt } = await this.api.invoke('drafts.saveContent', { id, doc })
      this.hooks.onBodySaved?.(id, updatedAt, doc)
    })
  }

  title(id: DraftId): AutosaveController<string> {
    return this.controller(this.titles, id, async (title) => {
      const summary = await this.api.invoke('drafts.updateMeta', { id, title })
      this.hooks.onTitleSaved?.(summary)
    })
  }

  /** Text of a draft that is not on disk yet (for reopening it), if any. */
  unsaved(id: DraftId): { doc: EditorDoc | null; title: string | null } {
    return { doc: this.bodies.get(id)?.unsavedValue() ?? null, title: this.titles.get(id)?.unsavedValue() ?? null }
  }

  /** Waits until no save of this draft runs, so a following read sees what was written. */
  async settled(id: DraftId): Promise<void> {
    await Promise.all([this.bodies.get(id)?.settled(), this.titles.get(id)?.settled()])
  }

  /** Marks a draft as shown in an editor: its controllers stay while it is open. */
  opened(id: DraftId): void {
    this.open.add(id)
  }

  /**
   * The editor of this draft closes: take its content now (the editor is about to be
   * destroyed), save it, and forget the controllers once it is on disk.
   */
  async closed(id: DraftId): Promise<boolean> {
    this.open.delete(id)
    const controllers = [this.bodies.get(id), this.titles.get(id)].filter((c) => c !== undefined)
    for (const c of controllers) c.detach()
    const results = await Promise.all(controllers.map((c) => c.flush()))
    this.prune()
    return results.every(Boolean)
  }

  /** Saves everything now (switching drafts, window blur, before quit). */
  async flushAll(): Promise<boolean> {
    const results = await Promise.all([...this.bodies.values(), ...this.titles.values()].map((c) => c.flush()))
    return results.every(Boolean)
  }

  get hasUnsaved(): boolean {
    for (const c of [...this.bodies.values(), ...this.titles.values()]) if (c.hasUnsaved) return true
    return false
  }

  /** One state for the whole app: an error anywhere wins, then saving, then pending. */
  get state(): SaveState {
    let result: SaveState = SAVED
    for (const c of [...this.bodies.values(), ...this.titles.values()]) {
      const s = c.state
      if (rank(s) > rank(result)) result = s
    }
    return result
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private controller<T>(map: Map<DraftId, AutosaveController<T>>, id: DraftId, save: (value: T) => Promise<void>) {
    let c = map.get(id)
    if (!c) {
      c = new AutosaveController<T>({ save, ...this.timing })
      c.subscribe((state) => {
        if (state.kind === 'saved' && !this.open.has(id)) this.prune()
        else this.emit()
      })
      map.set(id, c)
    }
    return c
  }

  /** Controllers of closed drafts go once nothing is left to save; failing ones stay and retry. */
  private prune(): void {
    for (const map of [this.bodies, this.titles] as Map<DraftId, AutosaveController<unknown>>[]) {
      for (const [id, c] of map) {
        if (!c.hasUnsaved && !this.open.has(id)) {
          c.dispose()
          map.delete(id)
        }
      }
    }
    this.emit()
  }

  private emit(): void {
    for (const l of this.listeners) l()
  }
}

function rank(state: SaveState): number {
  switch (state.kind) {
    case 'saved':
      return 0
    case 'pending':
      return 1
    case 'saving':
      return 2
    case 'error':
      return 3
  }
}

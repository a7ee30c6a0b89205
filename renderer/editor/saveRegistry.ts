import { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { DraftId, DraftSummary, EditorDoc, Post, PostId, StoredBody } from '@shared/domain'
import { LonghandError } from '@shared/ipc'
import type { Api } from '../api/client'
import { AutosaveController, SAVED, type AutosaveOptions, type SaveState } from './autosave'
import { blocksPatch, storedBase, type PatchBase } from './blockPatch'

export type SaveListener = (state: SaveState) => void

/**
 * A draft's text as autosave gets it: the editor's document node (saved as a block patch
 * against the last one main confirmed), or plain JSON (saved whole).
 */
export type BodyContent = EditorDoc | ProseMirrorNode

/** The blocks main last confirmed for a draft (see PatchBase), and the version tag they are stored under. */
interface Confirmed {
  blocks: PatchBase
  version: number
}

/** An editor opened on a stored body: its first document, the body as main sent it, and how main stores it. */
export interface OpenedFromStore {
  doc: ProseMirrorNode
  stored: EditorDoc
  body: StoredBody
}

/**
 * Owns every autosave controller — each draft's body and title, each saved post's text —
 * beyond the life of the view that fed it: after switching drafts, a save that failed keeps
 * retrying here, opening that draft again shows the unsaved text instead of the older copy on
 * disk, and every flush point (switching, window blur, quit) reaches all of them.
 */
export class SaveRegistry {
  private readonly bodies = new Map<DraftId, AutosaveController<BodyContent>>()
  /** Per draft, the base of its next block patch. Only ever set from main's answers: a save's, or the body an editor was opened on. */
  private readonly confirmed = new Map<DraftId, Confirmed>()
  /** Drafts whose last block patch failed without an answer (it may have been written all the same). */
  private readonly unconfirmedWrite = new Set<DraftId>()
  private readonly titles = new Map<DraftId, AutosaveController<string>>()
  private readonly posts = new Map<PostId, AutosaveController<string[]>>()
  private readonly postListeners = new Set<(post: Post) => void>()
  private readonly listeners = new Set<() => void>()
  private readonly open = new Set<DraftId>()

  constructor(
    private readonly api: Api,
    private readonly hooks: {
      onBodySaved?(id: DraftId, updatedAt: number, content: BodyContent): void
      onTitleSaved?(summary: DraftSummary): void
      /** A whole save replaced text written elsewhere meanwhile; main kept it as a revision. */
      onKeptOther?(id: DraftId): void
    } = {},
    private readonly timing: Pick<AutosaveOptions<unknown>, 'delayMs' | 'retryDelaysMs'> = {},
  ) {}

  body(id: DraftId): AutosaveController<BodyContent> {
    return this.controller(this.bodies, id, async (content) => {
      const updatedAt = content instanceof ProseMirrorNode ? await this.saveNode(id, content) : await this.saveWhole(id, content)
      if (updatedAt !== null) this.hooks.onBodySaved?.(id, updatedAt, content)
    })
  }

  /**
   * The editor's document: only the blocks changed since the last confirmed save (or since the
   * body the editor was opened on), or the whole document when there is no such base or main
   * answers that its body is no longer that version. A failed request leaves the confirmed base as it was,
   * so the retry diffs against what is really on disk. Null when nothing changed.
   */
  private async saveNode(id: DraftId, doc: ProseMirrorNode): Promise<number | null> {
    const base = this.confirmed.get(id)
    if (base) {
      const patch = blocksPatch(base.blocks, doc)
      if (!patch) return null
      let result
      try {
        result = await this.api.invoke('drafts.saveBlocks', { id, baseVersion: base.version, ...patch })
      } catch (error) {
        // It may have been written with its answer lost: a version main then holds is this
        // window's own, and must not be taken for someone else's.
        this.unconfirmedWrite.add(id)
        throw error
      }
      if (result.status === 'saved') {
        this.unconfirmedWrite.delete(id)
        this.confirmed.set(id, { blocks: doc.content.content, version: result.bodyVersion })
        return result.updatedAt
      }
    }
    // After a stale patch, with the base it was against: main keeps what it replaces if that is
    // someone else's text (another window, an import).
    let saved
    try {
      saved = await this.api.invoke('drafts.saveContent', {
        id,
        doc: doc.toJSON() as EditorDoc,
        ...(base && !this.unconfirmedWrite.has(id) ? { baseVersion: base.version } : {}),
      })
    } catch (error) {
      this.unconfirmedWrite.add(id)
      throw error
    }
    const { updatedAt, bodyVersion, keptOther } = saved
    this.unconfirmedWrite.delete(id)
    this.confirmed.set(id, { blocks: doc.content.content, version: bodyVersion })
    if (keptOther) this.hooks.onKeptOther?.(id)
    return updatedAt
  }

  private async saveWhole(id: DraftId, doc: EditorDoc): Promise<number> {
    this.confirmed.delete(id)
    const { updatedAt } = await this.api.invoke('drafts.saveContent', { id, doc })
    return updatedAt
  }

  title(id: DraftId): AutosaveController<string> {
    return this.controller(this.titles, id, async (title) => {
      const summary = await this.api.invoke('drafts.updateMeta', { id, title })
      this.hooks.onTitleSaved?.(summary)
    })
  }

  /** The text of a saved post (its parts); whoever shows posts hears of each save (onPostSaved). */
  postText(id: PostId): AutosaveController<string[]> {
    return this.controller(this.posts, id, async (parts) => {
      let post: Post
      try {
        post = await this.api.invoke('posts.update', { id, parts })
      } catch (error) {
        // The post was deleted meanwhile: there is nothing left to save the edit to, and
        // retrying would only keep the save status red forever.
        if (error instanceof LonghandError && error.code === 'not-found') return
        throw error
      }
      for (const listener of this.postListeners) listener(post)
    })
  }

  /** Saves a post's pending edit now, if it has one. */
  async flushPostText(id: PostId): Promise<boolean> {
    return (await this.posts.get(id)?.flush()) ?? true
  }

  onPostSaved(listener: (post: Post) => void): () => void {
    this.postListeners.add(listener)
    return () => this.postListeners.delete(listener)
  }

  /** Text of a draft that is not on disk yet (for reopening it), if any. */
  unsaved(id: DraftId): { doc: EditorDoc | null; title: string | null } {
    const body = this.bodies.get(id)?.unsavedValue() ?? null
    return { doc: body instanceof ProseMirrorNode ? (body.toJSON() as EditorDoc) : body, title: this.titles.get(id)?.unsavedValue() ?? null }
  }

  /** Waits until no save of this draft runs, so a following read sees what was written. */
  async settled(id: DraftId): Promise<void> {
    await Promise.all([this.bodies.get(id)?.settled(), this.titles.get(id)?.settled()])
  }

  /**
   * Marks a draft as shown in an editor: its controllers stay while it is open. `from`: the
   * editor was opened on the body main stored as `from.body.version` — its first save is then a
   * block patch against it. Without it (the text came from elsewhere: unsaved edits, another editor)
   * the first save is whole. A base that is wrong all the same (the body was written meanwhile)
   * is caught by main's version check: `stale`, and the save is whole.
   */
  opened(id: DraftId, from?: OpenedFromStore): void {
    this.open.add(id)
    // A new editor has nodes of its own: diffing them against another editor's would mark every
    // block changed.
    this.confirmed.delete(id)
    this.unconfirmedWrite.delete(id)
    // Text of an earlier editor of this draft still to be saved (nodes not this editor's, a write
    // that may land after the version was read): its save and this editor's first are whole.
    if (!from || this.bodies.get(id)?.hasUnsaved) return
    const blocks = storedBase(from.doc, from.stored, from.body.rewrite)
    if (blocks) this.confirmed.set(id, { blocks, version: from.body.version })
  }

  /**
   * The editor of this draft closes: take its content now (the editor is about to be
   * destroyed), save it, and forget the controllers once it is on disk.
   */
  async closed(id: DraftId): Promise<boolean> {
    this.open.delete(id)
    const controllers = [this.bodies.get(id), this.titles.get(id)].filter((c) => c !== undefined)
    for (const c of controllers) c.detach()
    // The posts pane goes with the draft: their edits are written now as well.
    const results = await Promise.all([...controllers, ...this.posts.values()].map((c) => c.flush()))
    this.prune()
    return results.every(Boolean)
  }

  /** Saves everything now (switching drafts, window blur, before quit). */
  async flushAll(): Promise<boolean> {
    const results = await Promise.all(this.all().map((c) => c.flush()))
    return results.every(Boolean)
  }

  get hasUnsaved(): boolean {
    for (const c of this.all()) if (c.hasUnsaved) return true
    return false
  }

  /** One state for the whole app: an error anywhere wins, then saving, then pending. */
  get state(): SaveState {
    let result: SaveState = SAVED
    for (const c of this.all()) {
      const s = c.state
      if (rank(s) > rank(result)) result = s
    }
    return result
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private all(): AutosaveController<unknown>[] {
    return [...this.bodies.values(), ...this.titles.values(), ...this.posts.values()] as AutosaveController<unknown>[]
  }

  private controller<T>(map: Map<number, AutosaveController<T>>, id: number, save: (value: T) => Promise<void>) {
    let c = map.get(id)
    if (!c) {
      c = new AutosaveController<T>({ save, ...this.timing })
      // Post ids are not draft ids: a saved post's controller goes as soon as it is on disk.
      const isOpen = () => map !== (this.posts as Map<number, unknown>) && this.open.has(id)
      c.subscribe((state) => {
        if (state.kind === 'saved' && !isOpen()) this.prune()
        else this.emit()
      })
      map.set(id, c)
    }
    return c
  }

  /** Controllers of closed drafts go once nothing is left to save; failing ones stay and retry. */
  private prune(): void {
    for (const map of [this.bodies, this.titles, this.posts] as Map<number, AutosaveController<unknown>>[]) {
      const drafts = map !== (this.posts as Map<number, unknown>)
      for (const [id, c] of map) {
        if (!c.hasUnsaved && !(drafts && this.open.has(id))) {
          c.dispose()
          map.delete(id)
          // The next editor of this draft has nodes of its own: its first save is whole again.
          if (map === (this.bodies as Map<number, unknown>)) this.confirmed.delete(id)
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

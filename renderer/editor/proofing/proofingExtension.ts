import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import type { Language } from '@shared/domain'
import type { Finding } from '@shared/proofing'
import type { ProofingClient } from './client'
import { proofreadBlocks } from './blockText'
import type { CheckOptions } from './protocol'

/** A finding at document positions. */
export type PlacedFinding = Finding & { from: number; to: number }

export interface ProofingMenuRequest {
  x: number
  y: number
  finding: PlacedFinding
  word: string
  language: Language
}

export interface ProofingHandlers {
  /** Current options for the editor's draft, or null when proofing is off. */
  options(language: Language): Omit<CheckOptions, 'language'> | null
  contextMenu(request: ProofingMenuRequest): void
  /** New findings are on screen (the side list re-reads them). */
  changed?(): void
  /** For the benchmark: the main-thread time of each check round. */
  measured?(ms: { collectMs: number; applyMs: number; workerMs: number; loadMs: number | null; blocks: number }): void
}

export const proofingKey = new PluginKey<DecorationSet>('proofing')
/** Wait this long after the last keystroke before asking the worker again. */
export const RECHECK_DELAY_MS = 150

/** Every finding of the last check in the whole document (not only the decorated part on screen). */
export function proofingFindings(view: EditorView): PlacedFinding[] {
  return views.get(view)?.allFindings() ?? []
}

/** How many findings the last check has (cheap: no list is built). */
export function proofingCounts(view: EditorView): { spelling: number; style: number } {
  return views.get(view)?.counts ?? { spelling: 0, style: 0 }
}

/** Ask for a fresh check, e.g. after "add to my dictionary" or a settings change. */
export function refreshProofing(view: EditorView): void {
  views.get(view)?.schedule(0)
}

const views = new WeakMap<EditorView, ProofingView>()

/**
 * Spelling and style marks as ProseMirror decorations. Decorations are view-only: they never
 * enter the document, its JSON, the export, the posts or the word count.
 */
export function proofingExtension(client: ProofingClient, handlers: { current: ProofingHandlers }) {
  return Extension.create({
    name: 'proofing',
    addProseMirrorPlugins() {
      return [
        new Plugin<DecorationSet>({
          key: proofingKey,
          state: {
            init: () => DecorationSet.empty,
            apply(tr, set) {
              const meta = tr.getMeta(proofingKey) as { decorations?: DecorationSet } | undefined
              if (meta?.decorations) return meta.decorations
              return tr.docChanged ? set.map(tr.mapping, tr.doc) : set
            },
          },
          props: {
            decorations: (state) => proofingKey.getState(state),
            handleDOMEvents: {
              contextmenu(view, event) {
                const at = view.posAtCoords({ left: event.clientX, top: event.clientY })
                if (!at) return false
                const marks = proofingKey.getState(view.state)?.find(at.pos, at.pos) ?? []
                const hit = marks.find((d) => d.from <= at.pos && at.pos <= d.to && (d.spec.finding as Finding).kind === 'spelling') ?? marks.find((d) => d.from <= at.pos && at.pos <= d.to)
                if (!hit) return false
                event.preventDefault()
                const finding = { ...(hit.spec.finding as Finding), from: hit.from, to: hit.to }
                handlers.current.contextMenu({ x: event.clientX, y: event.clientY, finding, word: view.state.doc.textBetween(hit.from, hit.to), language: languageOf(view) })
                return true
              },
            },
          },
          view: (view) => new ProofingView(view, client, handlers),
        }),
      ]
    },
  })
}

function languageOf(view: EditorView): Language {
  return view.dom.getAttribute('lang') === 'de' ? 'de' : 'en'
}

const CACHE_LIMIT = 20_000
/** Blocks above and below the screen that get decorations too, so scrolling shows marks at once. */
const BLOCK_MARGIN = 40
const SCROLL_DELAY_MS = 80

/** Drives the worker: which blocks changed, ask, turn answers into decorations. */
class ProofingView {
  /** Findings per block text (the text is the key: the same paragraph is never checked twice). */
  private readonly cache = new Map<string, Finding[]>()
  private optionsKey = ''
  /** The last check placed in the document it was made for. */
  private placed: { doc: EditorState['doc']; blocks: { pos: number; text: string }[] } | null = null
  private listed: PlacedFinding[] | null = null
  counts = { spelling: 0, style: 0 }
  private scrollTimer: ReturnType<typeof setTimeout> | null = null
  private readonly onScroll = () => {
    if (this.scrollTimer) clearTimeout(this.scrollTimer)
    this.scrollTimer = setTimeout(() => this.decorate(), SCROLL_DELAY_MS)
  }
  private timer: ReturnType<typeof setTimeout> | null = null
  private running = false
  private again = false
  private destroyed = false

  constructor(
    private readonly view: EditorView,
    private readonly client: ProofingClient,
    private readonly handlers: { current: ProofingHandlers },
  ) {
    views.set(view, this)
    // The editor scrolls inside the app's layout: listen in the capture phase for any scroller.
    document.addEventListener('scroll', this.onScroll, true)
    this.schedule(0)
  }

  update(view: EditorView, previous: EditorState) {
    if (view.state.doc !== previous.doc) this.schedule(RECHECK_DELAY_MS)
  }

  destroy() {
    this.destroyed = true
    if (this.timer) clearTimeout(this.timer)
    if (this.scrollTimer) clearTimeout(this.scrollTimer)
    document.removeEventListener('scroll', this.onScroll, true)
  }

  schedule(delay: number) {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.run()
    }, delay)
  }

  private async run() {
    if (this.running) {
      this.again = true
      return
    }
    this.running = true
    try {
      do {
        this.again = false
        await this.round()
      } while (this.again && !this.destroyed)
    } catch (error) {
      console.error('proofing failed', error)
    } finally {
      this.running = false
    }
  }

  private async round() {
    const language = languageOf(this.view)
    const found = this.handlers.current.options(language)
    if (!found) {
      this.placed = null
      this.listed = null
      this.counts = { spelling: 0, style: 0 }
      if (proofingKey.getState(this.view.state) !== DecorationSet.empty) this.apply(DecorationSet.empty)
      return
    }
    const options: CheckOptions = { ...found, language }
    const key = JSON.stringify(options)
    if (key !== this.optionsKey) {
      this.cache.clear()
      this.optionsKey = key
    }
    const started = performance.now()
    const doc = this.view.state.doc
    const blocks = proofreadBlocks(doc)
    const missing = [...new Set(blocks.filter((b) => !this.cache.has(b.text)).map((b) => b.text))]
    const collectMs = performance.now() - started
    let workerMs = 0
    let loadMs: number | null = null
    if (missing.length > 0) {
      const answer = await this.client.check(
        missing.map((text) => ({ key: text, text })),
        options,
      )
      if (this.destroyed || key !== this.optionsKey) return
      workerMs = answer.checkMs
      loadMs = answer.loadMs
      if (this.cache.size + answer.results.length > CACHE_LIMIT) this.cache.clear()
      for (const result of answer.results) this.cache.set(result.key, result.findings)
    }
    // The text may have changed while the worker was busy: place what is known now, check the rest next round.
    const applyStarted = performance.now()
    const current = this.view.state.doc
    const placed = current === doc ? blocks : proofreadBlocks(current)
    const counts = { spelling: 0, style: 0 }
    for (const block of placed) {
      const known = this.cache.get(block.text)
      if (!known) {
        this.again = true
        continue
      }
      for (const finding of known) counts[finding.kind === 'spelling' ? 'spelling' : 'style']++
    }
    this.placed = { doc: current, blocks: placed }
    this.listed = null
    this.counts = counts
    this.decorate()
    const applyMs = performance.now() - applyStarted
    // User Timing entries (cheap, local): the benchmark reads them; DevTools shows them too.
    performance.measure('proofing:main-collect', { start: started, duration: collectMs })
    performance.measure('proofing:main-apply', { start: applyStarted, duration: applyMs })
    if (missing.length > 0) performance.measure('proofing:worker-check', { start: applyStarted - workerMs, duration: workerMs, detail: { blocks: missing.length } })
    if (loadMs !== null) performance.measure('proofing:dictionary-load', { start: Math.max(0, applyStarted - workerMs - loadMs), duration: loadMs })
    this.handlers.current.measured?.({ collectMs, applyMs, workerMs, loadMs, blocks: missing.length })
  }

  /**
   * Decorations only for the blocks on screen and a margin around them. DO NOT decorate the
   * whole document: with thousands of decorated paragraphs ProseMirror compares decorations of
   * every top-level node on each keystroke (DecorationSet.forChild scans linearly), which made
   * typing in a 100,000-word draft more than twice as slow. allFindings() has them all.
   */
  private decorate() {
    const placed = this.placed
    if (!placed || placed.doc !== this.view.state.doc) return
    const range = this.visibleBlockRange(placed.blocks) ?? [0, placed.blocks.length - 1]
    const decorations: Decoration[] = []
    const wanted: string[] = []
    for (let i = range[0]; i <= range[1]; i++) {
      const block = placed.blocks[i]!
      for (const finding of this.cache.get(block.text) ?? []) {
        const from = block.pos + 1 + finding.from
        const to = block.pos + 1 + finding.to
        const className = finding.kind === 'spelling' ? 'proof-spelling' : `proof-style proof-${finding.kind}`
        decorations.push(Decoration.inline(from, to, { class: className }, { finding, className, inclusiveStart: false, inclusiveEnd: false }))
        wanted.push(`${from}:${to}:${className}`)
      }
    }
    // Most keystrokes leave the marks where mapping already put them: then the view has nothing to redraw.
    const shown = (proofingKey.getState(this.view.state) ?? DecorationSet.empty)
      .find()
      .map((d) => `${d.from}:${d.to}:${(d.spec as { className: string }).className}`)
    if (shown.length === wanted.length && shown.sort().join('|') === [...wanted].sort().join('|')) return
    this.apply(DecorationSet.create(placed.doc, decorations))
  }

  /** Indexes of the first and last block to decorate, or null for all (no layout, e.g. jsdom, or a short text). */
  private visibleBlockRange(blocks: { pos: number }[]): [number, number] | null {
    if (blocks.length <= 2 * BLOCK_MARGIN) return null
    const rect = this.view.dom.getBoundingClientRect()
    if (rect.height === 0) return null
    const x = rect.left + Math.min(24, rect.width / 2)
    const top = Math.min(Math.max(rect.top + 1, 1), window.innerHeight - 1)
    const bottom = Math.max(Math.min(rect.bottom - 1, window.innerHeight - 1), 1)
    const first = this.view.posAtCoords({ left: x, top })?.pos
    const last = this.view.posAtCoords({ left: x, top: bottom })?.pos
    if (first === undefined || last === undefined) return null
    const index = (pos: number) => {
      let lo = 0
      let hi = blocks.length - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if (blocks[mid]!.pos <= pos) lo = mid
        else hi = mid - 1
      }
      return lo
    }
    return [Math.max(0, index(first) - BLOCK_MARGIN), Math.min(blocks.length - 1, index(last) + BLOCK_MARGIN)]
  }

  allFindings(): PlacedFinding[] {
    const placed = this.placed
    if (!placed) return []
    if (this.listed) return this.listed
    const list: PlacedFinding[] = []
    for (const block of placed.blocks) {
      for (const finding of this.cache.get(block.text) ?? []) list.push({ ...finding, from: block.pos + 1 + finding.from, to: block.pos + 1 + finding.to })
    }
    this.listed = list
    return list
  }

  private apply(decorations: DecorationSet) {
    if (this.destroyed) return
    this.view.dispatch(this.view.state.tr.setMeta(proofingKey, { decorations }).setMeta('addToHistory', false))
    this.handlers.current.changed?.()
  }
}


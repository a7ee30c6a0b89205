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

/** Findings currently on screen, at their current positions (after any edits since the check). */
export function proofingFindings(state: EditorState): PlacedFinding[] {
  const set = proofingKey.getState(state)
  if (!set) return []
  return set.find().map((d) => ({ ...(d.spec as { finding: Finding }).finding, from: d.from, to: d.to }))
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

/** Drives the worker: which blocks changed, ask, turn answers into decorations. */
class ProofingView {
  /** Findings per block text (the text is the key: the same paragraph is never checked twice). */
  private readonly cache = new Map<string, Finding[]>()
  private optionsKey = ''
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
    this.schedule(0)
  }

  update(view: EditorView, previous: EditorState) {
    if (view.state.doc !== previous.doc) this.schedule(RECHECK_DELAY_MS)
  }

  destroy() {
    this.destroyed = true
    if (this.timer) clearTimeout(this.timer)
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
    const decorations: Decoration[] = []
    for (const block of placed) {
      const findings = this.cache.get(block.text)
      if (!findings) {
        this.again = true
        continue
      }
      for (const finding of findings) {
        const from = block.pos + 1 + finding.from
        const to = block.pos + 1 + finding.to
        decorations.push(Decoration.inline(from, to, { class: finding.kind === 'spelling' ? 'proof-spelling' : `proof-style proof-${finding.kind}` }, { finding, inclusiveStart: false, inclusiveEnd: false }))
      }
    }
    this.apply(DecorationSet.create(current, decorations))
    const applyMs = performance.now() - applyStarted
    this.handlers.current.measured?.({ collectMs, applyMs, workerMs, loadMs, blocks: missing.length })
  }

  private apply(decorations: DecorationSet) {
    if (this.destroyed) return
    this.view.dispatch(this.view.state.tr.setMeta(proofingKey, { decorations }).setMeta('addToHistory', false))
    this.handlers.current.changed?.()
  }
}


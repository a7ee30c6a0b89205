import { Extension } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Selection, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import type { Language } from '@shared/domain'
import type { Finding } from '@shared/proofing'
import { whenIdle } from '../../app/lazy'
import { followBrowserCaretIfFocused } from '../browserCaret'
import type { ProofingClient } from './client'
import { textsOf } from './blockText'
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

/** The marks on screen (marks at the caret are held back by ProofingView until the caret leaves them). */
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
              return tr.docChanged ? mapUntouched(set, tr) : set
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

/**
 * The marks mapped through an edit, without the ones the edit touches (inside or at an edge).
 * DO NOT keep those: with the caret inside or at the edge of a decoration, ProseMirror puts the
 * DOM selection back after every keystroke, and that forces a layout of the whole document (most
 * of the extra typing latency in a 100,000-word draft). The re-check after the pause puts back
 * what is still wrong, and a half-typed word is not marked meanwhile.
 */
function mapUntouched(set: DecorationSet, tr: Transaction): DecorationSet {
  const mapped = set.map(tr.mapping, tr.doc)
  if (mapped === DecorationSet.empty) return mapped
  const touched: Decoration[] = []
  tr.mapping.maps.forEach((map, i) => {
    map.forEach((_oldFrom, _oldTo, from, to) => {
      const after = tr.mapping.slice(i + 1)
      touched.push(...mapped.find(after.map(from, -1), after.map(to, 1)))
    })
  })
  return touched.length > 0 ? mapped.remove(touched) : mapped
}

/** A mark the (empty) selection is in or at the edge of. */
function atCaret(d: { from: number; to: number }, selection: Selection): boolean {
  return selection.empty && d.from <= selection.head && selection.head <= d.to
}

/** Splits marks into those to show and those held back at the caret. */
function split(selection: Selection, decorations: Decoration[]): { shown: Decoration[]; held: Decoration[] } {
  const shown: Decoration[] = []
  const held: Decoration[] = []
  for (const d of decorations) (atCaret(d, selection) ? held : shown).push(d)
  return { shown, held }
}

function languageOf(view: EditorView): Language {
  return view.dom.getAttribute('lang') === 'de' ? 'de' : 'en'
}

const CACHE_LIMIT = 20_000
/** Blocks above and below the screen that get decorations too, so scrolling shows marks at once. */
const BLOCK_MARGIN = 12
/** More changed top-level nodes than this (a paste, a draft switch): decorate the screen afresh. */
const MANY_CHANGED = 2 * BLOCK_MARGIN
const SCROLL_DELAY_MS = 80
/** Scrolling less than this since the last decoration keeps the screen inside BLOCK_MARGIN (12 blocks ≥ 12 lines). */
const SCROLL_SLACK_PX = 120

type Counts = { spelling: number; style: number }

/** The findings of one top-level node, at offsets relative to that node's position. */
interface NodeResult {
  findings: Finding[]
  counts: Counts
}

/** Which top-level nodes of `next` differ from `last` (by identity: ProseMirror reuses unchanged nodes). */
interface Changed {
  /** First changed index in both documents. */
  start: number
  /** End (exclusive) of the changed nodes in the last document and in the next one. */
  endLast: number
  endNext: number
  /** Position of node `start` in the next document. */
  pos: number
}

function changedNodes(last: PmNode, next: PmNode): Changed {
  const shorter = Math.min(last.childCount, next.childCount)
  let start = 0
  let pos = 0
  while (start < shorter && last.child(start) === next.child(start)) pos += next.child(start++).nodeSize
  let endLast = last.childCount
  let endNext = next.childCount
  while (endLast > start && endNext > start && last.child(endLast - 1) === next.child(endNext - 1)) {
    endLast--
    endNext--
  }
  return { start, endLast, endNext, pos }
}

function changedEnd(doc: PmNode, changed: Changed): number {
  let end = changed.pos
  for (let i = changed.start; i < changed.endNext; i++) end += doc.child(i).nodeSize
  return end
}

const decorationKey = (d: Decoration) => `${d.from}:${d.to}:${(d.spec as { className: string }).className}`

function sameMarks(a: Decoration[], b: Decoration[]): boolean {
  return a.length === b.length && a.map(decorationKey).sort().join('|') === b.map(decorationKey).sort().join('|')
}

/**
 * Drives the worker: which top-level nodes changed since the last check, ask about their text,
 * turn the answers into decorations for those nodes only.
 *
 * Per keystroke the main thread DOES NOT walk the document: decorations are mapped through each
 * transaction by the plugin state, and a re-check compares the top-level nodes with the last
 * checked document by identity, sends the changed nodes' text, then removes and adds decorations
 * inside the changed range only. Counts are kept up to date per node (subtract the old, add the
 * new); the full list of findings is built only when the side list asks for it.
 */
class ProofingView {
  /** Findings per block text (the text is the key: the same paragraph is never checked twice). */
  private readonly cache = new Map<string, Finding[]>()
  private optionsKey = ''
  /** Results per top-level node for the current options; a node that is still in the document keeps its result. */
  private results = new WeakMap<PmNode, NodeResult>()
  /** The document the decorations and counts were last computed for; every top-level node of it has a result. */
  private checked: PmNode | null = null
  /**
   * Marks at the caret, kept back while the caret is in or at them (see mapUntouched for why) and
   * shown as soon as it moves away: the word being typed is not marked, as in most spell checkers.
   * Positions are in `doc`.
   */
  private held: { doc: PmNode; marks: Decoration[] } | null = null
  /** Scrolled while the document was ahead of the last check: decorate the screen afresh next round. */
  private redecorate = false
  private listed: PlacedFinding[] | null = null
  counts: Counts = { spelling: 0, style: 0 }
  private scrollTimer: ReturnType<typeof setTimeout> | null = null
  /** Per scroller, where it was when the screen was last decorated for a scroll. */
  private readonly scrolledTo = new WeakMap<EventTarget, number>()
  private readonly onScroll = (event: Event) => {
    const target = event.target
    if (!target) return
    // Another pane's list, not the text's scroller.
    if (target !== document && !(target instanceof Node && target.contains(this.view.dom))) return
    // A few pixels (the caret kept in view, scroll anchoring as off-screen blocks get their real
    // height) stay well inside the decorated margin: DO NOT decorate the screen afresh for them,
    // that costs a forced layout and a redraw of every decorated block (~30 ms at 100,000 words)
    // in the middle of typing.
    const top = target === document ? (document.scrollingElement?.scrollTop ?? 0) : (target as Element).scrollTop
    const last = this.scrolledTo.get(target)
    if (last !== undefined && Math.abs(top - last) < SCROLL_SLACK_PX) return
    this.scrolledTo.set(target, top)
    if (this.scrollTimer) clearTimeout(this.scrollTimer)
    this.scrollTimer = setTimeout(() => this.decorateScreen(), SCROLL_DELAY_MS)
  }
  private timer: ReturnType<typeof setTimeout> | null = null
  /** Set until the first round may start (the page idle after the start). */
  private cancelIdle: (() => void) | null = null
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
    // The first round starts the worker and loads a dictionary: not while the start still
    // shows the editor and the list, but once the page is idle after it.
    this.cancelIdle = whenIdle(() => {
      this.cancelIdle = null
      this.schedule(0)
    })
  }

  update(view: EditorView, previous: { doc: PmNode; selection: Selection }) {
    const { doc, selection } = view.state
    if (doc !== previous.doc) this.schedule(RECHECK_DELAY_MS)
    else if (this.held && !selection.eq(previous.selection)) this.release()
  }

  /** The caret moved without an edit: show the held marks it has left. */
  private release() {
    const held = this.held!
    const doc = this.view.state.doc
    if (held.doc !== doc) return
    const free = held.marks.filter((d) => !atCaret(d, this.view.state.selection))
    if (free.length === 0) return
    const rest = held.marks.filter((d) => !free.includes(d))
    this.held = rest.length > 0 ? { doc, marks: rest } : null
    this.apply((proofingKey.getState(this.view.state) ?? DecorationSet.empty).add(doc, free), false)
  }

  destroy() {
    this.destroyed = true
    this.cancelIdle?.()
    if (this.timer) clearTimeout(this.timer)
    if (this.scrollTimer) clearTimeout(this.scrollTimer)
    document.removeEventListener('scroll', this.onScroll, true)
  }

  schedule(delay: number) {
    if (this.cancelIdle) return // the first round, when idle, checks whatever the text is then
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
      this.checked = null
      this.listed = null
      this.counts = { spelling: 0, style: 0 }
      this.held = null
      this.followCaret()
      if (proofingKey.getState(this.view.state) !== DecorationSet.empty) this.apply(DecorationSet.empty)
      return
    }
    const options: CheckOptions = { ...found, language }
    const key = JSON.stringify(options)
    if (key !== this.optionsKey) {
      this.cache.clear()
      this.results = new WeakMap()
      this.checked = null
      this.optionsKey = key
    }
    const started = performance.now()
    const doc = this.view.state.doc
    const changed = this.changedSince(doc)
    const missing = new Set<string>()
    for (let i = changed.start; i < changed.endNext; i++) {
      const node = doc.child(i)
      if (this.results.has(node)) continue
      for (const { text } of textsOf(node)) if (!this.cache.has(text)) missing.add(text)
    }
    // Posting (structured clone of the texts) is main-thread time too: it is inside collectMs.
    const answering = missing.size > 0 ? this.client.check([...missing].map((text) => ({ key: text, text })), options) : null
    const collectMs = performance.now() - started
    let workerMs = 0
    let loadMs: number | null = null
    if (answering) {
      const answer = await answering
      if (this.destroyed || key !== this.optionsKey) return
      workerMs = answer.checkMs
      loadMs = answer.loadMs
      if (this.cache.size + answer.results.length > CACHE_LIMIT) this.cache.clear()
      for (const result of answer.results) this.cache.set(result.key, result.findings)
    }
    const applyStarted = performance.now()
    const notified = this.place()
    // The dock re-renders in React's microtask after changed(): queued after it, this measure includes that render.
    if (notified) queueMicrotask(() => this.measure(started, collectMs, applyStarted, workerMs, loadMs, missing.size))
    else this.measure(started, collectMs, applyStarted, workerMs, loadMs, missing.size)
  }

  private measure(started: number, collectMs: number, applyStarted: number, workerMs: number, loadMs: number | null, blocks: number) {
    const applyMs = performance.now() - applyStarted
    // User Timing entries (cheap, local): the benchmark reads them; DevTools shows them too.
    performance.measure('proofing:main-collect', { start: started, duration: collectMs })
    performance.measure('proofing:main-apply', { start: applyStarted, duration: applyMs })
    if (blocks > 0) performance.measure('proofing:worker-check', { start: applyStarted - workerMs, duration: workerMs, detail: { blocks } })
    if (loadMs !== null) performance.measure('proofing:dictionary-load', { start: Math.max(0, applyStarted - workerMs - loadMs), duration: loadMs })
    this.handlers.current.measured?.({ collectMs, applyMs, workerMs, loadMs, blocks })
  }

  /** The top-level nodes changed since the last check (all of them when there was none). */
  private changedSince(doc: PmNode): Changed {
    if (!this.checked) return { start: 0, endLast: 0, endNext: doc.childCount, pos: 0 }
    return changedNodes(this.checked, doc)
  }

  /** The result of a top-level node from the cache, or null while one of its texts is unchecked. */
  private resultOf(node: PmNode): NodeResult | null {
    const known = this.results.get(node)
    if (known) return known
    const findings: Finding[] = []
    const counts = { spelling: 0, style: 0 }
    for (const { offset, text } of textsOf(node)) {
      const list = this.cache.get(text)
      if (!list) return null
      for (const f of list) {
        findings.push({ ...f, from: offset + f.from, to: offset + f.to })
        counts[f.kind === 'spelling' ? 'spelling' : 'style']++
      }
    }
    const result = { findings, counts }
    this.results.set(node, result)
    return result
  }

  /**
   * Puts the known results into the current document (the text may have changed while the worker
   * was busy; then the round waits for the next one, already scheduled by update()). Returns
   * whether the dock was told.
   */
  private place(): boolean {
    this.followCaret()
    const doc = this.view.state.doc
    const last = this.checked
    const changed = this.changedSince(doc)
    const fresh: NodeResult[] = []
    for (let i = changed.start; i < changed.endNext; i++) {
      const result = this.resultOf(doc.child(i))
      if (!result) return false
      fresh.push(result)
    }
    const counts = last ? { ...this.counts } : { spelling: 0, style: 0 }
    if (last) {
      for (let i = changed.start; i < changed.endLast; i++) {
        const old = this.results.get(last.child(i))!.counts
        counts.spelling -= old.spelling
        counts.style -= old.style
      }
    }
    for (const { counts: c } of fresh) {
      counts.spelling += c.spelling
      counts.style += c.style
    }
    this.checked = doc
    this.listed = null
    const countsChanged = counts.spelling !== this.counts.spelling || counts.style !== this.counts.style
    this.counts = counts
    // Marks held for an older document outside the changed nodes cannot be placed any more: decorate afresh.
    const head = this.view.state.selection.head
    if (this.held && this.held.doc !== doc && !(changed.endNext > changed.start && head > changed.pos && head < changedEnd(doc, changed))) this.redecorate = true
    let decorationsChanged: boolean
    if (!last || this.redecorate || changed.endNext - changed.start > MANY_CHANGED) {
      this.redecorate = false
      decorationsChanged = this.decorateScreen(false)
    } else {
      decorationsChanged = this.decorateRange(changed, fresh)
    }
    if (!decorationsChanged && !countsChanged && last) return false
    this.handlers.current.changed?.()
    return true
  }

  private decoration(pos: number, finding: Finding): Decoration {
    const from = pos + finding.from
    const to = pos + finding.to
    const className = finding.kind === 'spelling' ? 'proof-spelling' : `proof-style proof-${finding.kind}`
    return Decoration.inline(from, to, { class: className }, { finding, className, inclusiveStart: false, inclusiveEnd: false })
  }

  /** Replaces the decorations of the changed nodes only; the rest were mapped by the plugin state. */
  private decorateRange(changed: Changed, fresh: NodeResult[]): boolean {
    const doc = this.view.state.doc
    const decorations: Decoration[] = []
    let pos = changed.pos
    for (let i = changed.start; i < changed.endNext; i++) {
      for (const finding of fresh[i - changed.start]!.findings) decorations.push(this.decoration(pos, finding))
      pos += doc.child(i).nodeSize
    }
    const shown = proofingKey.getState(this.view.state) ?? DecorationSet.empty
    // Inside the changed nodes (their boundaries excluded, so a neighbour's mark is never caught).
    const oldShown = changed.endNext > changed.start ? shown.find(changed.pos + 1, pos - 1) : []
    const oldHeld = this.held?.doc === doc ? this.held.marks.filter((d) => d.from > changed.pos && d.to < pos) : []
    if (sameMarks([...oldShown, ...oldHeld], decorations)) return false
    const next = split(this.view.state.selection, decorations)
    this.held = next.held.length > 0 ? { doc, marks: next.held } : null
    // Often only the held part changes (a mark the keystroke dropped is back, but at the caret): then
    // nothing is dispatched and the view has nothing to redraw.
    if (sameMarks(oldShown, next.shown)) return true
    this.apply(shown.remove(oldShown).add(doc, next.shown), false)
    return true
  }

  /**
   * Decorations only for the blocks on screen and a margin around them. DO NOT decorate the
   * whole document: with thousands of decorated paragraphs ProseMirror compares decorations of
   * every top-level node on each keystroke (DecorationSet.forChild scans linearly), which made
   * typing in a 100,000-word draft more than twice as slow. allFindings() has them all.
   * Called on scroll and when many nodes changed at once, never per keystroke (it asks for layout).
   */
  private decorateScreen(notify = true): boolean {
    this.followCaret()
    const doc = this.view.state.doc
    if (!this.checked) return false
    if (this.checked !== doc) {
      this.redecorate = true
      return false
    }
    const [first, last] = this.visibleRange(doc) ?? [0, doc.childCount - 1]
    let pos = 0
    for (let i = 0; i < first; i++) pos += doc.child(i).nodeSize
    const decorations: Decoration[] = []
    for (let i = first; i <= last; i++) {
      for (const finding of this.results.get(doc.child(i))?.findings ?? []) decorations.push(this.decoration(pos, finding))
      pos += doc.child(i).nodeSize
    }
    const shown = proofingKey.getState(this.view.state) ?? DecorationSet.empty
    const held = this.held?.doc === doc ? this.held.marks : []
    if (sameMarks([...shown.find(), ...held], decorations)) return false
    const next = split(this.view.state.selection, decorations)
    this.held = next.held.length > 0 ? { doc, marks: next.held } : null
    this.apply(DecorationSet.create(doc, next.shown), notify)
    return true
  }

  /** Indexes of the first and last top-level node to decorate, or null for all (no layout, e.g. jsdom, or a short text). */
  private visibleRange(doc: PmNode): [number, number] | null {
    if (doc.childCount <= 2 * BLOCK_MARGIN) return null
    const rect = this.view.dom.getBoundingClientRect()
    if (rect.height === 0) return null
    const x = rect.left + Math.min(24, rect.width / 2)
    const top = Math.min(Math.max(rect.top + 1, 1), window.innerHeight - 1)
    const bottom = Math.max(Math.min(rect.bottom - 1, window.innerHeight - 1), 1)
    const first = this.view.posAtCoords({ left: x, top })?.pos
    const last = this.view.posAtCoords({ left: x, top: bottom })?.pos
    if (first === undefined || last === undefined) return null
    let firstIndex = -1
    let lastIndex = doc.childCount - 1
    let end = 0
    for (let i = 0; i < doc.childCount; i++) {
      end += doc.child(i).nodeSize
      if (firstIndex === -1 && first < end) firstIndex = i
      if (last < end) {
        lastIndex = i
        break
      }
    }
    return [Math.max(0, firstIndex - BLOCK_MARGIN), Math.min(doc.childCount - 1, lastIndex + BLOCK_MARGIN)]
  }

  /** Every finding of the last check (built on demand for the side list, then kept until the next change). */
  allFindings(): PlacedFinding[] {
    const doc = this.checked
    if (!doc) return []
    if (this.listed) return this.listed
    const list: PlacedFinding[] = []
    doc.forEach((node, pos) => {
      for (const finding of this.results.get(node)?.findings ?? []) list.push({ ...finding, from: pos + finding.from, to: pos + finding.to })
    })
    this.listed = list
    return list
  }

  /**
   * Marks arrive when the worker answers, not when the user acts: a click the browser has already
   * carried out (the caret is in the new place) may not have reached ProseMirror yet, which reads
   * it from `selectionchange`, a task later. Any view update in between puts the editor's old
   * selection back into the page and the click is lost. Take the browser's caret first, before the
   * marks at the caret are held back (split) and before dispatching. Only while the text has the
   * focus: otherwise the page's selection is not the editor's.
   */
  private followCaret() {
    if (!this.destroyed) followBrowserCaretIfFocused(this.view)
  }

  private apply(decorations: DecorationSet, notify = true) {
    if (this.destroyed) return
    this.view.dispatch(this.view.state.tr.setMeta(proofingKey, { decorations }).setMeta('addToHistory', false))
    if (notify) this.handlers.current.changed?.()
  }
}

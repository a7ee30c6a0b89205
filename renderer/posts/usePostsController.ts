import { getTextBetween, getTextSerializersFromSchema, type AnyExtension, type Editor } from '@tiptap/core'
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { LibraryTermStats } from '@shared/compose'
import {
  MAX_PASSAGE_LENGTH,
  type DraftId,
  type DraftSummary,
  type Language,
  type Post,
  type PostStateChange,
  type Settings,
  type SettingsPatch,
  type TodayPost,
} from '@shared/domain'
import { blogUrlFor } from '@shared/blog/blog-url'
import type { PlatformId } from '@shared/platforms'
import { useApi } from '../api/context'
import type { Command } from '../app/commands'
import { isShortcut, useShortcutLabel } from '../app/keys'
import { useNotices } from '../app/notices'
import type { SaveRegistry } from '../editor/saveRegistry'
import type { JournalHost } from '../journal/JournalHost'
import { copyText } from './clipboard'
import type { MenuItem } from './EditorContextMenu'
import { localDate } from './localDate'
import { initialPostsState, isDroppable, keptPassages, passageToDrop, type DraftPosts, type PostsTab, type SuggestionLayout } from './model/postsModel'
import { createPostsStore } from './model/postsStore'
import { addPassageMark, passageCovering, passageIdsAt, removePassageMark, revealPassage } from './passageMark'
import { postsEditorActions, type PostsEditorHandlers } from './postsEditorActions'
import { loadComposer, loadedComposer } from './composer'
import { partsToSave, currentParts, type PassageSource, type SuggestionGroup } from './suggestionGroups'

export const POSTS_WIDTH = { min: 280, max: 720 } as const
export type { DraftPosts, PostsTab, SuggestionLayout }

export interface PostsFeatureInput {
  /** The editor on screen (null while none is open). */
  editor: Editor | null
  /** The draft selected in the library; the editor may still show the previous one while it loads. */
  draftId: DraftId | null
  draft: DraftSummary | null
  settings: Settings
  onSettings(patch: SettingsPatch): void
  openDraft(id: DraftId): void
  /** A draft was made elsewhere (from a journal note): list it and open it. */
  draftCreated?(id: DraftId): void
  focusMode: boolean
  leaveFocusMode(): void
  /** The app's one save registry: edits of saved posts are saved (and flushed) with the drafts. */
  registry: SaveRegistry
}

/** Everything the panel's views read and do. */
export interface PostsController {
  tab: PostsTab
  setTab(tab: PostsTab): void
  draft: DraftSummary | null
  data: DraftPosts | null
  loadError: string | null
  focus: number | null
  setFocus(passageId: number | null): void
  suggestions: Record<number, SuggestionGroup[]>
  /** By platform, or one platform's styles side by side. */
  layout: SuggestionLayout
  comparePlatform: PlatformId | null
  setLayout(layout: SuggestionLayout, platform?: PlatformId | null): void
  /** The card's state as the author left it (style, edits), kept without re-rendering the workspace on every keystroke. */
  editedSuggestion(group: SuggestionGroup): SuggestionGroup
  rememberSuggestion(group: SuggestionGroup): void
  savePost(passageId: number, group: SuggestionGroup): Promise<boolean>
  makeMore(passageId: number): void
  makePosts(): void
  /** The author edited a saved post's text: saved shortly after typing stops, and at every flush point. */
  editText(post: Post, parts: string[]): void
  /** Saves that post's pending edit now (leaving the field, the card going away). */
  flushText(post: Post): void
  changeState(change: PostStateChange): Promise<boolean>
  deletePost(post: Post): Promise<boolean>
  showPassage(draftId: DraftId, passageId: number): void
  /** Whether the passage is still marked in the open editor (null: no editor for its draft). */
  isInText(passageId: number): boolean | null
  removeHighlight(passageId: number): void
  today: TodayPost[] | null
  todayError: string | null
  todayDate: string
  settings: Settings
  close(): void
  shortcut: string
  /** What the journal tab and the notes under posted posts need from the workspace. */
  journal: JournalHost
}

/** Where the editor's context menu opens and what it offers. */
export interface PostsMenu {
  at: { x: number; y: number }
  items: MenuItem[]
  close(restoreFocus: boolean): void
}

/** The pane's frame: open or not, and its width while the splitter is dragged. */
export interface PostsLayout {
  open: boolean
  width: number
  setWidth(width: number): void
  commitWidth(width: number): void
}

export interface PostsControllerResult {
  controller: PostsController
  /** Goes into the editor's extension list (once: the array is stable). */
  extensions: AnyExtension[]
  /** For the command palette. */
  commands: Command[]
  menu: PostsMenu | null
  layout: PostsLayout
}

/**
 * The posts feature's behaviour: select a passage → "Make posts" → a card per platform → save,
 * plan, post. Runs every call to the posts channels and the editor around the pure model
 * (model/postsModel.ts); returns data and actions only, the components render them.
 */
export function usePostsController(input: PostsFeatureInput): PostsControllerResult {
  const { editor, draftId, draft, settings, onSettings, openDraft, leaveFocusMode, registry } = input
  const api = useApi()
  const { t } = useTranslation()
  const shortcutLabel = useShortcutLabel()
  const { notify } = useNotices()
  const open = settings.panes.postsOpen
  const [width, setWidth] = useState(settings.panes.postsWidth)
  useEffect(() => setWidth(settings.panes.postsWidth), [settings.panes.postsWidth])

  const [store] = useState(() => createPostsStore(initialPostsState(localDate())))
  const state = useSyncExternalStore(store.subscribe, store.get)
  const { dispatch } = store

  // Which draft the editor on screen belongs to: the selected one at the moment it appeared.
  // (While the next draft loads, the old editor is still on screen with the new id selected.)
  const [shown, setShown] = useState<{ editor: Editor; draftId: DraftId } | null>(null)
  useEffect(() => {
    setShown(editor && draftId !== null ? { editor, draftId } : null)
    // Only when the editor itself changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor])
  const shownDraftId = shown?.draftId ?? null

  const [menu, setMenu] = useState<{ x: number; y: number; hasSelection: boolean; passageIds: number[] } | null>(null)
  const edits = useRef(new Map<number, SuggestionGroup>())
  const pendingReveal = useRef<{ draftId: DraftId; passageId: number } | null>(null)
  /** Library frequencies fetched so far (per folded term), for the hashtags; dropped when the library may have changed a lot. */
  const termCache = useRef<{ documentCount: number; frequencies: Map<string, number> } | null>(null)

  const latest = useRef({ shown, settings, draft, open })
  latest.current = { shown, settings, draft, open }

  const setOpen = useCallback((next: boolean) => onSettings({ panes: { postsOpen: next } }), [onSettings])

  // The open draft's passages and posts.
  useEffect(() => {
    dispatch({ type: 'loading', draftId: shownDraftId })
    if (shownDraftId === null) return
    let current = true
    api.invoke('posts.listForDraft', { draftId: shownDraftId }).then(
      (result) => {
        if (!current) return
        dispatch({ type: 'loaded', data: { draftId: shownDraftId, ...result, passages: dropAbandoned(shownDraftId, result) } })
        const reveal = pendingReveal.current
        if (reveal?.draftId === shownDraftId) {
          pendingReveal.current = null
          dispatch({ type: 'focus', passageId: reveal.passageId })
          dispatch({ type: 'tab', tab: 'draft' })
          requestAnimationFrame(() => {
            const ed = latest.current.shown?.editor
            if (ed && latest.current.shown?.draftId === shownDraftId) revealPassage(ed, reveal.passageId)
          })
        }
      },
      (error: Error) => current && dispatch({ type: 'loadFailed', message: error.message }),
    )
    return () => {
      current = false
    }
    // dropAbandoned reads the store and refs only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, shownDraftId])

  /**
   * Marks and passages without posts are leftovers: posts made and none saved before the app
   * closed, the last post deleted, a mark copied in from another draft. They go when the
   * draft opens, so every highlight in the text has posts behind it.
   */
  const dropAbandoned = (id: DraftId, result: Parameters<typeof keptPassages>[0]) => {
    const { keep, drop, keepId } = keptPassages(result, store.get().unsaved)
    const view = latest.current.shown
    if (view && view.draftId === id && !view.editor.isDestroyed && view.editor.isEditable) {
      for (const passageId of passageIdsInDoc(view.editor)) if (!keepId(passageId)) removePassageMark(view.editor, passageId)
    }
    for (const passage of drop) api.invoke('passages.discard', { id: passage.id }).catch(() => undefined)
    return keep
  }

  /** Drops a passage made in this session if the author saved nothing from it. */
  const discardIfUnsaved = useCallback(
    (passageId: number | null) => {
      const now = store.get()
      if (passageId === null || !now.unsaved.includes(passageId)) return
      if (!isDroppable(now, passageId)) return
      const view = latest.current.shown
      if (view && now.data && view.draftId === now.data.draftId) removePassageMark(view.editor, passageId)
      dispatch({ type: 'passageDropped', passageId })
      api.invoke('passages.discard', { id: passageId }).catch(() => undefined) // a leftover row harms nothing
    },
    [api, dispatch, store],
  )

  const setFocus = useCallback(
    (passageId: number | null) => {
      discardIfUnsaved(passageToDrop(store.get(), passageId))
      dispatch({ type: 'focus', passageId })
    },
    [discardIfUnsaved, dispatch, store],
  )

  // Another draft: leave the last one's unsaved passage behind (its editor is still there now).
  const previousDraft = useRef<DraftId | null>(null)
  useEffect(() => {
    if (previousDraft.current !== null && previousDraft.current !== draftId) {
      discardIfUnsaved(store.get().focus)
      dispatch({ type: 'draftLeft' })
    }
    previousDraft.current = draftId
  }, [draftId, discardIfUnsaved, dispatch, store])

  // Platforms switched on or off in Settings: the suggestions on screen follow.
  const enabledKey = settings.posts.enabled.join(',')
  const previousEnabled = useRef(settings.posts.enabled)
  useEffect(() => {
    const previous = previousEnabled.current
    previousEnabled.current = latest.current.settings.posts.enabled
    if (previous.join(',') !== enabledKey) dispatch({ type: 'platformsChanged', previous, settings: latest.current.settings.posts, suggest: loadedComposer()?.suggestPosts ?? null })
  }, [enabledKey, dispatch])

  const loadToday = useCallback(() => {
    const date = localDate()
    dispatch({ type: 'todayLoading', date })
    api.invoke('posts.today', { date }).then(
      (today) => dispatch({ type: 'todayLoaded', today }),
      (error: Error) => dispatch({ type: 'todayFailed', message: error.message }),
    )
  }, [api, dispatch])

  useEffect(() => {
    if (open && state.tab === 'today') loadToday()
  }, [open, state.tab, loadToday])

  const applyPost = useCallback(
    (post: Post) => {
      dispatch({ type: 'postChanged', post })
      if (store.get().tab === 'today' && latest.current.open) loadToday()
    },
    [dispatch, loadToday, store],
  )

  const showPane = useCallback(
    (next: PostsTab) => {
      leaveFocusMode()
      dispatch({ type: 'tab', tab: next })
      if (!latest.current.open) setOpen(true)
    },
    [dispatch, leaveFocusMode, setOpen],
  )

  /** How common the passage's words are in the library: asked once per composition, remembered. */
  const termStatsFor = useCallback(
    async (
      libraryTermsFor: (typeof import('./suggestions'))['libraryTermsFor'],
      source: Pick<PassageSource, 'text' | 'title' | 'language'>,
    ): Promise<LibraryTermStats | undefined> => {
      const terms = libraryTermsFor({ excerpt: source.text, title: source.title, language: source.language })
      const cache = termCache.current
      const missing = cache ? terms.filter((term) => !cache.frequencies.has(term)) : terms
      try {
        if (missing.length > 0 || !cache) {
          const answer = await api.invoke('search.termStats', { terms: missing.slice(0, 300) })
          const frequencies = cache?.frequencies ?? new Map<string, number>()
          missing.slice(0, 300).forEach((term, i) => frequencies.set(term, answer.documentFrequencies[i] ?? 0))
          termCache.current = { documentCount: answer.documentCount, frequencies }
        }
      } catch {
        return termCache.current ? statsFrom(termCache.current) : undefined // hashtags are then ranked within the draft alone
      }
      return statsFrom(termCache.current!)
    },
    [api],
  )

  /** Composes the passage for every platform in use; the author's own lines take their next turn. */
  const compose = useCallback(
    async (passageId: number, source: Omit<PassageSource, 'rotation' | 'libraryTermStats'>) => {
      let composer: Awaited<ReturnType<typeof loadComposer>>
      try {
        composer = await loadComposer()
      } catch (error) {
        // Its chunk did not arrive (the app's files damaged, or replaced by an update while it ran).
        notify('error', t('posts.composerFailed', { reason: (error as Error).message }))
        return
      }
      const now = latest.current.settings
      const full: PassageSource = { ...source, rotation: now.posts.rotation, libraryTermStats: await termStatsFor(composer.libraryTermsFor, source) }
      const groups = composer.suggestPosts(full, latest.current.settings.posts)
      dispatch({ type: 'suggested', passageId, source: full, groups })
      // The next making takes the next own line (and another of the composer's questions), in this session or the next.
      onSettings({ posts: { rotation: now.posts.rotation + 1 } })
    },
    [dispatch, notify, onSettings, t, termStatsFor],
  )

  const makePosts = useCallback(async () => {
    const { shown: view, draft: summary, settings: now } = latest.current
    const current = store.get().data
    showPane('draft')
    if (!view || view.draftId !== draftId) {
      notify('info', t('posts.noDraft'))
      return
    }
    const { editor: ed } = view
    const { from, to, empty } = ed.state.selection
    if (empty) {
      const ids = passageIdsAt(ed.state.doc, from)
      if (ids.length > 0) setFocus(ids[ids.length - 1]!)
      else {
        setFocus(null)
        notify('info', t('posts.selectFirst'))
      }
      return
    }
    const text = getTextBetween(ed.state.doc, { from, to }, { blockSeparator: '\n\n', textSerializers: getTextSerializersFromSchema(ed.schema) }).trim()
    if (text === '') {
      notify('info', t('posts.selectFirst'))
      return
    }
    if (text.length > MAX_PASSAGE_LENGTH) {
      notify('error', t('posts.passageTooLong', { max: new Intl.NumberFormat().format(MAX_PASSAGE_LENGTH) }))
      return
    }
    let passageId = passageCovering(ed.state, from, to)
    if (passageId === null || !current?.passages.some((p) => p.id === passageId)) {
      // The selection may move while the backend answers (typing goes on): follow it.
      const range = trackRange(ed, { from, to })
      try {
        const passage = await api.invoke('passages.create', { draftId: view.draftId, text })
        const where = range.stop()
        if (!ed.isDestroyed && where) addPassageMark(ed, where, passage.id)
        dispatch({ type: 'passageMade', passage })
        passageId = passage.id
      } catch (error) {
        range.stop()
        notify('error', t('posts.passageFailed', { reason: (error as Error).message }))
        return
      }
    }
    // The blog post's address for teasers; without it the teaser points to the blog in words.
    const full = await api.invoke('drafts.get', { id: view.draftId }).catch(() => null)
    const mine = summary?.id === view.draftId ? summary : full
    await compose(passageId, {
      text,
      title: mine?.title ?? '',
      tags: mine?.tags ?? [],
      language: (mine?.language ?? 'en') as Language,
      blogUrl: full ? blogUrlFor(full, now) : undefined,
    })
    setFocus(passageId)
  }, [api, compose, dispatch, draftId, notify, setFocus, showPane, store, t])

  const makeMore = useCallback(
    (passageId: number) => {
      const { draft: summary, settings: now } = latest.current
      const passage = store.get().data?.passages.find((p) => p.id === passageId)
      if (!passage || !summary) return
      void api.invoke('drafts.get', { id: passage.draftId }).then(
        (full) =>
          compose(passageId, { text: passage.text, title: summary.title, tags: summary.tags, language: summary.language, blogUrl: blogUrlFor(full, now) }),
        (error: Error) => notify('error', t('posts.passageFailed', { reason: error.message })),
      )
    },
    [api, compose, notify, store, t],
  )

  const savePost = useCallback(
    async (passageId: number, group: SuggestionGroup) => {
      const current = store.get().data
      if (!current) return false
      try {
        const post = await api.invoke('posts.create', {
          draftId: current.draftId,
          passageId,
          platform: group.platform,
          style: group.style,
          parts: partsToSave(currentParts(group)),
        })
        dispatch({ type: 'postSaved', post })
        return true
      } catch (error) {
        notify('error', t('posts.actions.saveFailed', { reason: (error as Error).message }))
        return false
      }
    },
    [api, dispatch, notify, store, t],
  )

  // A failed save keeps retrying in the registry and shows in the one save status line.
  useEffect(() => registry.onPostSaved(applyPost), [registry, applyPost])
  const editText = useCallback((post: Post, parts: string[]) => registry.postText(post.id).change(() => parts), [registry])
  const flushText = useCallback((post: Post) => void registry.flushPostText(post.id), [registry])

  const changeState = useCallback(
    async (change: PostStateChange) => {
      try {
        applyPost(await api.invoke('posts.setState', change))
        return true
      } catch (error) {
        notify('error', t('posts.state.changeFailed', { reason: (error as Error).message }))
        return false
      }
    },
    [api, applyPost, notify, t],
  )

  const deletePost = useCallback(
    async (post: Post) => {
      try {
        await api.invoke('posts.delete', { id: post.id })
        dispatch({ type: 'postDeleted', post })
        notify('info', t('posts.actions.deleted'))
        return true
      } catch (error) {
        notify('error', t('posts.state.changeFailed', { reason: (error as Error).message }))
        return false
      }
    },
    [api, dispatch, notify, t],
  )

  const showPassage = useCallback(
    (target: DraftId, passageId: number) => {
      const view = latest.current.shown
      if (view && view.draftId === target && store.get().data?.draftId === target) {
        dispatch({ type: 'tab', tab: 'draft' })
        setFocus(passageId)
        revealPassage(view.editor, passageId)
        return
      }
      pendingReveal.current = { draftId: target, passageId }
      openDraft(target)
    },
    [dispatch, openDraft, setFocus, store],
  )

  const isInText = useCallback(
    (passageId: number) => {
      const view = latest.current.shown
      if (!view || view.draftId !== store.get().data?.draftId || view.editor.isDestroyed) return null
      return passageIdsInDoc(view.editor).has(passageId)
    },
    [store],
  )

  const removeHighlight = useCallback(
    (passageId: number) => {
      const view = latest.current.shown
      if (view) removePassageMark(view.editor, passageId)
      setFocus(null)
    },
    [setFocus],
  )

  const close = useCallback(() => {
    discardIfUnsaved(store.get().focus)
    setOpen(false)
  }, [discardIfUnsaved, setOpen, store])

  // The editor calls in through this ref: its extension is created once per editor.
  const handlers = useRef<PostsEditorHandlers>({ makePosts: () => undefined, openPassage: () => undefined, contextMenu: () => undefined })
  handlers.current = {
    makePosts: () => void makePosts(),
    openPassage: (passageId) => {
      showPane('draft')
      if (store.get().focus !== passageId) setFocus(passageId)
    },
    contextMenu: (request) => setMenu(request),
  }
  const extensions = useMemo(() => [postsEditorActions(handlers)], [])

  // Ctrl/Cmd+Shift+M anywhere in the window.
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (isShortcut(e, 'makePosts')) {
        e.preventDefault()
        handlers.current.makePosts()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  const shortcut = shortcutLabel('makePosts')
  const commands: Command[] = [
    { id: 'make-posts', label: t('posts.commands.makePosts'), keywords: 'posts social', shortcut, run: () => void makePosts() },
    {
      id: 'posts-panel',
      label: open ? t('posts.commands.hidePosts') : t('posts.commands.showPosts'),
      keywords: 'posts',
      run: () => (open ? close() : showPane('draft')),
    },
    { id: 'posts-today', label: t('posts.commands.today'), keywords: 'posts planned heute geplant', run: () => showPane('today') },
  ]

  const controller: PostsController = {
    tab: state.tab,
    setTab: (tab) => dispatch({ type: 'tab', tab }),
    draft: draft && draft.id === shownDraftId ? draft : null,
    data: state.data && state.data.draftId === shownDraftId ? state.data : null,
    loadError: state.loadError,
    focus: state.focus,
    setFocus,
    suggestions: state.suggestions,
    layout: state.layout,
    comparePlatform: state.comparePlatform,
    setLayout: (layout, platform) => dispatch({ type: 'layout', layout, platform }),
    editedSuggestion: (group) => edits.current.get(group.id) ?? group,
    rememberSuggestion: (group) => edits.current.set(group.id, group),
    savePost,
    makeMore,
    makePosts: () => void makePosts(),
    editText,
    flushText,
    changeState,
    deletePost,
    showPassage,
    isInText,
    removeHighlight,
    today: state.today,
    todayError: state.todayError,
    todayDate: state.todayDate,
    settings,
    close,
    shortcut,
    journal: { draftId: shownDraftId, editor: shown?.editor ?? null, language: draft?.language ?? 'en', draftCreated: input.draftCreated ?? openDraft },
  }

  const menuItems: MenuItem[] = menu
    ? [
        ...(menu.hasSelection ? [{ id: 'make-posts', label: t('posts.contextMenu.makePosts'), shortcut, run: () => void makePosts() }] : []),
        ...(menu.passageIds.length > 0
          ? [{ id: 'show-posts', label: t('posts.contextMenu.showPosts'), run: () => handlers.current.openPassage(menu.passageIds[menu.passageIds.length - 1]!) }]
          : []),
        ...(menu.hasSelection
          ? [
              {
                id: 'copy',
                label: t('posts.contextMenu.copy'),
                shortcut: shortcutLabel('copy'),
                run: () => {
                  const ed = latest.current.shown?.editor
                  if (!ed) return
                  const { from, to } = ed.state.selection
                  const text = getTextBetween(ed.state.doc, { from, to }, { blockSeparator: '\n\n', textSerializers: getTextSerializersFromSchema(ed.schema) })
                  copyText(text).catch((error: Error) =>
                    notify('error', t('posts.actions.copyFailed', { reason: error.message, shortcut: shortcutLabel('copy') })),
                  )
                },
              },
            ]
          : []),
      ]
    : []

  return {
    controller,
    extensions,
    commands,
    menu:
      menu && menuItems.length > 0
        ? {
            at: menu,
            items: menuItems,
            close: (restoreFocus) => {
              setMenu(null)
              if (restoreFocus) latest.current.shown?.editor.commands.focus()
            },
          }
        : null,
    layout: { open, width, setWidth, commitWidth: (next) => onSettings({ panes: { postsWidth: next } }) },
  }
}

function statsFrom(cache: { documentCount: number; frequencies: Map<string, number> }): LibraryTermStats {
  return { documentCount: cache.documentCount, documentFrequency: (term) => cache.frequencies.get(term) ?? 0 }
}

function passageIdsInDoc(editor: Editor): Set<number> {
  const ids = new Set<number>()
  editor.state.doc.descendants((node) => {
    for (const mark of node.marks) if (mark.type.name === 'passage' && typeof mark.attrs.passageId === 'number') ids.add(mark.attrs.passageId)
    return true
  })
  return ids
}

/** Follows a range through the editor's changes until stopped; null if the text in it was deleted. */
function trackRange(editor: Editor, range: { from: number; to: number }) {
  let current: { from: number; to: number } | null = range
  let active = true
  const onTransaction = ({ transaction }: { transaction: { mapping: { map(pos: number, assoc?: number): number } } }) => {
    if (!current) return
    const from = transaction.mapping.map(current.from, 1)
    const to = transaction.mapping.map(current.to, -1)
    current = to > from ? { from, to } : null
  }
  editor.on('transaction', onTransaction)
  return {
    stop() {
      if (active) {
        active = false
        editor.off('transaction', onTransaction)
      }
      return current
    },
  }
}

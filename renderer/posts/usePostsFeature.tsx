import { getTextBetween, getTextSerializersFromSchema, type AnyExtension, type Editor } from '@tiptap/core'
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import {
  MAX_PASSAGE_LENGTH,
  type DraftId,
  type DraftSummary,
  type Passage,
  type Post,
  type PostStateChange,
  type Settings,
  type SettingsPatch,
  type TodayPost,
} from '@shared/domain'
import { useApi } from '../api/context'
import type { Command } from '../app/commands'
import { isShortcut, useShortcutLabel } from '../app/keys'
import { useNotices } from '../app/notices'
import type { SaveRegistry } from '../editor/saveRegistry'
import { PaneSplitter } from '../app/PaneSplitter'
import { copyText } from './clipboard'
import { EditorContextMenu, type MenuItem } from './EditorContextMenu'
import { localDate } from './localDate'
import { addPassageMark, passageCovering, passageIdsAt, removePassageMark, revealPassage } from './passageMark'
import { PostsPane } from './PostsPane'
import { PostsSettings } from './PostsSettings'
import { postsEditorActions, type PostsEditorHandlers } from './postsEditorActions'
import { suggestPosts, partsToSave, currentParts, type SuggestionGroup } from './suggestions'
import './posts.css'

export const POSTS_WIDTH = { min: 280, max: 720 } as const

export type PostsTab = 'draft' | 'today'

export interface PostsFeatureInput {
  /** The editor on screen (null while none is open). */
  editor: Editor | null
  /** The draft selected in the library; the editor may still show the previous one while it loads. */
  draftId: DraftId | null
  draft: DraftSummary | null
  settings: Settings
  onSettings(patch: SettingsPatch): void
  openDraft(id: DraftId): void
  focusMode: boolean
  leaveFocusMode(): void
  /** The app's one save registry: edits of saved posts are saved (and flushed) with the drafts. */
  registry: SaveRegistry
}

export interface PostsFeature {
  /** Goes into the editor's extension list (once: the array is stable). */
  extensions: AnyExtension[]
  /** For the command palette. */
  commands: Command[]
  /** The right-hand pane with its splitter, and the editor's context menu. */
  view: ReactNode
  /** The posts part of the settings dialog. */
  settingsSection: ReactNode
}

export interface DraftPosts {
  draftId: DraftId
  passages: Passage[]
  posts: Post[]
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
}

/**
 * The posts feature: select a passage → "Make posts" → a card per platform → save, plan, post.
 * Owns the panel's state and every call to the posts channels; the views only render it.
 */
export function usePostsFeature(input: PostsFeatureInput): PostsFeature {
  const { editor, draftId, draft, settings, onSettings, openDraft, focusMode, leaveFocusMode, registry } = input
  const api = useApi()
  const { t } = useTranslation()
  const shortcutLabel = useShortcutLabel()
  const { notify } = useNotices()
  const open = settings.panes.postsOpen
  const [tab, setTab] = useState<PostsTab>('draft')
  const [width, setWidth] = useState(settings.panes.postsWidth)
  useEffect(() => setWidth(settings.panes.postsWidth), [settings.panes.postsWidth])

  // Which draft the editor on screen belongs to: the selected one at the moment it appeared.
  // (While the next draft loads, the old editor is still on screen with the new id selected.)
  const [shown, setShown] = useState<{ editor: Editor; draftId: DraftId } | null>(null)
  useEffect(() => {
    setShown(editor && draftId !== null ? { editor, draftId } : null)
    // Only when the editor itself changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor])
  const shownDraftId = shown?.draftId ?? null

  const [data, setData] = useState<DraftPosts | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [focus, setFocusState] = useState<number | null>(null)
  const [suggestions, setSuggestions] = useState<Record<number, SuggestionGroup[]>>({})
  const [today, setToday] = useState<TodayPost[] | null>(null)
  const [todayError, setTodayError] = useState<string | null>(null)
  const [todayDate, setTodayDate] = useState(localDate)
  const [menu, setMenu] = useState<{ x: number; y: number; hasSelection: boolean; passageIds: number[] } | null>(null)
  const edits = useRef(new Map<number, SuggestionGroup>())
  /** Passages made in this session that have no saved post yet: dropped again when the author moves on. */
  const unsaved = useRef(new Set<number>())
  const pendingReveal = useRef<{ draftId: DraftId; passageId: number } | null>(null)

  const latest = useRef({ shown, data, focus, settings, draft, tab, open })
  latest.current = { shown, data, focus, settings, draft, tab, open }

  const setOpen = useCallback((next: boolean) => onSettings({ panes: { postsOpen: next } }), [onSettings])

  // The open draft's passages and posts.
  useEffect(() => {
    setLoadError(null)
    if (shownDraftId === null) {
      setData(null)
      return
    }
    let current = true
    setData((d) => (d?.draftId === shownDraftId ? d : null))
    api.invoke('posts.listForDraft', { draftId: shownDraftId }).then(
      (result) => {
        if (!current) return
        setData({ draftId: shownDraftId, ...result, passages: dropAbandoned(shownDraftId, result) })
        const reveal = pendingReveal.current
        if (reveal?.draftId === shownDraftId) {
          pendingReveal.current = null
          setFocusState(reveal.passageId)
          setTab('draft')
          requestAnimationFrame(() => {
            const ed = latest.current.shown?.editor
            if (ed && latest.current.shown?.draftId === shownDraftId) revealPassage(ed, reveal.passageId)
          })
        }
      },
      (error: Error) => current && setLoadError(error.message),
    )
    return () => {
      current = false
    }
  }, [api, shownDraftId])

  /**
   * Marks and passages without posts are leftovers: posts made and none saved before the app
   * closed, the last post deleted, a mark copied in from another draft. They go when the
   * draft opens, so every highlight in the text has posts behind it.
   */
  const dropAbandoned = (id: DraftId, result: { passages: Passage[]; posts: Post[] }): Passage[] => {
    const withPosts = new Set(result.posts.map((p) => p.passageId))
    const keep = (passageId: number) => withPosts.has(passageId) || unsaved.current.has(passageId)
    const view = latest.current.shown
    if (view && view.draftId === id && !view.editor.isDestroyed && view.editor.isEditable) {
      for (const passageId of passageIdsInDoc(view.editor)) if (!keep(passageId)) removePassageMark(view.editor, passageId)
    }
    for (const passage of result.passages) {
      if (!keep(passage.id)) api.invoke('passages.discard', { id: passage.id }).catch(() => undefined)
    }
    return result.passages.filter((p) => keep(p.id))
  }

  /** Drops a passage made in this session if the author saved nothing from it. */
  const discardIfUnsaved = useCallback(
    (passageId: number | null) => {
      if (passageId === null || !unsaved.current.has(passageId)) return
      unsaved.current.delete(passageId)
      const { shown: view, data: current } = latest.current
      if (current?.posts.some((p) => p.passageId === passageId)) return
      if (view && current && view.draftId === current.draftId) removePassageMark(view.editor, passageId)
      setData((d) => (d ? { ...d, passages: d.passages.filter((p) => p.id !== passageId) } : d))
      setSuggestions(({ [passageId]: _dropped, ...rest }) => rest)
      api.invoke('passages.discard', { id: passageId }).catch(() => undefined) // a leftover row harms nothing
    },
    [api],
  )

  const setFocus = useCallback(
    (passageId: number | null) => {
      const previous = latest.current.focus
      if (previous !== passageId) discardIfUnsaved(previous)
      setFocusState(passageId)
    },
    [discardIfUnsaved],
  )

  // Another draft: leave the last one's unsaved passage behind (its editor is still there now).
  const previousDraft = useRef<DraftId | null>(null)
  useEffect(() => {
    if (previousDraft.current !== null && previousDraft.current !== draftId) {
      discardIfUnsaved(latest.current.focus)
      setFocusState(null)
      setSuggestions({})
    }
    previousDraft.current = draftId
  }, [draftId, discardIfUnsaved])

  const loadToday = useCallback(() => {
    const date = localDate()
    setTodayDate(date)
    setTodayError(null)
    api.invoke('posts.today', { date }).then(setToday, (error: Error) => setTodayError(error.message))
  }, [api])

  useEffect(() => {
    if (open && tab === 'today') loadToday()
  }, [open, tab, loadToday])

  const applyPost = useCallback(
    (post: Post) => {
      setData((d) => (d && d.draftId === post.draftId ? { ...d, posts: d.posts.map((p) => (p.id === post.id ? post : p)) } : d))
      if (latest.current.tab === 'today' && latest.current.open) loadToday()
    },
    [loadToday],
  )

  const showPane = useCallback(
    (next: PostsTab) => {
      leaveFocusMode()
      setTab(next)
      if (!latest.current.open) setOpen(true)
    },
    [leaveFocusMode, setOpen],
  )

  const makePosts = useCallback(async () => {
    const { shown: view, data: current, draft: summary, settings: now } = latest.current
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
        unsaved.current.add(passage.id)
        setData((d) => (d && d.draftId === passage.draftId ? { ...d, passages: [...d.passages, passage] } : d))
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
    const groups = suggestPosts(
      {
        text,
        title: mine?.title ?? '',
        tags: mine?.tags ?? [],
        language: mine?.language ?? 'en',
        blogUrl: full?.canonicalUrl || undefined,
      },
      now.posts,
    )
    setSuggestions((s) => ({ ...s, [passageId]: groups }))
    setFocus(passageId)
  }, [api, draftId, notify, setFocus, showPane, t])

  const makeMore = useCallback(
    (passageId: number) => {
      const { data: current, draft: summary, settings: now } = latest.current
      const passage = current?.passages.find((p) => p.id === passageId)
      if (!passage || !summary) return
      void api.invoke('drafts.get', { id: passage.draftId }).then(
        (full) => {
          const groups = suggestPosts(
            { text: passage.text, title: summary.title, tags: summary.tags, language: summary.language, blogUrl: full.canonicalUrl || undefined },
            now.posts,
          )
          setSuggestions((s) => ({ ...s, [passageId]: groups }))
        },
        (error: Error) => notify('error', t('posts.passageFailed', { reason: error.message })),
      )
    },
    [api, notify, t],
  )

  const savePost = useCallback(
    async (passageId: number, group: SuggestionGroup) => {
      const current = latest.current.data
      if (!current) return false
      try {
        const post = await api.invoke('posts.create', {
          draftId: current.draftId,
          passageId,
          platform: group.platform,
          style: group.style,
          parts: partsToSave(currentParts(group)),
        })
        unsaved.current.delete(passageId)
        setData((d) => (d && d.draftId === post.draftId ? { ...d, posts: [...d.posts, post] } : d))
        setSuggestions((s) => ({ ...s, [passageId]: (s[passageId] ?? []).filter((g) => g.platform !== group.platform) }))
        return true
      } catch (error) {
        notify('error', t('posts.actions.saveFailed', { reason: (error as Error).message }))
        return false
      }
    },
    [api, notify, t],
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
        // Its passage's last post: the passage goes too once the author moves on (as a new one would).
        if (!latest.current.data?.posts.some((p) => p.id !== post.id && p.passageId === post.passageId)) unsaved.current.add(post.passageId)
        setData((d) => (d ? { ...d, posts: d.posts.filter((p) => p.id !== post.id) } : d))
        setToday((list) => list?.filter((p) => p.id !== post.id) ?? list)
        notify('info', t('posts.actions.deleted'))
        return true
      } catch (error) {
        notify('error', t('posts.state.changeFailed', { reason: (error as Error).message }))
        return false
      }
    },
    [api, notify, t],
  )

  const showPassage = useCallback(
    (target: DraftId, passageId: number) => {
      const view = latest.current.shown
      if (view && view.draftId === target && latest.current.data?.draftId === target) {
        setTab('draft')
        setFocus(passageId)
        revealPassage(view.editor, passageId)
        return
      }
      pendingReveal.current = { draftId: target, passageId }
      openDraft(target)
    },
    [openDraft, setFocus],
  )

  const isInText = useCallback(
    (passageId: number) => {
      const view = latest.current.shown
      if (!view || view.draftId !== latest.current.data?.draftId || view.editor.isDestroyed) return null
      return passageIdsInDoc(view.editor).has(passageId)
    },
    [],
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
    discardIfUnsaved(latest.current.focus)
    setOpen(false)
  }, [discardIfUnsaved, setOpen])

  // The editor calls in through this ref: its extension is created once per editor.
  const handlers = useRef<PostsEditorHandlers>({ makePosts: () => undefined, openPassage: () => undefined, contextMenu: () => undefined })
  handlers.current = {
    makePosts: () => void makePosts(),
    openPassage: (passageId) => {
      showPane('draft')
      if (latest.current.focus !== passageId) setFocus(passageId)
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
    tab,
    setTab,
    draft: draft && draft.id === shownDraftId ? draft : null,
    data: data && data.draftId === shownDraftId ? data : null,
    loadError,
    focus,
    setFocus,
    suggestions,
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
    today,
    todayError,
    todayDate,
    settings,
    close,
    shortcut,
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

  const view = (
    <>
      {open && !focusMode && (
        <>
          <PaneSplitter
            label={t('posts.resize')}
            value={width}
            min={POSTS_WIDTH.min}
            max={POSTS_WIDTH.max}
            invert
            onChange={setWidth}
            onCommit={(next) => onSettings({ panes: { postsWidth: next } })}
          />
          <aside className="right-pane posts-pane-host" style={{ ['--right-width' as string]: `${width}px` }} aria-label={t('posts.paneLabel')}>
            <PostsPane controller={controller} />
          </aside>
        </>
      )}
      {menu && menuItems.length > 0 && (
        <EditorContextMenu
          at={menu}
          items={menuItems}
          onClose={(restoreFocus) => {
            setMenu(null)
            if (restoreFocus) latest.current.shown?.editor.commands.focus()
          }}
        />
      )}
    </>
  )

  const settingsSection = <PostsSettings posts={settings.posts} onChange={onSettings} />

  return { extensions, commands, view, settingsSection }
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

import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { passageIdsAt } from './passageMark'

/** What the posts feature does when the author acts in the text. */
export interface PostsEditorHandlers {
  makePosts(): void
  /** A click landed inside a marked passage (innermost passage id). */
  openPassage(passageId: number): void
  /** Right-click (or the context-menu key) on a selection or a marked passage. */
  contextMenu(request: { x: number; y: number; hasSelection: boolean; passageIds: number[] }): void
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    postsActions: {
      /** Turns the selected text into posts (the toolbar's "Make posts" button). */
      makePosts: () => ReturnType
    }
  }
}

const key = new PluginKey('postsActions')

/**
 * The posts feature's hooks into the editor: a `makePosts` command for the toolbar, clicks on
 * passage marks, and a small context menu where there is something to make posts from. The
 * handlers live in a ref so the extension (created once per editor) always calls the latest.
 */
export function postsEditorActions(handlers: { readonly current: PostsEditorHandlers }) {
  return Extension.create({
    name: 'postsActions',
    addCommands() {
      return {
        makePosts: () => () => {
          handlers.current.makePosts()
          return true
        },
      }
    },
    addProseMirrorPlugins() {
      return [
        new Plugin({
          key,
          props: {
            handleClick(view, pos, event) {
              // The state still holds the selection from before this click (often the passage
              // itself, just made posts from), so it says nothing about this click; a
              // shift-click extends a selection and is left alone.
              if (event.button !== 0 || event.shiftKey) return false
              const ids = passageIdsAt(view.state.doc, pos)
              if (ids.length > 0) handlers.current.openPassage(ids[ids.length - 1]!)
              return false
            },
            handleDOMEvents: {
              contextmenu(view, event) {
                const hasSelection = !view.state.selection.empty
                const pos = positionOf(view, event)
                const passageIds = pos === null ? [] : passageIdsAt(view.state.doc, pos)
                // Nothing to offer: leave the platform's own menu (spelling suggestions) alone.
                if (!hasSelection && passageIds.length === 0) return false
                event.preventDefault()
                const at = pointOf(view, event)
                handlers.current.contextMenu({ ...at, hasSelection, passageIds })
                return true
              },
            },
          },
        }),
      ]
    },
  })
}

/** A keyboard-opened menu (Shift+F10, the menu key) has no pointer position: use the selection. */
function isFromKeyboard(event: MouseEvent): boolean {
  return event.button !== 2 && event.clientX === 0 && event.clientY === 0
}

function positionOf(view: EditorView, event: MouseEvent): number | null {
  if (isFromKeyboard(event)) return view.state.selection.from
  return view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.from
}

function pointOf(view: EditorView, event: MouseEvent): { x: number; y: number } {
  if (!isFromKeyboard(event)) return { x: event.clientX, y: event.clientY }
  const coords = view.coordsAtPos(view.state.selection.head)
  return { x: coords.left, y: coords.bottom }
}

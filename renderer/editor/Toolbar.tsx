import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import {
  Bold,
  Heading2,
  Heading3,
  History,
  ImagePlus,
  Italic,
  Link2,
  List,
  ListOrdered,
  ListTree,
  Maximize2,
  MessageSquarePlus,
  Quote,
  Redo2,
  Underline,
  Undo2,
  type LucideIcon,
} from 'lucide-react'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ALLOWED_IMAGE_TYPES } from '@shared/domain'
import type { ShortcutName } from '@shared/keymap'
import { useShortcutLabel } from '../app/keys'

interface ToolbarProps {
  editor: Editor
  outlineOpen: boolean
  onToggleOutline(): void
  onLink(): void
  onImages(files: File[]): void
  onFocusMode(): void
  onHistory(): void
}

/**
 * Formatting state comes from useEditorState with a selector, so typing re-renders the
 * toolbar only when a button's state actually flips (the editor itself never re-renders).
 */
export function Toolbar({ editor, outlineOpen, onToggleOutline, onLink, onImages, onFocusMode, onHistory }: ToolbarProps) {
  const { t } = useTranslation()
  const fileInput = useRef<HTMLInputElement>(null)
  const shortcutLabel = useShortcutLabel()
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      link: e.isActive('link'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  })
  const run = (fn: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => () => fn(editor.chain().focus()).run()

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="toolbar-group">
        <ToolButton icon={Undo2} label={t('toolbar.undo')} keys="undo" disabled={!state.canUndo} onClick={run((c) => c.undo())} />
        <ToolButton icon={Redo2} label={t('toolbar.redo')} keys="redo" disabled={!state.canRedo} onClick={run((c) => c.redo())} />
      </div>
      <div className="toolbar-group">
        <ToolButton icon={Bold} label={t('toolbar.bold')} keys="bold" pressed={state.bold} onClick={run((c) => c.toggleBold())} />
        <ToolButton icon={Italic} label={t('toolbar.italic')} keys="italic" pressed={state.italic} onClick={run((c) => c.toggleItalic())} />
        <ToolButton icon={Underline} label={t('toolbar.underline')} keys="underline" pressed={state.underline} onClick={run((c) => c.toggleUnderline())} />
        <ToolButton icon={Link2} label={t('toolbar.link')} keys="link" pressed={state.link} onClick={onLink} />
      </div>
      <div className="toolbar-group">
        <ToolButton icon={Heading2} label={t('toolbar.heading2')} pressed={state.h2} onClick={run((c) => c.toggleHeading({ level: 2 }))} />
        <ToolButton icon={Heading3} label={t('toolbar.heading3')} pressed={state.h3} onClick={run((c) => c.toggleHeading({ level: 3 }))} />
        <ToolButton icon={List} label={t('toolbar.bulletList')} pressed={state.bulletList} onClick={run((c) => c.toggleBulletList())} />
        <ToolButton icon={ListOrdered} label={t('toolbar.orderedList')} pressed={state.orderedList} onClick={run((c) => c.toggleOrderedList())} />
        <ToolButton icon={Quote} label={t('toolbar.quote')} pressed={state.blockquote} onClick={run((c) => c.toggleBlockquote())} />
        <ToolButton icon={ImagePlus} label={t('toolbar.image')} onClick={() => fileInput.current?.click()} />
        <input
          ref={fileInput}
          type="file"
          accept={ALLOWED_IMAGE_TYPES.join(',')}
          multiple
          hidden
          tabIndex={-1}
          aria-hidden
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])]
            e.currentTarget.value = ''
            if (files.length) onImages(files)
          }}
        />
      </div>
      <div className="toolbar-group toolbar-end">
        {'makePosts' in editor.commands && (
          <button
            type="button"
            className="button button-quiet make-posts-button"
            title={t('posts.makePostsHint', { shortcut: shortcutLabel('makePosts') })}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => editor.commands.makePosts()}
          >
            <MessageSquarePlus size={18} aria-hidden />
            <span className="make-posts-label">{t('posts.makePosts')}</span>
          </button>
        )}
        <ToolButton icon={ListTree} label={t('toolbar.outline')} pressed={outlineOpen} onClick={onToggleOutline} />
        <ToolButton icon={History} label={t('toolbar.history')} onClick={onHistory} />
        <ToolButton icon={Maximize2} label={t('toolbar.focusMode')} onClick={onFocusMode} />
      </div>
    </div>
  )
}

function ToolButton({
  icon: Icon,
  label,
  keys,
  pressed,
  disabled,
  onClick,
}: {
  icon: LucideIcon
  label: string
  keys?: ShortcutName
  pressed?: boolean
  disabled?: boolean
  onClick(): void
}) {
  const shortcutLabel = useShortcutLabel()
  const hint = keys ? `${label} (${shortcutLabel(keys)})` : label
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      aria-pressed={pressed}
      title={hint}
      disabled={disabled}
      // Keep the text selection: a mousedown on the button would otherwise blur the editor first.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      <Icon size={18} aria-hidden />
    </button>
  )
}

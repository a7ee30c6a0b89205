import { getSchema, Mark, type AnyExtension } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import { expect } from 'vitest'
import type { DocNode } from '@shared/domain'
import { classifyImageSrc, safeLinkHref } from '@shared/export'

/**
 * The editor's real schema, built from the renderer's one list of extensions, so these tests
 * fail the day the editor and the converters disagree. Loaded by path at run time because
 * the renderer's types need the DOM library, which the Node test project does not have.
 */
interface EditorExtensionsModule {
  editorExtensions(options: {
    language: 'en' | 'de'
    placeholder: string
    resolveAsset(id: string): Promise<string>
    imageLabels: { notStored: string; broken: string }
    extra?: AnyExtension[]
  }): AnyExtension[]
}

/** Stand-in until the posts feature adds its own `passage` mark (name and attribute as briefed). */
const PassageMark = Mark.create({
  name: 'passage',
  addAttributes: () => ({ passageId: { default: null } }),
})

export interface EditorSchema {
  schema: Schema
  headingLevels: number[]
}

let cached: Promise<EditorSchema> | undefined

export function loadEditorSchema(): Promise<EditorSchema> {
  cached ??= (async () => {
    const modulePath = '../../../../renderer/editor/extensions'
    const { editorExtensions } = (await import(/* @vite-ignore */ modulePath)) as EditorExtensionsModule
    const base = editorExtensions({ language: 'en', placeholder: '', resolveAsset: async () => '', imageLabels: { notStored: '', broken: '' } })
    const hasPassage = base.some((e) => e.name === 'passage')
    const extensions = hasPassage ? base : [...base, PassageMark]
    const kit = extensions.find((e) => e.name === 'starterKit') as { options: { heading?: { levels?: number[] } } } | undefined
    return { schema: getSchema(extensions), headingLevels: kit?.options.heading?.levels ?? [1, 2, 3, 4, 5, 6] }
  })()
  return cached
}

function walk(node: DocNode, visit: (node: DocNode) => void): void {
  visit(node)
  for (const child of node.content ?? []) walk(child, visit)
}

/**
 * What an imported document must be before it reaches the editor or the database: valid in
 * the editor's schema (content, marks, attributes), headings at levels the editor offers,
 * links only to allowed targets, images only with bytes we hold.
 */
export function expectEditorDoc(editor: EditorSchema, doc: DocNode): void {
  expect(() => editor.schema.nodeFromJSON(doc).check()).not.toThrow()
  walk(doc, (node) => {
    if (node.type === 'heading') expect(editor.headingLevels).toContain(node.attrs?.level)
    if (node.type === 'image') expect(['data', 'asset']).toContain(classifyImageSrc(node.attrs?.src).kind)
    if (node.type === 'text') expect(node.text).not.toBe('')
    for (const mark of node.marks ?? []) {
      if (mark.type === 'link') expect(safeLinkHref(mark.attrs?.href)).toBe(mark.attrs?.href)
    }
  })
}

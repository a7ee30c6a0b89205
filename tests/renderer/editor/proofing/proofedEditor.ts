import type { Editor, EditorOptions } from '@tiptap/core'
import { onTestFinished } from 'vitest'
import { ProofingClient } from '../../../../renderer/editor/proofing/client'
import { type ProofingHandlers, proofingExtension } from '../../../../renderer/editor/proofing/proofingExtension'
import type { ProofingRequest } from '../../../../renderer/editor/proofing/protocol'
import { appEditor } from '../../support/editor'
import { inProcessWorker } from './inProcessWorker'

type ProofingOptions = NonNullable<ReturnType<ProofingHandlers['options']>>

/**
 * An English editor in the page with proofing on, checked by the real worker code in-process.
 * `sent` holds the texts of the blocks of each check request, `rounds` the block count of each
 * check round. Destroyed when the test ends.
 */
export function proofedEditor(content: EditorOptions['content'], options: Partial<ProofingOptions> = {}): { e: Editor; sent: string[][]; rounds: number[] } {
  const sent: string[][] = []
  const rounds: number[] = []
  const handlers = {
    current: {
      options: () => ({ style: true, maxSentenceWords: 25, words: [], ignored: [], ...options }),
      contextMenu: () => undefined,
      measured: ({ blocks }) => rounds.push(blocks),
    } as ProofingHandlers,
  }
  const worker = () => {
    const real = inProcessWorker()
    const post = real.postMessage.bind(real)
    real.postMessage = (request: ProofingRequest) => {
      if (request.type === 'check') sent.push(request.blocks.map((b) => b.text))
      post(request)
    }
    return real
  }
  const element = document.createElement('div')
  document.body.append(element)
  const e = appEditor(content, { language: 'en', element, extensions: [proofingExtension(new ProofingClient(worker), handlers)], editorProps: { attributes: { lang: 'en' } } })
  onTestFinished(() => {
    e.destroy()
    element.remove()
  })
  return { e, sent, rounds }
}

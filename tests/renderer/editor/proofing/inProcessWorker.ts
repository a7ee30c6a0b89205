import { checkBlocks } from '../../../../renderer/editor/proofing/checkBlocks'
import type { ProofingRequest, ProofingResponse } from '../../../../renderer/editor/proofing/protocol'
import { spellerFor } from '../../../shared/proofing/dictionaries'

/**
 * jsdom has no Worker: this runs the worker's real checking code (real dictionaries from
 * node_modules) in-process behind the same message protocol, answering asynchronously.
 */
export function inProcessWorker(): Worker {
  const worker = {
    onmessage: null as ((event: MessageEvent<ProofingResponse>) => void) | null,
    onerror: null,
    postMessage(request: ProofingRequest) {
      setTimeout(() => {
        let response: ProofingResponse
        if (request.type === 'check') {
          const speller = spellerFor(request.options.language)
          speller.setPersonalWords(request.options.words)
          response = { id: request.id, type: 'check', results: checkBlocks(speller, request.blocks, request.options), loadMs: null, checkMs: 0 }
        } else if (request.type === 'suggest') response = { id: request.id, type: 'suggest', suggestions: spellerFor(request.language).suggest(request.word) }
        else response = { id: request.id, type: 'stats', heapBytes: null, loadMs: {} }
        worker.onmessage?.({ data: response } as MessageEvent<ProofingResponse>)
      }, 0)
    },
    terminate() {},
  }
  return worker as unknown as Worker
}

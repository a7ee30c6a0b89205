import type { Language } from '@shared/domain'
import type { BlockResult, BlockToCheck, CheckOptions, ProofingRequest, ProofingResponse } from './protocol'

type Pending = { resolve(response: ProofingResponse): void; reject(error: Error): void }
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never

/** The main thread's side of the proofing worker: one worker for the whole window. */
export class ProofingClient {
  private worker: Worker | null = null
  private nextId = 1
  private readonly pending = new Map<number, Pending>()

  constructor(private readonly create: () => Worker = () => new Worker(new URL('./proofing.worker.ts', import.meta.url), { type: 'module' })) {}

  private request(message: WithoutId<ProofingRequest>): Promise<ProofingResponse> {
    if (!this.worker) {
      this.worker = this.create()
      this.worker.onmessage = (event: MessageEvent<ProofingResponse>) => {
        const waiting = this.pending.get(event.data.id)
        this.pending.delete(event.data.id)
        if (!waiting) return
        if (event.data.type === 'error') waiting.reject(new Error(event.data.message))
        else waiting.resolve(event.data)
      }
      this.worker.onerror = (event) => {
        for (const waiting of this.pending.values()) waiting.reject(new Error(event.message || 'proofing worker failed'))
        this.pending.clear()
      }
    }
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.worker!.postMessage({ ...message, id })
    })
  }

  async check(blocks: BlockToCheck[], options: CheckOptions): Promise<{ results: BlockResult[]; loadMs: number | null; checkMs: number }> {
    const response = await this.request({ type: 'check', blocks, options })
    if (response.type !== 'check') throw new Error('unexpected proofing answer')
    return response
  }

  async suggest(word: string, language: Language): Promise<string[]> {
    const response = await this.request({ type: 'suggest', word, language })
    return response.type === 'suggest' ? response.suggestions : []
  }

  async stats(): Promise<{ heapBytes: number | null; loadMs: Partial<Record<Language, number>> }> {
    const response = await this.request({ type: 'stats' })
    if (response.type !== 'stats') throw new Error('unexpected proofing answer')
    return response
  }

  dispose(): void {
    this.worker?.terminate()
    this.worker = null
  }
}

let shared: ProofingClient | null = null
export function proofingClient(): ProofingClient {
  shared ??= new ProofingClient()
  return shared
}

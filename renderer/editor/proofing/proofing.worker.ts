/// <reference lib="webworker" />
import nspell from 'nspell'
import type { Language } from '@shared/domain'
import { prepareDic, Speller } from '@shared/proofing'
import { checkBlocks } from './checkBlocks'
import { DICTIONARIES } from './dictionaries'
import type { CheckOptions, ProofingRequest, ProofingResponse } from './protocol'

/**
 * Spelling and style off the main thread. Dictionaries load on first use per language (German
 * takes seconds: the Hunspell file is parsed into memory) and stay loaded.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope
const dictionaries = new Map<Language, Promise<ReturnType<typeof nspell>>>()
const spellers = new Map<Language, Promise<Speller>>()
const loadMs: Partial<Record<Language, number>> = {}
let personalKey = ''

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`dictionary ${url}: HTTP ${response.status}`)
  return response.text()
}

function dictionary(language: Language) {
  let loading = dictionaries.get(language)
  if (!loading) {
    loading = (async () => {
      const started = performance.now()
      const { aff, dicUrl } = DICTIONARIES[language]
      const dic = await fetchText(dicUrl)
      const loaded = nspell({ aff, dic: prepareDic(dic, aff) })
      loadMs[language] = performance.now() - started
      return loaded
    })()
    dictionaries.set(language, loading)
  }
  return loading
}

function speller(language: Language): Promise<Speller> {
  let loading = spellers.get(language)
  if (!loading) {
    loading = (async () =>
      new Speller(
        language === 'de' ? { language, primary: await dictionary('de'), secondary: await dictionary('en') } : { language, primary: await dictionary('en') },
      ))()
    spellers.set(language, loading)
  }
  return loading
}

async function check(blocks: { key: string; text: string }[], options: CheckOptions) {
  const hadSpeller = spellers.has(options.language)
  const started = performance.now()
  const spelling = await speller(options.language)
  const loaded = performance.now()
  const key = options.words.join('\n')
  if (key !== personalKey) {
    for (const s of spellers.values()) (await s).setPersonalWords(options.words)
    personalKey = key
  }
  const results = checkBlocks(spelling, blocks, options)
  return { results, loadMs: hadSpeller ? null : loaded - started, checkMs: performance.now() - loaded }
}

scope.onmessage = async (event: MessageEvent<ProofingRequest>) => {
  const request = event.data
  let response: ProofingResponse
  try {
    if (request.type === 'check') response = { id: request.id, type: 'check', ...(await check(request.blocks, request.options)) }
    else if (request.type === 'suggest') response = { id: request.id, type: 'suggest', suggestions: (await speller(request.language)).suggest(request.word) }
    else {
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory
      response = { id: request.id, type: 'stats', heapBytes: memory?.usedJSHeapSize ?? null, loadMs }
    }
  } catch (error) {
    response = { id: request.id, type: 'error', message: String((error as Error)?.message ?? error) }
  }
  scope.postMessage(response)
}

export type BinaryState = { installed: true; path: string } | { installed: false; reason: string; fixable: boolean }
export type ScriptRunner = (script: string, options: { env?: NodeJS.ProcessEnv; cwd?: string }) => Promise<{ code: number; stderr: string }>
export declare function electronPlatformPath(platform: string): string
export declare function electronBinaryState(electronDir: string, options?: { platform?: string; env?: NodeJS.ProcessEnv }): BinaryState
export declare function describeDownloadFailure(stderr: string, version: string): string
export declare function runNodeScript(script: string, options?: { node?: string; env?: NodeJS.ProcessEnv; cwd?: string }): Promise<{ code: number; stderr: string }>
export declare function ensureElectronBinary(options: {
  electronDir: string
  platform?: string
  env?: NodeJS.ProcessEnv
  run?: ScriptRunner
  log?: (message: string) => void
}): Promise<{ status: 'present' | 'downloaded'; path: string }>
export declare function linuxSandboxHint(options?: { platform?: string; restrictUserns?: string | null }): string | null

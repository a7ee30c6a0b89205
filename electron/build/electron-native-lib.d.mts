import type { NativeTarget } from './native-layout.mjs'

export interface Command {
  readonly command: string
  readonly args: string[]
}
export type Runner = (command: string, args: string[], options: { cwd: string; env: Record<string, string> }) => Promise<number>
export interface EnsureOptions extends NativeTarget {
  readonly root: string
  readonly run?: Runner
  readonly log?: (message: string) => void
  readonly env?: Record<string, string | undefined>
}
export interface EnsureResult {
  readonly status: 'present' | 'downloaded' | 'compiled'
  readonly path: string
}

export declare function sanitizedBuildEnv(env: Record<string, string | undefined>): Record<string, string>
export declare function electronVersionOf(root: string): Promise<string>
export declare function prebuildInstallCommand(target: NativeTarget & { readonly root: string }): Command
export declare function nodeGypCommand(target: Omit<NativeTarget, 'platform'> & { readonly root: string }): Command
export declare function looksLikeNativeModule(header: Buffer | null | undefined, platform: string): boolean
export declare const runProcess: Runner
export declare function ensureElectronNative(options: EnsureOptions): Promise<EnsureResult>
export declare function parseTargetArgs(
  argv: readonly string[],
  defaults?: { platform: string; arch: string },
): { platform: string; arch: string }

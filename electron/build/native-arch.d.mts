export interface NativeModuleInfo {
  readonly format: 'elf' | 'macho' | 'pe'
  readonly platform: 'linux' | 'darwin' | 'win32'
  readonly archs: string[]
}
export declare function nativeModuleInfo(header: Buffer | null | undefined): NativeModuleInfo | null
export declare function nativeModuleProblems(header: Buffer | null | undefined, target: { platform: string; arch: string }): string[]
